import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { validateRelease } from '../publisher/validate-release';
import { toQueryString, type StrapiQuery } from '../src/lib/strapi/query';
import { startTestCms, type TestCms } from './helpers/cms';
import { CmsAdmin } from './helpers/cms-admin';
import {
  attribute,
  byTag,
  findAll,
  findOne,
  linksIn,
  parseHtml,
  textOf,
  type HtmlElement,
} from './helpers/html';
import { brokenInternalLinks, fileOf } from './helpers/links';
import { assertPrerequisitesBuilt } from './helpers/paths';
import { buildSite, type SiteBuild } from './helpers/site';

// "Links never break": an editor renames a published article, moves one to another category,
// renames a category, changes a slug in a draft only, and unpublishes an article, all through the
// admin's own API. The site is built before and after, and the old addresses must lead to the
// articles while the unpublished one is gone from every page, list, feed and sitemap.

const SITE_URL = 'https://bao-chuyen-huong.example';

interface CmsArticle {
  documentId: string;
  title: string;
  slug: string;
  number: number;
  category: { documentId: string; slug: string } | null;
}
interface CmsCategory {
  documentId: string;
  slug: string;
}

const articlePath = (article: CmsArticle) =>
  `/${article.category!.slug}/${article.slug}-${article.number}.html`;
/** Reads a collection with the site's read-only token (one page: this CMS holds a few dozen). */
async function readAll<T>(cms: TestCms, collection: string, query: StrapiQuery): Promise<T[]> {
  const qs = toQueryString({ ...query, pagination: { page: 1, pageSize: 100 } });
  const response = await fetch(`${cms.url}/api/${collection}?${qs}`, {
    headers: { Authorization: `Bearer ${cms.token}` },
  });
  expect(response.status, `GET /api/${collection}`).toBe(200);
  const { data, meta } = (await response.json()) as {
    data: T[];
    meta: { pagination: { total: number } };
  };
  expect(meta.pagination.total).toBe(data.length);
  return data;
}

const readPublished = (cms: TestCms) =>
  readAll<CmsArticle>(cms, 'articles', {
    fields: ['title', 'slug', 'number'],
    populate: { category: { fields: ['slug'] } },
    sort: ['publicationTime:desc', 'id:desc'],
  });

