import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advisoryLockKey } from '../src/utils/advisory-lock';
import { fixtures } from './helpers/fixtures';
import { startCms, type TestCms } from './helpers/strapi';

// Several CMS instances on one PostgreSQL database: a create (slug, article number, insert) waits
// for the advisory lock another instance holds. SQLite serves one machine only, so this runs in
// CI's PostgreSQL pass (DATABASE_URL).
const onPostgres = Boolean(process.env.DATABASE_URL);

/** The part of pg's Client used here (pg ships no types of its own). */
interface PgClient {
  connect(): Promise<void>;
  query<Row>(sql: string, values?: unknown[]): Promise<{ rows: Row[] }>;
  end(): Promise<void>;
}
const { Client } = createRequire(import.meta.url)('pg') as {
  Client: new (options: { connectionString?: string }) => PgClient;
};

let cms: TestCms;

beforeAll(async () => {
  if (onPostgres) cms = await startCms();
});

afterAll(async () => {
  await cms?.stop();
});

/** The advisory lock requests on the creates key: granted, or waiting. */
async function createsLockRequests(client: PgClient) {
  const [classid, objid] = advisoryLockKey('creates');
  const { rows } = await client.query<{ granted: boolean }>(
    `SELECT granted FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid = $2`,
    [classid, objid],
  );
  return {
    granted: rows.filter((row) => row.granted).length,
    waiting: rows.filter((row) => !row.granted).length,
  };
}

describe.runIf(onPostgres)('creates across CMS instances', () => {
  it('wait while another instance holds the creates lock, then take the next number', async () => {
    const make = fixtures(cms.strapi);
    const before = await make.article({ title: 'Bài trước khi khóa' });

    // "Another instance" in the middle of a create: it holds the lock on its own connection.
    const other = new Client({ connectionString: cms.database.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1, $2)', advisoryLockKey('creates'));
      let settled = false;
      const creating = make.article({ title: 'Bài viết trong lúc khóa' }).finally(() => {
        settled = true;
      });
      // The gate: PostgreSQL itself shows this instance's request waiting behind the other's.
      while ((await createsLockRequests(other)).waiting === 0) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(settled).toBe(false);
      await other.query('SELECT pg_advisory_unlock($1, $2)', advisoryLockKey('creates'));
      const created = await creating;
      expect(created.number).toBe(Number(before.number) + 1);
      // Released with the create's transaction: nothing holds it or waits for it any more.
      expect(await createsLockRequests(other)).toEqual({ granted: 0, waiting: 0 });
    } finally {
      await other.end();
    }
  });
});
