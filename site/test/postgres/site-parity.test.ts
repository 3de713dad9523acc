import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCms, type TestCms } from '../helpers/cms';
import { copySqliteCmsToPostgres } from '../helpers/copy-cms-database';
import { assertPrerequisitesBuilt } from '../helpers/paths';
import { buildSite, type SiteBuild } from '../helpers/site';

/**
 * Every file of a build that readers get, relative to its root: not `.release/`, the build's own
 * record (its time) and server bundle (Astro gives each build a random key).
 */
async function listServedFiles(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith('.release'))
    .sort();
}

// Run only with a PostgreSQL DATABASE_URL (vitest.config.ts): the PostgreSQL pass of CI.
describe('the site built from PostgreSQL', () => {
  let sqliteCms: TestCms | undefined;
  let postgresCms: TestCms | undefined;
  let fromSqlite: SiteBuild;
  let fromPostgres: SiteBuild;

  beforeAll(async () => {
    assertPrerequisitesBuilt();
    sqliteCms = await startTestCms([], { database: 'sqlite' });
    fromSqlite = await buildSite(sqliteCms.url, sqliteCms.token);
    await sqliteCms.halt();

    // The CMS creates its schema on an empty PostgreSQL database; then the same rows and uploads.
    // Same address too: picture files are named after their URL in the CMS.
    postgresCms = await startTestCms(null, {
      database: 'postgres',
      port: Number(new URL(sqliteCms.url).port),
    });
    await postgresCms.halt();
    await copySqliteCmsToPostgres(
      sqliteCms.storage.databaseFilename,
      postgresCms.storage.databaseUrl,
    );
    await cp(sqliteCms.storage.publicDir, postgresCms.storage.publicDir, { recursive: true });
    await postgresCms.start();
    fromPostgres = await buildSite(postgresCms.url, postgresCms.token);
    // Two CMSs, two seeds and two builds: twice a usual file's work.
  }, 480_000);

  afterAll(async () => {
    await sqliteCms?.stop();
    await postgresCms?.stop();
  });

  it('builds without errors', () => {
    expect(fromSqlite.stderr).toBe('');
    expect(fromSqlite.code).toBe(0);
    expect(fromPostgres.stderr).toBe('');
    expect(fromPostgres.code).toBe(0);
  });

  it('writes the same files, byte for byte, as the site built from SQLite with the same content', async () => {
    const files = await listServedFiles(fromSqlite.outDir);
    expect(files.filter((file) => file.endsWith('.html')).length).toBeGreaterThan(20);
    expect(await listServedFiles(fromPostgres.outDir)).toEqual(files);
    const differing: string[] = [];
    for (const file of files) {
      const [a, b] = await Promise.all([
        readFile(path.join(fromSqlite.outDir, file)),
        readFile(path.join(fromPostgres.outDir, file)),
      ]);
      if (!a.equals(b)) differing.push(file);
    }
    expect(differing).toEqual([]);
  });
});
