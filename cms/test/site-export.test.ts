import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeExportPage,
  SITE_EXPORT_TYPE,
  SITE_ARTICLE_FIELDS,
  SITE_AUTHOR_FIELDS,
  SITE_CATEGORY_FIELDS,
  SITE_COVER_FIELDS,
  SITE_CREDIT_FIELDS,
} from '@toasoan/shared';
import { runSeed } from '../scripts/lib/run-seed';
import { waitForQuietDatabase } from '../scripts/lib/strapi';
import { fixtures } from './helpers/fixtures';
import { api } from './helpers/http';
import { startCms, type TestCms } from './helpers/strapi';

type Article = Record<string, unknown> & { id: number; documentId: string; category: unknown };
interface ExportPage {
  data: Article[];
  meta: { next: number | null };
}

const SYNTHETIC = 300;

// The site's ARTICLE_QUERY (site/src/lib/strapi/queries.ts), written the way it sends it.
const ARTICLE_QUERY: Array<[string, string]> = [
  ...SITE_ARTICLE_FIELDS.map((field, i): [string, string] => [`fields[${i}]`, field]),
  ...SITE_COVER_FIELDS.map((field, i): [string, string] => [
    `populate[cover][fields][${i}]`,
    field,
  ]),
  ...SITE_CATEGORY_FIELDS.map((field, i): [string, string] => [
    `populate[category][fields][${i}]`,
    field,
  ]),
  ...SITE_CREDIT_FIELDS.map((field, i): [string, string] => [
    `populate[credits][fields][${i}]`,
    field,
  ]),
  ...SITE_AUTHOR_FIELDS.map((field, i): [string, string] => [
    `populate[credits][populate][author][fields][${i}]`,
    field,
  ]),
];

let cms: TestCms;
let make: ReturnType<typeof fixtures>;
const special: Record<'noCover' | 'deletedAuthor' | 'unpublished' | 'draftEdit', string> = {
  noCover: '',
  deletedAuthor: '',
  unpublished: '',
  draftEdit: '',
};

const articles = () => cms.strapi.documents('api::article.article');

/**
 * One page of the export with each body put back into its entry where REST has it (the route
 * sends bodies as bytes after a JSON line), or the JSON error.
 */
async function exportPage<T = ExportPage>(query: Record<string, string>) {
  const url = new URL('/api/site-export', cms.url);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const response = await fetch(url, { headers: { authorization: `Bearer ${cms.siteToken}` } });
  const { status, headers } = response;
  if (status !== 200) return { status, headers, body: (await response.json()) as T };
  expect(headers.get('content-type')).toBe(SITE_EXPORT_TYPE);
  const { head, bodies } = decodeExportPage(new Uint8Array(await response.arrayBuffer()));
  const page = head as ExportPage;
  const data = page.data.map((entry, index) => ({
    ...entry,
    body: new TextDecoder().decode(bodies[index]),
  }));
  return { status, headers, body: { data, meta: { next: page.meta.next } } as T };
}

/** Every page of the export, following meta.next from the start. */
async function exportAll(limit: number): Promise<ExportPage[]> {
  const pages: ExportPage[] = [];
  for (let after = 0; ;) {
    const { status, body, headers } = await exportPage({
      after: String(after),
      limit: String(limit),
    });
    expect(status).toBe(200);
    // The same cursor in a header, so a client can ask for the next page before parsing this.
    expect(headers.get('x-next-after')).toBe(body.meta.next === null ? '' : String(body.meta.next));
    pages.push(body);
    if (body.meta.next === null) return pages;
    after = body.meta.next;
  }
}

/** What the site reads today: every published article through REST, 100 a request. */
async function restArticles(): Promise<Map<string, Article>> {
  const found = new Map<string, Article>();
  for (let page = 1; ; page++) {
    const { status, body } = await api(cms.url, '/articles', {
      token: cms.siteToken,
      query: [
        ...ARTICLE_QUERY,
        ['sort[0]', 'id:asc'],
        ['pagination[page]', String(page)],
        ['pagination[pageSize]', '100'],
      ],
    });
    expect(status).toBe(200);
    for (const article of body.data) found.set(article.documentId, article);
    if (page >= body.meta.pagination.pageCount) return found;
  }
}

beforeAll(async () => {
  cms = await startCms();
  make = fixtures(cms.strapi);
  await runSeed(cms.strapi, { sample: true, synthetic: SYNTHETIC, demoAdmin: null }, () => {});

  const category = (await make.category({ name: 'Xuất bản thử' })).documentId;
  const keeper = (await make.author({ name: 'Thu Hà' })).documentId;
  const leaver = (await make.author({ name: 'Người đã nghỉ' })).documentId;
  const credits = [
    { role: 'Bài', author: leaver },
    { role: 'Ảnh', author: keeper },
  ];

  special.noCover = (
    await make.article({ title: 'Bài không có ảnh bìa', category, credits }, 'published')
  ).documentId;
  special.deletedAuthor = (
    await make.article({ title: 'Bài của tác giả đã xóa', category, credits }, 'published')
  ).documentId;
  await cms.strapi.documents('api::author.author').delete({ documentId: leaver });

  special.unpublished = (
    await make.article({ title: 'Bài đã gỡ', category }, 'published')
  ).documentId;
  await articles().unpublish({ documentId: special.unpublished });

  special.draftEdit = (
    await make.article({ title: 'Bài đã đăng', category }, 'published')
  ).documentId;
  await articles().update({ documentId: special.draftEdit, data: { title: 'Bản nháp chưa đăng' } });

  await make.article({ title: 'Bài chưa có chuyên mục' }, 'published');
  await make.article({ title: 'Bài nháp', category });
  await waitForQuietDatabase(cms.strapi);
}, 300_000);

