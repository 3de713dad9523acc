import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatGmt7, toIsoGmt7 } from '@toasoan/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { toQueryString, type StrapiQuery } from '../src/lib/strapi/query';
import { readSiteDataFile } from '../src/lib/strapi/site-data-file';
import { startTestCms, type TestCms } from './helpers/cms';
import {
  attribute,
  byClass,
  byTag,
  elements,
  findAll,
  findOne,
  linksIn,
  parseHtml,
  textOf,
  type HtmlElement,
  type ParsedPage,
} from './helpers/html';
import { assertPrerequisitesBuilt } from './helpers/paths';
import { brokenInternalLinks, fileOf } from './helpers/links';
import { CmsAdmin } from './helpers/cms-admin';
import { buildSite, listHtmlFiles, type SiteBuild } from './helpers/site';
import { childrenNamed, childText, parseXml, type XmlElement } from './helpers/xml';

// One seeded CMS and one real build for the whole file. The sample newsroom (17 articles over 9
// categories) plus 131 synthetic articles, which the seed spreads over the categories as unevenly
// as a real paper's (deterministically): Xã hội then holds 20 articles and Văn hóa 21. The test
// adds an empty category, a category with one article published now, and reader comments.
const SYNTHETIC_ARTICLES = 131;
const PER_PAGE = 20;
const SITE_URL = 'https://bao-thu-nghiem.example';
const SITE_NAME = 'Báo Thử Nghiệm';
const MASTHEAD = ['Tổng biên tập: Nguyễn Văn An', 'Địa chỉ: 1 Lê Lợi, thành phố Thử Nghiệm'];
const ARTICLE_FILE = /^[a-z0-9-]+\/[a-z0-9-]+-\d+\.html$/;

interface CmsArticle {
  documentId: string;
  title: string;
  slug: string;
  number: number;
  publicationTime: string;
  category: { slug: string; name: string } | null;
  credits: { role: string; author: { slug: string; name: string } | null }[];
}
interface CmsCategory {
  documentId: string;
  slug: string;
  name: string;
  order: number;
}
interface CmsAuthor {
  documentId: string;
  slug: string;
  name: string;
  bio: string | null;
}

const articleFile = (article: CmsArticle) =>
  `${article.category!.slug}/${article.slug}-${article.number}.html`;
const articleUrlPath = (article: CmsArticle) => `/${articleFile(article)}`;