/** Every HTML and XML file of a build that mentions `needle`. */
async function filesMentioning(build: SiteBuild, needle: string): Promise<string[]> {
  const entries = await readdir(build.outDir, { recursive: true, withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !/\.(html|xml)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    if ((await readFile(file, 'utf8')).includes(needle)) {
      found.push(path.relative(build.outDir, file).split(path.sep).join('/'));
    }
  }
  return found.sort();
}

describe('links after renames, moves and unpublishing', () => {
  let cms: TestCms | undefined;
  let before: SiteBuild;
  let after: SiteBuild;
  let publishedAfter: CmsArticle[];
  // The articles and category the editor changes, as they were before.
  let renamed: CmsArticle;
  let moved: CmsArticle;
  let draftOnly: CmsArticle;
  let unpublished: CmsArticle;
  let renamedCategory: CmsCategory;
  let inRenamedCategory: CmsArticle[];
  let target: CmsCategory;

  const current = (article: CmsArticle) =>
    publishedAfter.find((candidate) => candidate.documentId === article.documentId)!;
  const page = async (build: SiteBuild, sitePath: string) =>
    parseHtml(await readFile(path.join(build.outDir, fileOf(sitePath)), 'utf8')).document;

  beforeAll(async () => {
    assertPrerequisitesBuilt();
    cms = await startTestCms([]);
    const editor = await CmsAdmin.open(cms);
    const categories = await readAll<CmsCategory>(cms, 'categories', {
      fields: ['slug'],
      sort: ['order:asc', 'name:asc'],
    });
    const [author] = await readAll<{ documentId: string; slug: string }>(cms, 'authors', {
      fields: ['slug'],
      sort: ['slug:asc'],
    });

    // Published now, so it is also in the Google News sitemap and first in every list.
    const home = categories[0]!;
    const created = await editor.createPublishedArticle({
      title: 'Tin sẽ được gỡ xuống sau khi đăng',
      sapo: 'Một tin đăng nhầm.',
      body: 'Nội dung đăng nhầm.',
      category: home.documentId,
      credits: [{ role: 'Bài', author: author!.documentId }],
    });

    const published = await readPublished(cms);
    const inCategory = (category: CmsCategory) =>
      published.filter((article) => article.category?.slug === category.slug);
    // Four categories, each touched by one change, so that no change hides another.
    const [, second, third, fourth] = categories.filter((c) => inCategory(c).length > 0);
    unpublished = published.find((article) => article.documentId === created.documentId)!;
    renamed = inCategory(second!)[0]!;
    moved = inCategory(third!)[0]!;
    target = categories.at(-1)!;
    renamedCategory = fourth!;
    // More than a page of articles, so that its page 2 moves too; back-dated, so that they stay
    // out of the newest lists the other checks look at.
    for (let n = 1; n <= 20; n++) {
      await editor.createPublishedArticle({
        title: `Tin cũ thứ ${n} của chuyên mục sẽ đổi tên`,
        sapo: 'Tin để chuyên mục có hai trang.',
        body: 'Nội dung.',
        category: fourth!.documentId,
        credits: [{ role: 'Tin', author: author!.documentId }],
        publicationTime: new Date(Date.UTC(2020, 0, 1, 1, n)).toISOString(),
      });
    }
    inRenamedCategory = (await readPublished(cms)).filter(
      (article) => article.category?.slug === fourth!.slug,
    );
    expect(inRenamedCategory.length).toBeGreaterThan(20);
    draftOnly = inCategory(second!)[1] ?? inCategory(third!)[1]!;
    const touched = [unpublished, renamed, moved, draftOnly, ...inRenamedCategory];
    expect(new Set(touched.map((article) => article.documentId)).size).toBe(
      4 + inRenamedCategory.length,
    );
    expect(target.slug).not.toBe(moved.category!.slug);

    vi.stubEnv('SITE_URL', SITE_URL);
    before = await buildSite(cms.url, cms.token);

    await editor.saveArticle(renamed.documentId, { slug: 'dia-chi-moi-cua-bai-viet' });
    await editor.publishArticle(renamed.documentId);
    await editor.publishArticle(moved.documentId, { category: target.documentId });
    await editor.saveCategory(renamedCategory.documentId, { slug: `${renamedCategory.slug}-moi` });
    await editor.saveArticle(draftOnly.documentId, { slug: 'chi-doi-trong-ban-nhap' });
    await editor.unpublishArticle(unpublished.documentId);

    publishedAfter = await readPublished(cms);
    after = await buildSite(cms.url, cms.token);
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await cms?.stop();
  });

  it('builds both times without errors', () => {
    expect(before.stderr).toBe('');
    expect(before.code).toBe(0);
    expect(after.stderr).toBe('');
    expect(after.code).toBe(0);
  });

  it('gave the changed articles the addresses the editor chose', () => {
    expect(current(renamed).slug).toBe('dia-chi-moi-cua-bai-viet');
    expect(current(moved).category!.slug).toBe(target.slug);
    expect(current(inRenamedCategory[0]!).category!.slug).toBe(`${renamedCategory.slug}-moi`);
    expect(current(draftOnly).slug).toBe(draftOnly.slug);
    expect(publishedAfter.map((article) => article.documentId)).not.toContain(
      unpublished.documentId,
    );
  });

  /** Checks the page at `from` sends readers and search engines on to `article`'s page. */
  async function expectRedirect(from: string, article: CmsArticle) {
    const to = articlePath(current(article));
    expect(from).not.toBe(to);
    const document = await page(after, from);
    const head = findOne(document, byTag('head'), 'head');
    const meta = (test: (element: HtmlElement) => boolean) =>
      findAll(head, (el) => el.tagName === 'meta' && test(el)).map((el) =>
        attribute(el, 'content'),
      );
    expect(attribute(findOne(document, byTag('html'), 'html'), 'lang')).toBe('vi');
    const canonical = findAll(head, (el) => attribute(el, 'rel') === 'canonical');
    expect(
      canonical.map((el) => attribute(el, 'href')),
      from,
    ).toEqual([`${SITE_URL}${to}`]);
    expect(meta((el) => attribute(el, 'http-equiv') === 'refresh')).toEqual([`0; url=${to}`]);
    expect(meta((el) => attribute(el, 'name') === 'robots')).toEqual(['noindex']);
    const body = findOne(document, byTag('body'), 'body');
    expect(textOf(body)).toContain('Bài viết đã chuyển đến địa chỉ mới');
    expect(textOf(body)).toContain(article.title);
    expect(linksIn(body)).toEqual([to]);
    expect(findAll(document, byTag('script'))).toEqual([]);

    // The new address is the article itself.
    const articlePage = await page(after, to);
    expect(textOf(findOne(articlePage, byTag('h1'), 'h1'))).toBe(article.title);
    expect(findAll(articlePage, (el) => attribute(el, 'http-equiv') === 'refresh')).toEqual([]);
  }

  it('leads the old address of a renamed article to its new one', async () => {
    expect(existsSync(path.join(before.outDir, fileOf(articlePath(renamed))))).toBe(true);
    await expectRedirect(articlePath(renamed), renamed);
  });

  it('leads the old address of a moved article to its new category', async () => {
    await expectRedirect(articlePath(moved), moved);
  });

  it('leads the addresses under a renamed category to the new ones', async () => {
    for (const article of inRenamedCategory) await expectRedirect(articlePath(article), article);
  });

  it('leads the old address of a renamed category’s page to its new one', async () => {
    const from = `/${renamedCategory.slug}/`;
    const to = `/${renamedCategory.slug}-moi/`;
    const document = await page(after, from);
    const head = findOne(document, byTag('head'), 'head');
    expect(
      findAll(head, (el) => attribute(el, 'rel') === 'canonical').map((el) =>
        attribute(el, 'href'),
      ),
    ).toEqual([`${SITE_URL}${to}`]);
    expect(
      findAll(head, (el) => attribute(el, 'http-equiv') === 'refresh').map((el) =>
        attribute(el, 'content'),
      ),
    ).toEqual([`0; url=${to}`]);
    const body = findOne(document, byTag('body'), 'body');
    expect(textOf(body)).toContain('Chuyên mục đã chuyển đến địa chỉ mới');
    expect(linksIn(body)).toEqual([to]);
    // The new address is the category's listing.
    const listing = await page(after, to);
    expect(findAll(listing, (el) => attribute(el, 'http-equiv') === 'refresh')).toEqual([]);
  });

  it('leads the later pages of a renamed category to the new ones', async () => {
    const from = `/${renamedCategory.slug}/trang-2/`;
    const to = `/${renamedCategory.slug}-moi/trang-2/`;
    const head = findOne(await page(after, from), byTag('head'), 'head');
    expect(
      findAll(head, (el) => attribute(el, 'http-equiv') === 'refresh').map((el) =>
        attribute(el, 'content'),
      ),
    ).toEqual([`0; url=${to}`]);
    expect(findAll(await page(after, to), byTag('article')).length).toBeGreaterThan(0);
  });

  it('keeps a renamed category’s feed at its old address, naming only the new addresses', async () => {
    const feedAt = (slug: string) => readFile(path.join(after.outDir, slug, 'rss.xml'), 'utf8');
    const oldFeed = await feedAt(renamedCategory.slug);
    expect(oldFeed).toBe(await feedAt(`${renamedCategory.slug}-moi`));
    expect(oldFeed).toContain(`${SITE_URL}/${renamedCategory.slug}-moi/rss.xml`);
    expect(oldFeed).not.toContain(`${SITE_URL}/${renamedCategory.slug}/`);
  });

  it('changes nothing for a slug changed in a draft only', async () => {
    const document = await page(after, articlePath(draftOnly));
    expect(textOf(findOne(document, byTag('h1'), 'h1'))).toBe(draftOnly.title);
    expect(findAll(document, (el) => attribute(el, 'http-equiv') === 'refresh')).toEqual([]);
    const draftPath = `/${draftOnly.category!.slug}/chi-doi-trong-ban-nhap-${draftOnly.number}.html`;
    expect(existsSync(path.join(after.outDir, fileOf(draftPath)))).toBe(false);
  });

  it('lists and indexes only current addresses: redirects stay out of lists and sitemaps', async () => {
    for (const article of [renamed, moved, ...inRenamedCategory]) {
      const oldUrl = `${SITE_URL}${articlePath(article)}`;
      expect(await filesMentioning(after, `"${oldUrl}"`), oldUrl).toEqual([]);
      // Nor does any page link to it: lists link to the current address.
      expect(await filesMentioning(after, `"${articlePath(article)}"`)).toEqual([]);
    }
  });

  it('passes the publisher’s check: one article page per published article', async () => {
    const count = await validateRelease(after.outDir, [publishedAfter.length]);
    expect(count.articlePages).toBe(publishedAfter.length);
  });

  it('removes an unpublished article from every page, list, feed and sitemap', async () => {
    const oldPath = articlePath(unpublished);
    const category = unpublished.category!.slug;
    const listedBefore = await filesMentioning(before, oldPath);
    // Where it was while published: the places this test is about.
    expect(listedBefore).toEqual(
      expect.arrayContaining([
        fileOf(oldPath),
        'index.html',
        `${category}/index.html`,
        `${category}/rss.xml`,
        'rss.xml',
        'sitemaps/articles-1.xml',
        'news-sitemap.xml',
      ]),
    );
    expect(
      listedBefore.some((file) => file.startsWith('tac-gia/') && file !== 'tac-gia/index.html'),
    ).toBe(true);
    // "Tin cùng chuyên mục" of the other articles of its category.
    const siblings = publishedAfter.filter((article) => article.category?.slug === category);
    expect(siblings.length).toBeGreaterThan(0);
    for (const sibling of siblings) expect(listedBefore).toContain(fileOf(articlePath(sibling)));

    expect(await filesMentioning(after, oldPath)).toEqual([]);
    expect(await filesMentioning(after, unpublished.title)).toEqual([]);
    expect(existsSync(path.join(after.outDir, fileOf(oldPath)))).toBe(false);
  });

  it('has no broken internal link in the whole build', async () => {
    expect(await brokenInternalLinks(after.outDir, SITE_URL)).toEqual([]);
  });
});
