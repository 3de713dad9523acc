import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from './helpers/fixtures';
import { api } from './helpers/http';
import { startCms, type TestCms } from './helpers/strapi';

// The populate tree the site uses: explicit fields, never populate=*.
const ARTICLE_QUERY: Array<[string, string]> = [
  ['fields[0]', 'title'],
  ['fields[1]', 'slug'],
  ['fields[2]', 'number'],
  ['populate[category][fields][0]', 'name'],
  ['populate[category][fields][1]', 'slug'],
  ['populate[credits][populate][author][fields][0]', 'name'],
  ['populate[credits][populate][author][fields][1]', 'slug'],
];

const AUTHOR_EMAIL = 'truongson@baotinh.vn';
const READER_EMAIL = 'bandoc@example.vn';

let cms: TestCms;
let published: { documentId: string; slug: string };
let draftOnly: { documentId: string };
let categoryId: string;
let authorId: string;
let commentId: string;
const responses: string[] = [];

/** GET/POST through the real server, keeping every body to check for leaked private fields. */
const call = async (
  ...args: Parameters<typeof api> extends [any, ...infer Rest] ? Rest : never
) => {
  const response = await api(cms.url, ...args);
  responses.push(response.text);
  return response;
};

beforeAll(async () => {
  cms = await startCms();
  const make = fixtures(cms.strapi);
  const category = await make.category({ name: 'Thời sự' });
  const author = await make.author({ name: 'Trường Sơn', email: AUTHOR_EMAIL });
  categoryId = category.documentId;
  authorId = author.documentId;

  const article = await make.article(
    {
      title: 'Lễ hội đua ghe ngo',
      sapo: 'Sôi nổi ngày hội',
      body: '## Mở đầu\n\nNội dung.',
      category: categoryId,
      credits: [{ role: 'Bài, ảnh', author: authorId }],
    },
    'published',
  );
  published = { documentId: article.documentId, slug: article.slug as string };
  // A later edit not yet published: readers must keep seeing the published title.
  await cms.strapi.documents('api::article.article').update({
    documentId: article.documentId,
    data: { title: 'Lễ hội đua ghe ngo (bản nháp)' },
  });

  const draft = await make.article({ title: 'Bài chưa đăng', category: categoryId });
  draftOnly = { documentId: draft.documentId };

  const comment = await cms.strapi.documents('api::comment.comment').create({
    data: {
      name: 'Bạn đọc',
      email: READER_EMAIL,
      body: 'Hay quá',
      moderation: 'approved',
      article: published.documentId,
    },
  });
  commentId = comment.documentId;
});

afterAll(async () => {
  await cms?.stop();
});

describe('published articles', () => {
  it('are listed with their category and credited authors populated', async () => {
    const { status, body } = await call('/articles', { query: ARTICLE_QUERY });
    expect(status).toBe(200);
    expect(body.data).toHaveLength(1);
    const [article] = body.data;
    expect(article).toMatchObject({
      documentId: published.documentId,
      title: 'Lễ hội đua ghe ngo',
      slug: 'le-hoi-dua-ghe-ngo',
      category: { name: 'Thời sự', slug: 'thoi-su' },
      credits: [{ role: 'Bài, ảnh', author: { name: 'Trường Sơn', slug: 'truong-son' } }],
    });
    expect(body.meta.pagination).toMatchObject({ page: 1, total: 1 });
  });

  it('are readable one by one', async () => {
    const { status, body } = await call(`/articles/${published.documentId}`, {
      query: ARTICLE_QUERY,
    });
    expect(status).toBe(200);
    expect(body.data.title).toBe('Lễ hội đua ghe ngo');
  });
});

describe('drafts', () => {
  it('are not listed, even with status=draft', async () => {
    for (const query of [[], [['status', 'draft']]] as Array<Array<[string, string]>>) {
      const { status, body } = await call('/articles', { query });
      expect(status).toBe(200);
      expect(body.data.map((a: any) => a.title)).toEqual(['Lễ hội đua ghe ngo']);
    }
  });

  it('are not found one by one, even with status=draft', async () => {
    expect((await call(`/articles/${draftOnly.documentId}`)).status).toBe(404);
    expect(
      (await call(`/articles/${draftOnly.documentId}`, { query: [['status', 'draft']] })).status,
    ).toBe(404);
    const edited = await call(`/articles/${published.documentId}`, {
      query: [['status', 'draft']],
    });
    expect(edited.body.data.title).toBe('Lễ hội đua ghe ngo');
  });

  it('do not leak through a populated category', async () => {
    const { status, body } = await call(`/categories/${categoryId}`, {
      query: [
        ['status', 'draft'],
        ['populate[articles][fields][0]', 'title'],
      ],
    });
    expect(status).toBe(200);
    expect(body.data.articles.map((a: any) => a.title)).toEqual(['Lễ hội đua ghe ngo']);
  });
});