/** The public path of a built HTML file (the inverse of fileOf). */
function pathOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Reads a whole collection from the CMS itself, page by page (not through the site's code). */
async function readAll<T>(cms: TestCms, collection: string, query: StrapiQuery): Promise<T[]> {
  const entries: T[] = [];
  for (let page = 1; ; page++) {
    const qs = toQueryString({ ...query, pagination: { page, pageSize: 100 } });
    const response = await fetch(`${cms.url}/api/${collection}?${qs}`, {
      headers: { Authorization: `Bearer ${cms.token}` },
    });
    expect(response.status, `GET /api/${collection}`).toBe(200);
    const body = (await response.json()) as {
      data: T[];
      meta: { pagination: { pageCount: number } };
    };
    entries.push(...body.data);
    if (page >= body.meta.pagination.pageCount) return entries;
  }
}

describe('the reader site built from a seeded CMS', () => {
  let cms: TestCms | undefined;
  let build: SiteBuild;
  let articles: CmsArticle[]; // newest first, as the site sorts them
  let categories: CmsCategory[]; // in menu order
  let authors: CmsAuthor[];
  let fetchedAt: string;
  let htmlFiles: string[];
  const pages = new Map<string, ParsedPage>();
  let truongSon: CmsArticle;
  let fresh: CmsArticle;
  const approved: { name: string; body: string; createdAt: string }[] = [];

  const page = async (file: string): Promise<ParsedPage> => {
    let parsed = pages.get(file);
    if (!parsed) {
      parsed = parseHtml(await readFile(path.join(build.outDir, file), 'utf8'));
      pages.set(file, parsed);
    }
    return parsed;
  };
  const readOut = (file: string) => readFile(path.join(build.outDir, file), 'utf8');
  const byCategory = (slug: string) => articles.filter((a) => a.category!.slug === slug);
  const byAuthor = (slug: string) =>
    articles.filter((a) => a.credits.some((credit) => credit.author?.slug === slug));

  beforeAll(async () => {
    assertPrerequisitesBuilt();
    cms = await startTestCms(['--synthetic', String(SYNTHETIC_ARTICLES)]);
    const admin = await CmsAdmin.open(cms);

    await admin.createCategory({ name: 'Chuyên mục trống', slug: 'chuyen-muc-trong', order: 98 });
    const oneArticle = await admin.createCategory({
      name: 'Bạn đọc viết',
      slug: 'ban-doc-viet',
      order: 99,
    });
    const people = await admin.read<CmsAuthor[]>('/api/authors?sort[0]=slug:asc');
    const [first, second] = people;
    const published = await admin.postPublishedArticle({
      // Markup characters in the text: every page, feed and sitemap must escape them.
      title: 'Bạn đọc góp ý về giá vé & giờ chạy của tuyến xe buýt "số 5"',
      sapo: 'Tuyến xe buýt <số 5> nối trung tâm tỉnh với các huyện phía nam: giá vé & giờ chạy.',
      body: '## Ý kiến bạn đọc\n\nNhiều bạn đọc đề nghị tăng chuyến vào giờ cao điểm.',
      categoryDocumentId: oneArticle.documentId,
      credits: [
        { role: 'Bài', authorDocumentId: first!.documentId },
        { role: 'Ảnh', authorDocumentId: second!.documentId },
      ],
      tags: ['xe buýt', 'bạn đọc'],
    });

    const [reference] = await readAll<CmsArticle>(cms, 'articles', {
      fields: ['slug'],
      filters: { publicationTime: { $eq: '2023-10-12T01:29:00.000Z' } },
    });
    expect(
      reference,
      'the seed publishes the Trường Sơn article of 12/10/2023 08:29',
    ).toBeDefined();
    for (const comment of [
      {
        name: 'Nguyễn Thị Mai',
        body: 'Con đường đẹp quá!\nMong tỉnh làm thêm nhiều tuyến như vậy.',
      },
      { name: 'Trần <b>Văn</b> Bình', body: 'Tôi viết <b>thẻ HTML</b> & "ngoặc kép"' },
    ]) {
      const created = await admin.createComment({
        articleDocumentId: reference!.documentId,
        moderation: 'approved',
        ...comment,
      });
      approved.push({ ...comment, createdAt: created.createdAt });
    }
    for (const moderation of ['pending', 'rejected', 'spam'] as const) {
      await admin.createComment({
        articleDocumentId: reference!.documentId,
        name: `Bình luận ${moderation}`,
        body: `Nội dung bị giữ lại (${moderation})`,
        moderation,
      });
    }
    await admin.createComment({
      articleDocumentId: published.documentId,
      name: 'Lê Hoa',
      body: 'Cảm ơn tòa soạn.',
      moderation: 'approved',
    });

    articles = (
      await readAll<CmsArticle>(cms, 'articles', {
        fields: ['title', 'slug', 'number', 'publicationTime'],
        populate: {
          category: { fields: ['slug', 'name'] },
          credits: { fields: ['role'], populate: { author: { fields: ['slug', 'name'] } } },
        },
        sort: ['publicationTime:desc', 'id:desc'],
      })
    ).filter((article) => article.category);
    categories = await readAll<CmsCategory>(cms, 'categories', {
      fields: ['slug', 'name', 'order'],
      sort: ['order:asc', 'name:asc'],
    });
    authors = await readAll<CmsAuthor>(cms, 'authors', { fields: ['slug', 'name', 'bio'] });
    truongSon = articles.find((article) => article.documentId === reference!.documentId)!;
    fresh = articles.find((article) => article.documentId === published.documentId)!;

    // Configuration of the build: a newspaper that is not the default one.
    vi.stubEnv('SITE_URL', SITE_URL);
    vi.stubEnv('SITE_NAME', SITE_NAME);
    vi.stubEnv('SITE_MASTHEAD', MASTHEAD.join(' | '));
    build = await buildSite(cms.url, cms.token);
    htmlFiles = await listHtmlFiles(build.outDir);
    fetchedAt = (await readSiteDataFile(path.join(build.cacheDir, 'site-data.json')))!.fetchedAt;
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    await cms?.stop();
  });

  it('builds without errors', () => {
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
  });

  it('has the category sizes this file is about: 0, 1, 20 and 21 articles', () => {
    const sizes = new Map(
      categories.map((category) => [category.slug, byCategory(category.slug).length]),
    );
    expect(sizes.get('chuyen-muc-trong')).toBe(0);
    expect(sizes.get('ban-doc-viet')).toBe(1);
    expect([...sizes.values()]).toContain(PER_PAGE);
    expect([...sizes.values()]).toContain(PER_PAGE + 1);
  });

  it('writes only well-formed HTML in NFC, in Vietnamese', async () => {
    for (const file of htmlFiles) {
      const html = await readOut(file);
      const { document, errors } = await page(file);
      expect(errors, file).toEqual([]);
      expect(html === html.normalize('NFC'), `${file} is NFC`).toBe(true);
      expect(attribute(findOne(document, byTag('html'), 'html'), 'lang'), file).toBe('vi');
    }
  });

  describe('article page', () => {
    // The anatomy of DESIGN.md, in order; tags, when an article has some, sit after the byline.
    const ANATOMY: [string, (element: HtmlElement) => boolean][] = [
      ['1. breadcrumb', byClass('breadcrumb')],
      ['2. title', byTag('h1')],
      ['3. timestamp', byClass('timestamp')],
      ['4. sapo', byClass('sapo')],
      ['5. cover', byClass('cover')],
      ['6. body', byClass('article-body')],
      ['7. byline', byClass('byline')],
      ['   tags', byClass('tags')],
      ['8. comments', byClass('comments')],
      ['8. comment form slot', byClass('comment-form-slot')],
      ['9. same category', byClass('same-category')],
      ['10. other news', byClass('other-news')],
    ];

    it('has the ten parts of the anatomy, in order', async () => {
      const { document } = await page(articleFile(truongSon));
      const all = [...elements(document)];
      const positions = ANATOMY.map(([name, test]) => {
        const index = all.findIndex(test);
        expect(index, `${name} is on the page`).toBeGreaterThanOrEqual(0);
        return index;
      });
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    });

    it('prints the header, byline and tags as the newspaper does', async () => {
      const { document } = await page(articleFile(truongSon));
      const breadcrumb = findOne(document, byClass('breadcrumb'), 'breadcrumb');
      expect(linksIn(breadcrumb)).toEqual(['/xa-hoi/']);
      expect(textOf(findOne(document, byTag('h1'), 'h1'))).toBe(truongSon.title);
      const times = findOne(document, byClass('article-times'), 'times');
      // Imported back-dated and never republished: no "Cập nhật"; its two approved comments.
      expect(textOf(times)).toBe('12/10/2023 | 08:29 GMT+7 · Bình luận (2)');
      const byline = findOne(document, byClass('byline'), 'byline');
      expect(textOf(byline)).toBe('Bài, ảnh: TRƯỜNG SƠN');
      expect(linksIn(byline)).toEqual(['/tac-gia/truong-son/']);
      const tags = findAll(findOne(document, byClass('tags'), 'tags'), byTag('li')).map(textOf);
      expect(tags).toEqual(['nông thôn mới', 'vùng cao', 'giao thông']);
      const figure = findOne(document, byClass('cover'), 'cover');
      expect(textOf(findOne(figure, byTag('figcaption'), 'caption'))).toMatch(/Ảnh minh họa/);
    });

    it('lists the approved comments only, as plain text with their time in GMT+7', async () => {
      const { document } = await page(articleFile(truongSon));
      const section = findOne(document, byClass('comments'), 'comments');
      const items = findAll(section, byClass('comment'));
      expect(items.map((item) => textOf(findOne(item, byClass('comment-author'), 'name')))).toEqual(
        approved.map((comment) => comment.name),
      );
      items.forEach((item, index) => {
        const comment = approved[index]!;
        const body = findOne(item, byClass('comment-body'), 'comment body');
        expect(textOf(body)).toBe(comment.body.replace(/\s+/g, ' '));
        // Readers' markup stays text: no element inside the body.
        expect(findAll(body, () => true)).toEqual([]);
        expect(textOf(findOne(item, byClass('timestamp'), 'time'))).toBe(
          formatGmt7(comment.createdAt),
        );
      });
      expect(textOf(section)).not.toMatch(/pending|rejected|spam|bị giữ lại/);
      expect(findAll(findOne(document, byTag('body'), 'body'), byTag('b'))).toEqual([]);
    });

    it('prints "Bình luận (N)" of approved comments beside the time, and none for zero', async () => {
      const { document } = await page(articleFile(truongSon));
      const times = findOne(document, byClass('article-times'), 'times');
      const count = findOne(times, byClass('comment-count'), 'comment count');
      expect(textOf(count)).toBe(`Bình luận (${approved.length})`);
      expect(attribute(count, 'href')).toBe('#binh-luan');
      const section = findOne(document, byClass('comments'), 'comments');
      expect(attribute(section, 'id')).toBe('binh-luan');
      expect(textOf(findOne(section, byTag('h2'), 'heading'))).toBe(
        `Bình luận (${approved.length})`,
      );

      const quiet = articles.find((a) => a !== truongSon && a !== fresh)!;
      const other = (await page(articleFile(quiet))).document;
      expect(findAll(other, byClass('comment-count'))).toEqual([]);
      const heading = findOne(findOne(other, byClass('comments'), 'comments'), byTag('h2'), 'h2');
      expect(textOf(heading)).toBe('Bình luận (0)');
    });

    it('ends with the "Viết bình luận mới" form, which says comments are moderated', async () => {
      const { document } = await page(articleFile(truongSon));
      const slot = findOne(document, byClass('comment-form-slot'), 'comment slot');
      expect(textOf(findOne(slot, byTag('h2'), 'heading'))).toBe('Viết bình luận mới');
      expect(textOf(slot)).toMatch(/kiểm duyệt/);
      // The header's search form (GET /tim-kiem/), then the comment form.
      const forms = findAll(document, byTag('form'));
      expect(forms.map((form) => [attribute(form, 'method'), attribute(form, 'action')])).toEqual([
        ['get', '/tim-kiem/'],
        ['post', '/binh-luan/gui'],
      ]);
      const names = findAll(forms[1]!, (el) => attribute(el, 'name') !== undefined).map((el) =>
        attribute(el, 'name'),
      );
      expect(names).toEqual(['article', 'name', 'email', 'body', 'website']);
      expect(textOf(slot)).toContain('Gửi bình luận');
    });

    // The article's neighbourhood: those published just before it, then (when there are not
    // enough) those just after, newest first; never the newest of the site (see DESIGN.md).
    const neighbours = (
      newestFirst: CmsArticle[],
      article: CmsArticle,
      count: number,
      accept: (other: CmsArticle) => boolean,
    ) => {
      const at = newestFirst.findIndex((other) => other.documentId === article.documentId);
      const before = newestFirst
        .slice(at + 1)
        .filter(accept)
        .slice(0, count);
      const after = newestFirst
        .slice(0, at)
        .filter(accept)
        .slice(-(count - before.length) || newestFirst.length);
      return [...(before.length < count ? after : []), ...before];
    };

    it('lists the neighbourhood of 6 in the category and 8 in the others, never itself', async () => {
      for (const article of articles) {
        const { document } = await page(articleFile(article));
        const same = findOne(document, byClass('same-category'), 'same category');
        const sameLinks = findAll(same, byTag('li')).flatMap((item) => linksIn(item));
        const expectedSame = neighbours(
          byCategory(article.category!.slug),
          article,
          6,
          () => true,
        ).map(articleUrlPath);
        expect(sameLinks, articleFile(article)).toEqual(expectedSame);
        const more = findOne(same, byClass('more'), 'Xem thêm');
        expect(textOf(more)).toBe('Xem thêm >>');
        expect(linksIn(more)).toEqual([`/${article.category!.slug}/`]);

        const others = findOne(document, byClass('other-news'), 'other news');
        const otherLinks = linksIn(others).filter((href) => href.endsWith('.html'));
        const expectedOthers = neighbours(
          articles,
          article,
          8,
          (other) => other.category!.slug !== article.category!.slug,
        ).map(articleUrlPath);
        expect(otherLinks, articleFile(article)).toEqual(expectedOthers);

        for (const href of [...sameLinks, ...otherLinks]) {
          expect(href).not.toBe(articleUrlPath(article));
          expect(existsSync(path.join(build.outDir, fileOf(href))), href).toBe(true);
        }
      }
    });

    it('says "Chưa có tin khác" when the category has no other article', async () => {
      const { document } = await page(articleFile(fresh));
      const same = findOne(document, byClass('same-category'), 'same category');
      expect(textOf(same)).toMatch(/Chưa có tin khác/);
    });
  });

  describe('header, footer and home page', () => {
    it('has the newspaper name and the category menu in order on every page', async () => {
      for (const file of ['index.html', articleFile(truongSon), 'chuyen-muc-trong/index.html']) {
        const { document } = await page(file);
        const header = findOne(document, byClass('site-header'), 'header');
        expect(textOf(findOne(header, byClass('site-name'), 'name'))).toBe(SITE_NAME);
        const menu = findOne(header, byClass('site-menu'), 'menu');
        expect(linksIn(menu)).toEqual(['/', ...categories.map((category) => `/${category.slug}/`)]);
      }
    });

    it('prints the configured masthead in the footer', async () => {
      const { document } = await page('index.html');
      const masthead = findOne(document, byClass('masthead'), 'masthead');
      expect(findAll(masthead, byTag('p')).map(textOf)).toEqual(MASTHEAD);
      expect(textOf(findOne(document, byClass('site-footer'), 'footer'))).toContain(SITE_NAME);
    });

    it('shows the lead story, the latest news and a block per category in menu order', async () => {
      const { document } = await page('index.html');
      const lead = findOne(document, byClass('lead-story'), 'lead story');
      expect(linksIn(findOne(lead, byTag('h2'), 'title'))).toEqual([articleUrlPath(articles[0]!)]);
      const latest = findOne(document, byClass('latest'), 'latest');
      expect(findAll(latest, byTag('h3')).flatMap((heading) => linksIn(heading))).toEqual(
        articles.slice(1, 11).map(articleUrlPath),
      );
      const blocks = findAll(document, byClass('category-block'));
      expect(blocks.map((block) => linksIn(findOne(block, byTag('h2'), 'heading'))[0])).toEqual(
        categories.map((category) => `/${category.slug}/`),
      );
      blocks.forEach((block, index) => {
        const expected = byCategory(categories[index]!.slug).slice(0, 5).map(articleUrlPath);
        expect(findAll(block, byTag('h3')).flatMap((heading) => linksIn(heading))).toEqual(
          expected,
        );
      });
    });
  });

  describe('category pages', () => {
    /** Expected pagination nav: prev, numbers, next. */
    function checkPagination(
      document: ParsedPage['document'],
      firstPage: string,
      current: number,
      count: number,
    ) {
      const navs = findAll(document, byClass('pagination'));
      if (count === 1) {
        expect(navs).toEqual([]);
        return;
      }
      expect(navs).toHaveLength(1);
      const nav = navs[0]!;
      const pagePathOf = (n: number) => (n === 1 ? firstPage : `${firstPage}trang-${n}/`);
      const prev = findAll(nav, byClass('pagination-prev'));
      const next = findAll(nav, byClass('pagination-next'));
      if (current > 1) {
        expect(attribute(prev[0]!, 'href')).toBe(pagePathOf(current - 1));
        expect(textOf(prev[0]!)).toBe('« Trang trước');
      } else expect(prev).toEqual([]);
      if (current < count) {
        expect(attribute(next[0]!, 'href')).toBe(pagePathOf(current + 1));
        expect(textOf(next[0]!)).toBe('Trang sau »');
      } else expect(next).toEqual([]);
      const numbered = findAll(findOne(nav, byTag('ol'), 'numbers'), byTag('li')).map(textOf);
      expect(numbered).toContain(String(current));
      expect(numbered[0]).toBe('1');
      expect(numbered.at(-1)).toBe(String(count));
      expect(
        textOf(findOne(nav, (el) => attribute(el, 'aria-current') === 'page', 'current')),
      ).toBe(String(current));
    }

    it('pages every category by 20, newest first, with prev/next and page numbers', async () => {
      for (const category of categories) {
        const expected = byCategory(category.slug).map(articleUrlPath);
        const pageCount = Math.max(1, Math.ceil(expected.length / PER_PAGE));
        const firstPage = `/${category.slug}/`;
        for (let n = 1; n <= pageCount; n++) {
          const file = fileOf(n === 1 ? firstPage : `${firstPage}trang-${n}/`);
          const { document } = await page(file);
          expect(textOf(findOne(document, byTag('h1'), 'h1'))).toContain(category.name);
          const listed = findAll(document, byClass('article-card')).map(
            (card) => linksIn(findOne(card, byTag('h2'), 'title'))[0],
          );
          expect(listed, file).toEqual(expected.slice((n - 1) * PER_PAGE, n * PER_PAGE));
          checkPagination(document, firstPage, n, pageCount);
        }
        expect(existsSync(path.join(build.outDir, category.slug, `trang-${pageCount + 1}`))).toBe(
          false,
        );
        expect(existsSync(path.join(build.outDir, category.slug, 'trang-1'))).toBe(false);
      }
    });

    it('gives an empty category its page, saying there are no articles', async () => {
      const { document } = await page('chuyen-muc-trong/index.html');
      expect(textOf(findOne(document, byTag('main'), 'main'))).toMatch(/chưa có bài viết/i);
      expect(findAll(document, byClass('article-card'))).toEqual([]);
    });

    it('never writes a list page with the shape of an article URL', () => {
      const articleFiles = htmlFiles.filter((file) => ARTICLE_FILE.test(file));
      expect(articleFiles.sort()).toEqual(articles.map(articleFile).sort());
    });
  });

  describe('author pages', () => {
    it('shows each author with bio and the articles that credit them, 20 a page', async () => {
      for (const author of authors) {
        const expected = byAuthor(author.slug).map(articleUrlPath);
        const pageCount = Math.max(1, Math.ceil(expected.length / PER_PAGE));
        const firstPage = `/tac-gia/${author.slug}/`;
        for (let n = 1; n <= pageCount; n++) {
          const { document } = await page(fileOf(n === 1 ? firstPage : `${firstPage}trang-${n}/`));
          expect(textOf(findOne(document, byTag('h1'), 'h1'))).toContain(author.name);
          if (author.bio) {
            expect(textOf(findOne(document, byClass('author-bio'), 'bio'))).toBe(
              author.bio.replace(/\s+/g, ' ').trim(),
            );
          }
          const listed = findAll(document, byClass('article-card')).map(
            (card) => linksIn(findOne(card, byTag('h2'), 'title'))[0],
          );
          expect(listed).toEqual(expected.slice((n - 1) * PER_PAGE, n * PER_PAGE));
        }
      }
      // Trường Sơn writes the reference article: it is on one of his pages.
      expect(byAuthor('truong-son').map(articleUrlPath)).toContain(articleUrlPath(truongSon));
    });
  });

  it('shows "Bình luận (N)" on the cards of commented articles only, on every list', async () => {
    // Approved comments only: the pending, rejected and spam ones of Trường Sơn's are not counted.
    const counts = new Map([
      [articleUrlPath(truongSon), approved.length],
      [articleUrlPath(fresh), 1],
    ]);
    const seen = new Set<string>();
    for (const file of htmlFiles.filter((f) => !ARTICLE_FILE.test(f))) {
      const { document } = await page(file);
      const cards = findAll(
        document,
        (el) => byClass('article-card')(el) || byClass('lead-story')(el),
      );
      for (const card of cards) {
        const title = findOne(card, (el) => byTag('h2')(el) || byTag('h3')(el), 'title');
        const href = linksIn(title)[0]!;
        const shown = findAll(card, byClass('comment-count'));
        const count = counts.get(href);
        if (!count) {
          expect(shown, `${file}: ${href}`).toEqual([]);
          continue;
        }
        expect(shown, `${file}: ${href}`).toHaveLength(1);
        expect(textOf(shown[0]!)).toBe(`Bình luận (${count})`);
        expect(attribute(shown[0]!, 'href')).toBe(`${href}#binh-luan`);
        seen.add(`${file.split('/')[0]} ${href}`);
      }
    }
    // Both are on their section's and authors' pages; the fresh one on the home page too.
    for (const article of [truongSon, fresh]) {
      expect(seen).toContain(`${article.category!.slug} ${articleUrlPath(article)}`);
      expect(seen).toContain(`tac-gia ${articleUrlPath(article)}`);
    }
    expect(seen).toContain(`index.html ${articleUrlPath(fresh)}`);
  });

  describe('SEO', () => {
    it('gives every page its canonical URL under SITE_URL and OpenGraph in vi_VN', async () => {
      for (const file of htmlFiles.filter((f) => f !== '404.html')) {
        const { document } = await page(file);
        const head = findOne(document, byTag('head'), 'head');
        const canonical = findOne(head, (el) => attribute(el, 'rel') === 'canonical', 'canonical');
        expect(attribute(canonical, 'href'), file).toBe(`${SITE_URL}${pathOf(file)}`);
        const meta = (property: string) =>
          findAll(head, (el) => attribute(el, 'property') === property).map((el) =>
            attribute(el, 'content'),
          );
        expect(meta('og:locale'), file).toEqual(['vi_VN']);
        expect(meta('og:url'), file).toEqual([`${SITE_URL}${pathOf(file)}`]);
        expect(meta('og:type'), file).toEqual([ARTICLE_FILE.test(file) ? 'article' : 'website']);
      }
    });

    it('describes every article as a NewsArticle in JSON-LD, dates in +07:00', async () => {
      for (const article of articles) {
        const { document } = await page(articleFile(article));
        const scripts = findAll(document, (el) => attribute(el, 'type') === 'application/ld+json');
        expect(scripts).toHaveLength(1);
        const data = JSON.parse(textOf(scripts[0]!));
        expect(data['@context']).toBe('https://schema.org');
        expect(data['@type']).toBe('NewsArticle');
        expect(data.headline).toBe(article.title);
        expect(data.datePublished).toBe(toIsoGmt7(article.publicationTime));
        expect(data.datePublished).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
        expect(data.dateModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
        expect(data.mainEntityOfPage['@id']).toBe(`${SITE_URL}${articleUrlPath(article)}`);
        const credited = [
          ...new Set(article.credits.flatMap((credit) => credit.author?.name ?? [])),
        ];
        expect(data.author).toEqual(
          credited.map((name) => expect.objectContaining({ '@type': 'Person', name })),
        );
        expect(data.publisher).toMatchObject({ '@type': 'Organization', name: SITE_NAME });
        const ogImage = findAll(document, (el) => attribute(el, 'property') === 'og:image');
        if (article.documentId === fresh.documentId) {
          expect(data.image).toBeUndefined();
        } else {
          // Every seeded article has a cover, shared as the site's own largest copy: the CMS
          // may not be reachable from the web.
          expect(data.image).toEqual([
            expect.stringMatching(new RegExp(`^${SITE_URL}/_images/[^/]+\\.webp$`)),
          ]);
          expect(ogImage.map((el) => attribute(el, 'content'))).toEqual(data.image);
          expect(
            existsSync(path.join(build.outDir, fileOf(data.image[0].slice(SITE_URL.length)))),
          ).toBe(true);
        }
      }
    });

    it('writes robots.txt pointing to both sitemaps', async () => {
      const robots = await readOut('robots.txt');
      expect(robots).toMatch(/^User-agent: \*$/m);
      expect(robots).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
      expect(robots).toContain(`Sitemap: ${SITE_URL}/news-sitemap.xml`);
    });
  });

  describe('XML outputs', () => {
    let xmlFiles: string[];

    beforeAll(async () => {
      const entries = await readdir(build.outDir, { recursive: true, withFileTypes: true });
      xmlFiles = entries
        .filter((entry) => entry.isFile() && entry.name.endsWith('.xml'))
        .map((entry) => path.relative(build.outDir, path.join(entry.parentPath, entry.name)))
        .sort();
    });

    const xml = async (file: string): Promise<XmlElement> => parseXml(await readOut(file));

    it('parses every XML file strictly', async () => {
      expect(xmlFiles).toEqual(
        expect.arrayContaining([
          'sitemap.xml',
          'news-sitemap.xml',
          'rss.xml',
          ...categories.map((category) => `${category.slug}/rss.xml`),
        ]),
      );
      for (const file of xmlFiles) {
        const text = await readOut(file);
        expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>'), file).toBe(true);
        expect(() => parseXml(text), file).not.toThrow();
      }
    });

    it('lists every page of the site in the files of the sitemap index', async () => {
      const index = await xml('sitemap.xml');
      expect(index.name).toBe('sitemapindex');
      expect(index.attributes.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
      const files = childrenNamed(index, 'sitemap');
      // Few pages, and article numbers far below 10,000: one file of each.
      expect(files.map((file) => childText(file, 'loc'))).toEqual([
        `${SITE_URL}/sitemaps/pages-1.xml`,
        `${SITE_URL}/sitemaps/articles-1.xml`,
      ]);
      const locs: string[] = [];
      for (const file of files) {
        const root = await xml(childText(file, 'loc').slice(`${SITE_URL}/`.length));
        expect(root.name).toBe('urlset');
        const urls = childrenNamed(root, 'url');
        const lastmods = urls.map((url) => childText(url, 'lastmod')).filter(Boolean);
        for (const lastmod of lastmods) expect(lastmod).toMatch(/\+07:00$/);
        // The index dates a file by its newest entry (all in +07:00: text order is time order).
        expect(childText(file, 'lastmod')).toBe(lastmods.sort().at(-1));
        locs.push(...urls.map((url) => childText(url, 'loc')));
      }
      // The search page shows nothing of its own before a query: no entry for search engines.
      const expected = htmlFiles
        .filter((f) => f !== '404.html' && f !== 'tim-kiem/index.html')
        .map((f) => `${SITE_URL}${pathOf(f)}`);
      expect(locs.sort()).toEqual(expected.sort());
      // Articles by number, ascending: a new one only ever adds to the last file.
      const articleNumbers = childrenNamed(await xml('sitemaps/articles-1.xml'), 'url').map((url) =>
        Number(/-(\d+)\.html$/.exec(childText(url, 'loc'))![1]),
      );
      expect(articleNumbers).toEqual(articles.map((a) => a.number).sort((x, y) => x - y));
    });

    it('lists the articles of the last two days in the Google News sitemap', async () => {
      const root = await xml('news-sitemap.xml');
      expect(root.attributes['xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
      const since = Date.parse(fetchedAt) - 2 * 24 * 3600 * 1000;
      const expected = articles.filter((a) => Date.parse(a.publicationTime) >= since);
      // The article published by this test is at least there.
      expect(expected.map((a) => a.documentId)).toContain(fresh.documentId);
      const urls = childrenNamed(root, 'url');
      expect(urls.map((url) => childText(url, 'loc'))).toEqual(
        expected.map((a) => `${SITE_URL}${articleUrlPath(a)}`),
      );
      urls.forEach((url, index) => {
        const [news] = childrenNamed(url, 'news:news');
        const [publication] = childrenNamed(news!, 'news:publication');
        expect(childText(publication!, 'news:name')).toBe(SITE_NAME);
        expect(childText(publication!, 'news:language')).toBe('vi');
        expect(childText(news!, 'news:title')).toBe(expected[index]!.title);
        expect(childText(news!, 'news:publication_date')).toBe(
          toIsoGmt7(expected[index]!.publicationTime),
        );
      });
    });

    /** Checks an RSS 2.0 feed holds exactly `expected`, with reporters in dc:creator. */
    async function checkFeed(file: string, expected: CmsArticle[]) {
      const root = await xml(file);
      expect(root.name).toBe('rss');
      expect(root.attributes.version).toBe('2.0');
      expect(root.attributes['xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
      const [channel] = childrenNamed(root, 'channel');
      expect(childText(channel!, 'language')).toBe('vi');
      const items = childrenNamed(channel!, 'item');
      expect(
        items.map((item) => childText(item, 'link')),
        file,
      ).toEqual(expected.map((a) => `${SITE_URL}${articleUrlPath(a)}`));
      items.forEach((item, index) => {
        const article = expected[index]!;
        expect(childText(item, 'title')).toBe(article.title);
        // RFC 822 has whole seconds.
        const seconds = (date: string) => Math.floor(Date.parse(date) / 1000);
        expect(seconds(childText(item, 'pubDate'))).toBe(seconds(article.publicationTime));
        const creators = childrenNamed(item, 'dc:creator').map((creator) => creator.text);
        expect(creators).toEqual([
          ...new Set(article.credits.flatMap((credit) => credit.author?.name ?? [])),
        ]);
        expect(creators.length).toBeGreaterThan(0);
      });
    }

    it('has an RSS 2.0 feed of the whole site with dc:creator', async () => {
      await checkFeed('rss.xml', articles.slice(0, 50));
    });

    it('has an RSS 2.0 feed per category', async () => {
      for (const category of categories) {
        await checkFeed(`${category.slug}/rss.xml`, byCategory(category.slug).slice(0, 50));
      }
    });
  });

  it("keeps reading pages light: no client JavaScript but the comment form's (and search's), HTML + CSS + JS under 60 KB", async () => {
    for (const file of htmlFiles) {
      const { document } = await page(file);
      const scripts = findAll(document, byTag('script'));
      // Article pages: their JSON-LD, and the comment form's small script (no framework); the
      // search page: its own script, which answers the query in the browser.
      expect(
        scripts.map((script) => attribute(script, 'type')),
        file,
      ).toEqual(
        ARTICLE_FILE.test(file)
          ? ['application/ld+json', 'module']
          : file === 'tim-kiem/index.html'
            ? ['module']
            : [],
      );
    }
    const { document } = await page(articleFile(truongSon));
    let bytes = Buffer.byteLength(await readOut(articleFile(truongSon)));
    for (const sheet of findAll(document, (el) => attribute(el, 'rel') === 'stylesheet')) {
      bytes += Buffer.byteLength(await readOut(fileOf(attribute(sheet, 'href')!)));
    }
    for (const script of findAll(document, byTag('script'))) {
      const src = attribute(script, 'src');
      if (src) bytes += Buffer.byteLength(await readOut(fileOf(src)));
    }
    expect(bytes).toBeLessThan(60 * 1024);
  });

  it('has no broken internal link in the whole build', async () => {
    expect(await brokenInternalLinks(build.outDir, SITE_URL)).toEqual([]);
  });
});
