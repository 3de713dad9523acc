import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import app from '../src/index';
import { REPORTER_ROLE_CODE } from '../src/bootstrap/newsroom-roles';
import { ADVISORY_LOCKS, advisoryLockKey } from '../src/utils/advisory-lock';
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

/** The advisory lock requests on a concern's key: granted, or waiting. */
async function lockRequests(client: PgClient, concern: keyof typeof ADVISORY_LOCKS = 'creates') {
  const [classid, objid] = advisoryLockKey(concern);
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
      while ((await lockRequests(other)).waiting === 0) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(settled).toBe(false);
      await other.query('SELECT pg_advisory_unlock($1, $2)', advisoryLockKey('creates'));
      const created = await creating;
      expect(created.number).toBe(Number(before.number) + 1);
      // Released with the create's transaction: nothing holds it or waits for it any more.
      expect(await lockRequests(other)).toEqual({ granted: 0, waiting: 0 });
    } finally {
      await other.end();
    }
  });
});

describe.runIf(onPostgres)('bootstrap across CMS instances', () => {
  it('waits while another instance bootstraps; two at once make one token and one role', async () => {
    const { strapi } = cms;
    const siteBuildTokens = () =>
      strapi.db.query('admin::api-token').count({ where: { name: 'site-build' } });
    const reporterRoles = () =>
      strapi.db.query('admin::role').count({ where: { code: REPORTER_ROLE_CODE } });
    // A database no instance has set up yet, as far as the token and the role go.
    await strapi.db.query('admin::api-token').deleteMany({ where: { name: 'site-build' } });
    await strapi.db.query('admin::role').deleteMany({ where: { code: REPORTER_ROLE_CODE } });

    const other = new Client({ connectionString: cms.database.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1, $2)', advisoryLockKey('bootstrap'));
      let settled = false;
      // Two instances starting at once (each bootstrap in its own transaction and connection).
      const booting = Promise.all([app.bootstrap({ strapi }), app.bootstrap({ strapi })]).finally(
        () => {
          settled = true;
        },
      );
      while (!settled && (await lockRequests(other, 'bootstrap')).waiting < 2) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(settled).toBe(false);
      expect(await siteBuildTokens()).toBe(0);
      await other.query('SELECT pg_advisory_unlock($1, $2)', advisoryLockKey('bootstrap'));
      await booting;
    } finally {
      await other.end();
    }
    expect(await siteBuildTokens()).toBe(1);
    expect(await reporterRoles()).toBe(1);
  });
});
