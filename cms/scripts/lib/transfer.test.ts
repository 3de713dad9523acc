import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPostgres } from '../../src/utils/advisory-lock';
import { fixtures } from '../../test/helpers/fixtures';
import { startCms, type TestCms } from '../../test/helpers/strapi';
import { countContent, exportArchive, importArchive } from './transfer';

// The restore's own checks, on the database of the run (SQLite, or PostgreSQL with DATABASE_URL).
// The round trip into another CMS and the site built from it: site/test/backup-restore.test.ts.

let cms: TestCms;
let dir: string;
let archive: string;

const countOf = (uid: string) => cms.strapi.db.query(uid as never).count({});

beforeAll(async () => {
  cms = await startCms();
  dir = await mkdtemp(path.join(os.tmpdir(), 'toasoan-transfer-test-'));
  const make = fixtures(cms.strapi);
  const category = await make.category({ name: 'Thời sự' });
  for (const title of ['Khánh thành cầu mới', 'Mùa lúa chín']) {
    await make.article({ title, category: category.documentId }, 'published');
  }
  archive = await exportArchive(cms.strapi, path.join(dir, 'archive'));
});

afterAll(async () => {
  await cms?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/**
 * Until `undo` runs, a section vanishes when the first article is linked to it (its other links
 * then fail): rows lost after the transfer wrote them, which only counting afterwards notices.
 */
async function loseSectionsOnceLinked(): Promise<() => Promise<void>> {
  const raw = (sql: string) => cms.strapi.db.connection.raw(sql);
  if (isPostgres(cms.strapi)) {
    await raw(`CREATE FUNCTION lose_section() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN DELETE FROM categories WHERE id = NEW.category_id; RETURN NULL; END $$`);
    await raw(`CREATE TRIGGER lose_sections AFTER INSERT ON articles_category_lnk
      FOR EACH ROW EXECUTE FUNCTION lose_section()`);
    return async () => {
      await raw('DROP TRIGGER lose_sections ON articles_category_lnk');
      await raw('DROP FUNCTION lose_section()');
    };
  }
  await raw(`CREATE TRIGGER lose_sections AFTER INSERT ON articles_category_lnk
    BEGIN DELETE FROM categories WHERE id = NEW.category_id; END`);
  return async () => {
    await raw('DROP TRIGGER lose_sections');
  };
}

describe('importArchive', () => {
  it('brings every row back, counted once it has committed, and no second admin role or token', async () => {
    const before = await countContent(cms.strapi);
    const roles = await countOf('admin::role');
    const tokens = await countOf('admin::api-token');

    const archived = await importArchive(cms.strapi, archive);

    // Drafts and published versions are rows of their own.
    expect(archived).toMatchObject({ 'api::article.article': 4, 'api::category.category': 1 });
    expect(Object.keys(archived).filter((uid) => uid.startsWith('admin::'))).toEqual([]);
    expect(await countContent(cms.strapi)).toEqual(before);
    expect(await countOf('admin::role')).toBe(roles);
    expect(await countOf('admin::api-token')).toBe(tokens);
  }, 120_000);

  it('fails, naming what is missing, when the database does not keep every row', async () => {
    const undo = await loseSectionsOnceLinked();
    try {
      const restoring = importArchive(cms.strapi, archive);
      await expect(restoring).rejects.toThrow(
        /^The restore is incomplete: .*api::category\.category: 0 of 1.*restore again with --force/,
      );
      // The other articles' links to it could not be written, and are named too.
      await expect(restoring).rejects.toThrow(/Links restore skipped \d+ relation/);
    } finally {
      await undo();
    }
  }, 120_000);
});
