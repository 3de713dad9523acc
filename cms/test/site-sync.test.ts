import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from './helpers/fixtures';
import { api } from './helpers/http';
import { startCms, type TestCms } from './helpers/strapi';

type Entry = [documentId: string, updatedAt: string];
interface SiteSync {
  articles: Entry[];
  comments: Entry[];
}

let cms: TestCms;
let make: ReturnType<typeof fixtures>;
let categoryId: string;

const articles = () => cms.strapi.documents('api::article.article');
const comments = () => cms.strapi.documents('api::comment.comment');

async function sync(): Promise<SiteSync> {
  const { status, body } = await api<SiteSync>(cms.url, '/site-sync', { token: cms.siteToken });
  expect(status).toBe(200);
  return body;
}

/** documentId → updatedAt, so tests can ignore the order. */
const asMap = (entries: Entry[]) => new Map(entries);

/** What the REST API says about a collection with the site's token: documentId → updatedAt. */
async function restUpdatedAt(
  collection: string,
  filters: Array<[string, string]> = [],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let page = 1; ; page++) {
    const { status, body } = await api(cms.url, `/${collection}`, {
      token: cms.siteToken,
      query: [
        ['fields[0]', 'updatedAt'],
        ['pagination[page]', String(page)],
        ['pagination[pageSize]', '100'],
        ...filters,
      ],
    });
    expect(status).toBe(200);
    for (const entry of body.data) found.set(entry.documentId, entry.updatedAt);
    if (page >= body.meta.pagination.pageCount) return found;
  }
}

const publishArticle = async (title: string, category: string | null = categoryId) =>
  (await make.article({ title, ...(category ? { category } : {}) }, 'published')).documentId;

const submitComment = async (
  article: string,
  moderation: 'pending' | 'approved' | 'spam' = 'pending',
) =>
  (
    await comments().create({
      data: { name: 'Bạn đọc', email: 'ban-doc@example.vn', body: 'Hay', article, moderation },
    })
  ).documentId;

beforeAll(async () => {
  cms = await startCms();
  make = fixtures(cms.strapi);
  categoryId = (await make.category({ name: 'Thời sự' })).documentId;
});

afterAll(async () => {
  await cms?.stop();
});

describe('GET /api/site-sync', () => {
  it('answers the read-only "site-build" token only', async () => {
    expect((await api(cms.url, '/site-sync', { token: cms.siteToken })).status).toBe(200);
    // No token: the public role, which is never given the route.
    expect((await api(cms.url, '/site-sync')).status).toBe(403);
    expect((await api(cms.url, '/site-sync', { token: 'not-the-key' })).status).toBe(401);
  });

  it('lists published articles that have a category, with REST’s updatedAt', async () => {
    const listed = await publishArticle('Khánh thành cầu Bến Đá');
    const withoutCategory = await publishArticle('Bài chưa có chuyên mục', null);
    const draft = (await make.article({ title: 'Bài nháp', category: categoryId })).documentId;

    const entries = asMap((await sync()).articles);
    expect(entries.has(listed)).toBe(true);
    expect(entries.has(withoutCategory)).toBe(false);
    expect(entries.has(draft)).toBe(false);

    // Byte-equal strings: the site compares them with what GET /api/articles gave it.
    const rest = await restUpdatedAt('articles');
    for (const [documentId, updatedAt] of entries) {
      expect(updatedAt).toBe(rest.get(documentId));
    }
  });

  it('follows publish, draft edits, unpublish, re-publish and delete', async () => {
    const documentId = await publishArticle('Mùa lúa chín trên cánh đồng mẫu lớn');
    const first = asMap((await sync()).articles).get(documentId);
    expect(first).toBeDefined();

    // A saved draft does not change what readers see, so neither does the entry.
    await articles().update({ documentId, data: { title: 'Mùa lúa chín (bản sửa)' } });
    expect(asMap((await sync()).articles).get(documentId)).toBe(first);

    await articles().publish({ documentId });
    const republished = asMap((await sync()).articles).get(documentId);
    expect(republished).toBeDefined();
    expect(republished).not.toBe(first);
    expect(republished).toBe((await restUpdatedAt('articles')).get(documentId));

    await articles().unpublish({ documentId });
    expect(asMap((await sync()).articles).has(documentId)).toBe(false);

    await articles().publish({ documentId });
    expect(asMap((await sync()).articles).has(documentId)).toBe(true);

    await articles().delete({ documentId });
    expect(asMap((await sync()).articles).has(documentId)).toBe(false);
  });

  it('drops articles whose category is removed', async () => {
    const category = (await make.category({ name: 'Chuyên mục tạm' })).documentId;
    const documentId = await publishArticle('Bài trong chuyên mục tạm', category);
    expect(asMap((await sync()).articles).has(documentId)).toBe(true);

    await cms.strapi.documents('api::category.category').delete({ documentId: category });
    expect(asMap((await sync()).articles).has(documentId)).toBe(false);
  });

  it('lists approved comments only, following moderation', async () => {
    const article = await publishArticle('Bài có bình luận');
    const pending = await submitComment(article);
    const approved = await submitComment(article, 'approved');
    const spam = await submitComment(article, 'spam');

    let entries = asMap((await sync()).comments);
    expect(entries.has(approved)).toBe(true);
    expect(entries.has(pending)).toBe(false);
    expect(entries.has(spam)).toBe(false);

    await comments().update({ documentId: pending, data: { moderation: 'approved' } });
    await comments().update({ documentId: approved, data: { moderation: 'rejected' } });
    entries = asMap((await sync()).comments);
    expect([...entries.keys()]).toContain(pending);
    expect(entries.has(approved)).toBe(false);

    const rest = await restUpdatedAt('comments', [['filters[moderation][$eq]', 'approved']]);
    expect(entries).toEqual(rest);

    await comments().delete({ documentId: pending });
    expect(asMap((await sync()).comments).has(pending)).toBe(false);
  });
});