afterAll(async () => {
  if (cms) await waitForQuietDatabase(cms.strapi);
  await cms?.stop();
});

describe('GET /api/site-export', () => {
  it('answers the read-only "site-build" token only', async () => {
    expect((await exportPage({ limit: '1' })).status).toBe(200);
    // No token: the public role, which is never given the route.
    expect((await api(cms.url, '/site-export')).status).toBe(403);
    expect((await api(cms.url, '/site-export', { token: 'not-the-key' })).status).toBe(401);
  });

  it('gives exactly what REST gives with ARTICLE_QUERY, for every published article with a category', async () => {
    const pages = await exportAll(37);
    const exported = pages.flatMap((page) => page.data);
    const rest = [...(await restArticles()).values()].filter(
      (article) => article.category !== null,
    );

    expect(rest.length).toBeGreaterThan(SYNTHETIC);
    expect(exported.map((article) => article.documentId).sort()).toEqual(
      rest.map((article) => article.documentId).sort(),
    );
    const byDocumentId = new Map(exported.map((article) => [article.documentId, article]));
    for (const article of rest) {
      // A body the database holds as NULL (REST's null) travels as no bytes: the site reads ''.
      expect(byDocumentId.get(article.documentId)).toStrictEqual({
        ...article,
        body: article.body ?? '',
      });
    }
    expect(rest.some((article) => /[ạ-ỹĐđ]/.test(String(article.body)))).toBe(true);

    const noCover = byDocumentId.get(special.noCover)!;
    expect(noCover.cover).toBeNull();
    const deletedAuthor = byDocumentId.get(special.deletedAuthor)!;
    expect((deletedAuthor.credits as Array<{ author: unknown }>).map((c) => c.author)).toEqual([
      null,
      expect.objectContaining({ name: 'Thu Hà' }),
    ]);
    expect(byDocumentId.has(special.unpublished)).toBe(false);
    expect(byDocumentId.get(special.draftEdit)!.title).toBe('Bài đã đăng');
  });

  it('pages in published-row id order, the same pages each time', async () => {
    const pages = await exportAll(37);
    const ids = pages.flatMap((page) => page.data.map((article) => article.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    // Every cursor is the last id of its page; only the last page has none.
    for (const page of pages.slice(0, -1)) expect(page.meta.next).toBe(page.data.at(-1)!.id);
    expect(pages.at(-1)!.meta.next).toBeNull();

    expect(await exportAll(37)).toEqual(pages);
    const [whole] = await exportAll(2000);
    expect(whole.data).toEqual(pages.flatMap((page) => page.data));
    // The default limit is 1000.
    const { body } = await exportPage({});
    expect(body.data).toEqual(whole.data.slice(0, 1000));
  });

  it('puts an article published while paging at the end, skipping and repeating nothing', async () => {
    const before = (await exportAll(2000))[0].data.map((article) => article.documentId);
    const first = (await exportPage({ limit: '50' })).body;
    const category = (await make.category({ name: 'Tin muộn' })).documentId;
    const late = (await make.article({ title: 'Tin mới đăng', category }, 'published')).documentId;

    const rest: string[] = [];
    for (let after = first.meta.next; after !== null;) {
      const { body } = await exportPage({ after: String(after), limit: '50' });
      rest.push(...body.data.map((article) => article.documentId));
      after = body.meta.next;
    }
    expect([...first.data.map((article) => article.documentId), ...rest]).toEqual([
      ...before,
      late,
    ]);
  });

  it('refuses a malformed cursor or limit with a 400 that says why', async () => {
    for (const [query, name] of [
      [{ after: 'abc' }, 'after'],
      [{ after: '-1' }, 'after'],
      [{ after: '1.5' }, 'after'],
      [{ limit: '0' }, 'limit'],
      [{ limit: '2001' }, 'limit'],
      [{ limit: 'all' }, 'limit'],
    ] as const) {
      const { status, body } = await exportPage<{ error: { message: string } }>(query);
      expect(status).toBe(400);
      expect(body.error.message).toMatch(new RegExp(`^${name} must be`));
    }
    const { status, body } = await exportPage({ after: '999999999' });
    expect(status).toBe(200);
    expect(body).toEqual({ data: [], meta: { next: null } });
  });
});
