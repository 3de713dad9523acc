import { randomBytes } from 'node:crypto';
import { previewLinkParts, verifyPreviewLink } from '@toasoan/shared';
import { registerFirstAdmin } from '../../scripts/lib/first-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from './helpers/fixtures';
import { api } from './helpers/http';
import { startCms, type TestCms } from './helpers/strapi';

// The admin's Preview (config/admin.ts, src/utils/preview-url.ts) and the "site-preview" token
// the site reads drafts with (src/bootstrap/api-tokens.ts, src/middlewares/published-only.ts).
const SECRET = randomBytes(32).toString('hex');
const PREVIEW_TOKEN = randomBytes(32).toString('hex');
const SITE_URL = 'https://bao.example.vn';
const ARTICLE = 'api::article.article';

let cms: TestCms;
let adminJwt: string;
let draftId: string;
let publishedId: string;
let publishedPath: string;

async function previewUrl(documentId: string, status: 'draft' | 'published') {
  const response = await fetch(
    `${cms.url}/content-manager/preview/url/${ARTICLE}?documentId=${documentId}&status=${status}`,
    { headers: { Authorization: `Bearer ${adminJwt}` } },
  );
  return { status: response.status, url: ((await response.json()) as any).data?.url as string };
}

const draftQuery = (documentId: string): Array<[string, string]> => [
  ['status', 'draft'],
  ['filters[documentId][$eq]', documentId],
  ['fields[0]', 'title'],
  ['populate[category][fields][0]', 'slug'],
];

beforeAll(async () => {
  cms = await startCms({ PREVIEW_SECRET: SECRET, PREVIEW_API_TOKEN: PREVIEW_TOKEN, SITE_URL });
  adminJwt = await registerFirstAdmin(cms.url);
  const make = fixtures(cms.strapi);
  const category = await make.category({ name: 'Thời sự' });
  draftId = (await make.article({ title: 'Bản nháp chưa đăng', category: category.documentId }))
    .documentId;
  const published = await make.article(
    { title: 'Bài đã đăng', category: category.documentId },
    'published',
  );
  publishedId = published.documentId;
  publishedPath = `/thoi-su/${published.slug}-${published.number}.html`;
  // A title only in the draft: what the preview must show and the site must not.
  await cms.strapi
    .documents(ARTICLE)
    .update({ documentId: publishedId, data: { title: 'Tiêu đề mới chỉ có trong bản nháp' } });
});

afterAll(async () => {
  await cms?.stop();
});

describe("the admin's Preview of an article", () => {
  it('gives the draft a signed link to the site, valid for an hour', async () => {
    const before = Date.now();
    const { status, url } = await previewUrl(draftId, 'draft');
    expect(status).toBe(200);
    expect(url.startsWith(`${SITE_URL}/xem-truoc/${draftId}?het-han=`)).toBe(true);
    const parts = previewLinkParts(new URL(url));
    expect(parts.documentId).toBe(draftId);
    expect(await verifyPreviewLink(SECRET, parts, Date.now())).toBe('valid');
    expect(await verifyPreviewLink('another secret', parts, Date.now())).toBe('invalid');
    const expiresMs = Number(parts.expires) * 1000;
    expect(expiresMs).toBeGreaterThan(before + 59 * 60_000);
    expect(expiresMs).toBeLessThanOrEqual(Date.now() + 60 * 60_000);
    expect(await verifyPreviewLink(SECRET, parts, expiresMs + 1)).toBe('expired');
  });

  it("gives the published version its live page's address", async () => {
    expect((await previewUrl(publishedId, 'published')).url).toBe(`${SITE_URL}${publishedPath}`);
  });

  it('is refused without an admin session', async () => {
    const response = await fetch(
      `${cms.url}/content-manager/preview/url/${ARTICLE}?documentId=${draftId}&status=draft`,
    );
    expect(response.status).toBe(401);
  });
});

describe('the "site-preview" token', () => {
  it('is created from PREVIEW_API_TOKEN with read access to articles, sections, authors and pictures', async () => {
    const token = await cms.strapi.db
      .query('admin::api-token')
      .findOne({ where: { name: 'site-preview' }, populate: ['permissions'] });
    expect(token.type).toBe('custom');
    expect(token.permissions.map((p: { action: string }) => p.action).sort()).toEqual([
      'api::article.article.find',
      'api::author.author.find',
      'api::category.category.find',
      'plugin::upload.content-api.find',
    ]);
  });

  it('reads the draft, which the site-build token is never given', async () => {
    const preview = await api(cms.url, '/articles', {
      token: PREVIEW_TOKEN,
      query: draftQuery(publishedId),
    });
    expect(preview.status).toBe(200);
    expect(preview.body.data.map((a: { title: string }) => a.title)).toEqual([
      'Tiêu đề mới chỉ có trong bản nháp',
    ]);
    expect(preview.body.data[0].category.slug).toBe('thoi-su');

    const build = await api(cms.url, '/articles', {
      token: cms.siteToken,
      query: draftQuery(publishedId),
    });
    expect(build.body.data.map((a: { title: string }) => a.title)).toEqual(['Bài đã đăng']);
    const unpublished = await api(cms.url, '/articles', {
      token: cms.siteToken,
      query: draftQuery(draftId),
    });
    expect(unpublished.body.data).toEqual([]);
  });

  it('may not write', async () => {
    const response = await api(cms.url, '/articles', {
      method: 'POST',
      token: PREVIEW_TOKEN,
      body: { data: { title: 'Không được tạo' } },
    });
    expect(response.status).toBe(403);
  });
});