describe('the public', () => {
  it.each(['articles', 'authors', 'categories'])(
    'cannot create, update or delete %s',
    async (plural) => {
      const ids: Record<string, string> = {
        articles: published.documentId,
        authors: authorId,
        categories: categoryId,
      };
      const data = { title: 'x', name: 'x' };
      expect((await call(`/${plural}`, { method: 'POST', body: { data } })).status).toBe(403);
      expect(
        (await call(`/${plural}/${ids[plural]}`, { method: 'PUT', body: { data } })).status,
      ).toBe(403);
      expect((await call(`/${plural}/${ids[plural]}`, { method: 'DELETE' })).status).toBe(403);
    },
  );

  it('has no access to comments at all', async () => {
    expect((await call('/comments')).status).toBe(403);
    expect((await call(`/comments/${commentId}`)).status).toBe(403);
    const body = { data: { name: 'Spam', email: 's@example.vn', body: 'Mua ngay' } };
    expect((await call('/comments', { method: 'POST', body })).status).toBe(403);
  });
});

describe("an author's email", () => {
  it('is not in author responses', async () => {
    const list = await call('/authors');
    expect(list.status).toBe(200);
    expect(list.body.data[0]).not.toHaveProperty('email');
    const one = await call(`/authors/${authorId}`);
    expect(one.body.data).not.toHaveProperty('email');
  });

  it('is not in articles that populate their credits, even when asked for', async () => {
    const all = await call('/articles', { query: [['populate[credits][populate]', 'author']] });
    expect(all.status).toBe(200);
    expect(all.body.data[0].credits[0].author.name).toBe('Trường Sơn');
    expect(all.body.data[0].credits[0].author).not.toHaveProperty('email');
    await call('/articles', {
      query: [['populate[credits][populate][author][fields][0]', 'email']],
    });
  });
});

describe('the site-build token', () => {
  it('reads published content', async () => {
    const { status, body } = await call('/articles', {
      token: cms.siteToken,
      query: ARTICLE_QUERY,
    });
    expect(status).toBe(200);
    expect(body.data).toHaveLength(1);
  });

  it('reads only published content, even with status=draft', async () => {
    const { body } = await call('/articles', {
      token: cms.siteToken,
      query: [['status', 'draft']],
    });
    expect(body.data.map((a: any) => a.title)).toEqual(['Lễ hội đua ghe ngo']);
  });

  it('cannot write', async () => {
    const create = await call('/articles', {
      method: 'POST',
      token: cms.siteToken,
      body: { data: { title: 'x' } },
    });
    expect([401, 403]).toContain(create.status);
    const remove = await call(`/articles/${published.documentId}`, {
      method: 'DELETE',
      token: cms.siteToken,
    });
    expect([401, 403]).toContain(remove.status);
  });

  it('reads comments without their email, and only the published version of their article', async () => {
    const { status, body } = await call('/comments', {
      token: cms.siteToken,
      query: [
        ['status', 'draft'],
        ['populate[article][fields][0]', 'title'],
      ],
    });
    expect(status).toBe(200);
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).not.toHaveProperty('email');
    expect(body.data[0].article.title).toBe('Lễ hội đua ghe ngo');
  });

  it('is refused when wrong', async () => {
    const { status } = await call('/articles', { token: 'not-the-site-build-key' });
    expect(status).toBe(401);
  });
});

// Last, so that it sees every response above.
describe('private emails (authors, readers)', () => {
  it('never appeared in any response of this file', () => {
    expect(responses.length).toBeGreaterThan(10);
    for (const text of responses) {
      expect(text).not.toContain(AUTHOR_EMAIL);
      expect(text).not.toContain(READER_EMAIL);
    }
  });
});
