import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { formatGmt7 } from '@toasoan/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCms, type TestCms } from '../test/helpers/strapi';
import { articles, authors, categories, staff, staffLogins } from '../data/newsroom';
import { runSeed } from './lib/run-seed';
import { waitForQuietDatabase } from './lib/strapi';
import { syntheticDocumentId } from './lib/synthetic';

const ARTICLE = 'api::article.article';
const demoAdmin = { email: 'Admin@ToaSoan.local', password: 'Seed-Test-123' };

describe('seed', () => {
  let cms: TestCms;
  let publicDir: string;
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);

  beforeAll(async () => {
    // Uploads go to a temp public dir, not into cms/public/uploads.
    publicDir = await mkdtemp(path.join(os.tmpdir(), 'toasoan-seed-public-'));
    await mkdir(path.join(publicDir, 'uploads'));
    cms = await startCms({ PUBLIC_DIR: publicDir });
    await runSeed(cms.strapi, { sample: true, synthetic: 5, demoAdmin }, log);
    // Everything again, plus a top-up of the synthetic articles: only the two new ones may appear.
    await runSeed(cms.strapi, { sample: true, synthetic: 7, demoAdmin }, log);
  });

  afterAll(async () => {
    if (cms) await waitForQuietDatabase(cms.strapi);
    await cms?.stop();
    if (publicDir) await rm(publicDir, { recursive: true, force: true });
  });

  const count = (uid: string, params: Record<string, unknown> = {}) =>
    (cms.strapi.documents as any)(uid).count(params) as Promise<number>;

  it('creates each category, author and article once', async () => {
    expect(await count('api::category.category')).toBe(categories.length);
    expect(await count('api::author.author')).toBe(authors.length);
    expect(await count(ARTICLE, { status: 'published' })).toBe(articles.length + 7);
    expect(await count(ARTICLE, { status: 'draft' })).toBe(articles.length + 7);
    expect(
      await count(ARTICLE, {
        status: 'published',
        filters: {
          documentId: { $in: Array.from({ length: 8 }, (_, i) => syntheticDocumentId(i + 1)) },
        },
      }),
    ).toBe(7);
    expect(lines).toContain(
      `sample articles: ${articles.length} (0 created and published, ${articles.length} already there)`,
    );
  });

  it('keeps the back-dated publication time and the credits of the sample article', async () => {
    const article = await (cms.strapi.documents as any)(ARTICLE).findFirst({
      status: 'published',
      filters: { slug: 'con-duong-be-tong-mo-loi-thoat-ngheo-cho-ban-vung-cao' },
      populate: { cover: true, category: true, credits: { populate: { author: true } } },
    });
    expect(formatGmt7(article.publicationTime)).toBe('12/10/2023 | 08:29 GMT+7');
    expect(article.category.slug).toBe('xa-hoi');
    expect(article.credits.map((credit: any) => [credit.role, credit.author?.name])).toEqual([
      ['Bài, ảnh', 'Trường Sơn'],
    ]);
    expect(article.cover.mime).toBe('image/jpeg');
    expect(article.cover.caption).toMatch(/\(Ảnh minh họa\)$/);
    expect(article.body).toMatch(/!\[[^\]]+\]\(\/uploads\/[^)\s]+\.jpg "[^"]+\(Ảnh minh họa\)"\)/);
    expect(article.number).toBeGreaterThan(0);
  });

  it('uploads each generated picture once', async () => {
    const files = await cms.strapi.db.query('plugin::upload.file').findMany({ select: ['name'] });
    const names = files.map((file: { name: string }) => file.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('creates the demo super admin once, with the admin in Vietnamese', async () => {
    const users = await cms.strapi.db
      .query('admin::user')
      .findMany({ where: { email: 'admin@toasoan.local' }, populate: ['roles'] });
    expect(users).toHaveLength(1);
    expect(users[0].preferedLanguage).toBe('vi');
    expect(users[0].roles.map((role: { code: string }) => role.code)).toContain(
      'strapi-super-admin',
    );
    const auth = cms.strapi.service('admin::auth');
    expect(await auth.validatePassword(demoAdmin.password, users[0].password)).toBe(true);
  });

  it('creates one demo user of each newsroom role, logging in as an author with the same password', async () => {
    const users = await cms.strapi.db.query('admin::user').findMany({ populate: ['roles'] });
    expect(users).toHaveLength(1 + staff.length);
    const auth = cms.strapi.service('admin::auth');
    for (const login of staffLogins()) {
      const user = users.find((candidate: { email: string }) => candidate.email === login.email);
      expect(user.roles.map((role: { code: string }) => role.code)).toEqual([login.role]);
      expect(await auth.validatePassword(demoAdmin.password, user.password)).toBe(true);
      expect(authors.find((author) => author.email === login.email)?.name).toBe(login.name);
    }
    expect(staff.map((member) => member.role).sort()).toEqual([
      'toasoan-editor',
      'toasoan-reporter',
    ]);
  });
});
