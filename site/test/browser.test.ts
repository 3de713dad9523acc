import { rm } from 'node:fs/promises';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS_DIR,
  elementsPastRightEdge,
  launchChromium,
  renderedFonts,
  saveScreenshot,
  serveBuild,
  seriousAxeViolations,
  webFontState,
  type AxeViolation,
  type LoadedFace,
  type StaticServer,
} from './helpers/browser';
import { startTestCms, type TestCms } from './helpers/cms';
import { assertPrerequisitesBuilt } from './helpers/paths';
import { CmsAdmin } from './helpers/cms-admin';
import { buildSite, type SiteBuild } from './helpers/site';

// A reader on a phone and on a desktop, in real Chromium, on a site built from the seeded
// sample newsroom plus one article whose text reached the CMS decomposed (NFD), as text pasted
// from some Mac and Windows editors does. NFD diacritics render as loose marks with a web font.
const TITLE = 'Đường bê tông mở lối thoát nghèo ở Nà Khoang';
const SAPO =
  'Người dân bản Nà Khoang hiến đất, góp công làm đường; giờ nông sản xuống núi dễ dàng.';
const BODY =
  '## Hết cảnh lội bùn\n\nTừ khi có đường, xe tải nhỏ vào được tận bản, giá ngô tăng thêm ' +
  '500 đồng mỗi ki-lô-gam.\n\n## Nhà nước và nhân dân cùng làm\n\nBà con góp hàng trăm ngày công.';
// The other Trường Sơn article of the seed, reached from his author page.
const SEEDED_TITLE = 'Con đường bê tông mở lối thoát nghèo cho bản vùng cao';
const FONT = 'Noto Serif';
const FONT_SAMPLE = 'Đường bê tông mở lối thoát nghèo';

const VIEWPORTS = [
  { name: 'phone', width: 375, height: 812, isMobile: true },
  { name: 'desktop', width: 1280, height: 800, isMobile: false },
] as const;

type PageType = 'home' | 'category' | 'article' | 'author' | 'related-article';

/** What the reader saw on one page of the journey. */
interface Visit {
  type: PageType;
  url: string;
  status: number;
  h1: string;
  html: string;
  scrollWidth: number;
  pastRightEdge: string[];
  axe: AxeViolation[];
  faces: LoadedFace[];
  fontCoversSample: boolean;
  /** Fonts Chromium drew the h1 with. */
  h1Fonts: { familyName: string; isCustomFont: boolean; glyphCount: number }[];
}

/** Whether a face's unicode-range (`U+0102-0103, U+1EA0-1EF9, …`) includes a code point. */
function rangeCovers(unicodeRange: string, codePoint: number): boolean {
  return unicodeRange.split(',').some((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-');
    return codePoint >= parseInt(from!, 16) && codePoint <= parseInt(to!, 16);
  });
}

describe('a reader in Chromium, on a phone and on a desktop', () => {
  let cms: TestCms | undefined;
  let build: SiteBuild;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let articleNumber: number;
  const journeys = new Map<string, Visit[]>();
  const failedResponses = new Map<string, string[]>();

  /** Clicks a link as a reader does; returns the response of the page it leads to. */
  async function follow(page: Page, selector: string, description: string) {
    const link = page.locator(selector).first();
    expect(await link.count(), `${description}: no link matches ${selector} on ${page.url()}`).toBe(
      1,
    );
    const href = await link.getAttribute('href');
    const target = new URL(href!, page.url()).href;
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url() === target && r.request().isNavigationRequest()),
      link.click(),
    ]);
    await page.waitForURL(target);
    await page.waitForLoadState('load');
    return response;
  }

  /** Checks the page the reader is on; its screenshot is test-artifacts/<prefix>-<type>.png. */
  async function visit(
    page: Page,
    type: PageType,
    response: Response,
    prefix: string,
  ): Promise<Visit> {
    // Fonts first: the font check waits for them, and the screenshot should show them.
    const { faces, textCovered } = await webFontState(page, FONT, FONT_SAMPLE);
    await saveScreenshot(page, `${prefix}-${type}`);
    return {
      type,
      url: page.url(),
      status: response.status(),
      h1: (await page.locator('h1').first().textContent())?.trim() ?? '',
      // As the server sent it, not as the browser's DOM serializes it.
      html: await response.text(),
      scrollWidth: await page.evaluate(() => document.documentElement.scrollWidth),
      pastRightEdge: await elementsPastRightEdge(page),
      axe: await seriousAxeViolations(page),
      faces,
      fontCoversSample: textCovered,
      h1Fonts: await renderedFonts(page, 'h1'),
    };
  }

  /** A fresh browser window of the viewport's size; a phone's is a touch screen. */
  const newContext = (viewport: (typeof VIEWPORTS)[number]) =>
    browser!.newContext({
      viewport: { width: viewport.width, height: viewport.height },
      isMobile: viewport.isMobile,
      hasTouch: viewport.isMobile,
      deviceScaleFactor: 1,
      locale: 'vi-VN',
    });

  beforeAll(async () => {
    assertPrerequisitesBuilt();
    // Chromium first: without it nothing else is worth starting, and the message says the fix.
    browser = await launchChromium();
    await rm(ARTIFACTS_DIR, { recursive: true, force: true });

    cms = await startTestCms([]);
    const admin = await CmsAdmin.open(cms);
    const [xaHoi] = await admin.read<{ documentId: string }[]>(
      '/api/categories?filters[slug][$eq]=xa-hoi',
    );
    const [truongSon] = await admin.read<{ documentId: string }[]>(
      '/api/authors?filters[slug][$eq]=truong-son',
    );
    const published = await admin.postPublishedArticle({
      title: TITLE.normalize('NFD'),
      sapo: SAPO.normalize('NFD'),
      body: BODY.normalize('NFD'),
      categoryDocumentId: xaHoi!.documentId,
      credits: [{ role: 'Bài, ảnh'.normalize('NFD'), authorDocumentId: truongSon!.documentId }],
    });
    articleNumber = published.number;
    // Its count ("Bình luận (1)") is then on the cards and beside the time: axe checks it too.
    await admin.createComment({
      articleDocumentId: published.documentId,
      name: 'Lò Văn Páo',
      body: 'Bản tôi cũng mong có đường như thế.',
      moderation: 'approved',
    });

    build = await buildSite(cms.url, cms.token);
    if (build.code !== 0) {
      throw new Error(`astro build failed (exit ${build.code}):\n${build.stdout}\n${build.stderr}`);
    }
    server = await serveBuild(build.outDir);

    for (const viewport of VIEWPORTS) {
      const context = await newContext(viewport);
      const page = await context.newPage();
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      page.on('requestfailed', (request) => {
        // Only the site's own files: images still hot-linked elsewhere are not its to serve.
        // An image still loading when the journey moves on is aborted by the browser, not
        // refused by the site (a missing file answers 404, caught above).
        const aborted = request.failure()?.errorText === 'net::ERR_ABORTED';
        if (request.url().startsWith(server!.url) && !aborted) {
          failed.push(`${request.failure()?.errorText} ${request.url()}`);
        }
      });
      const visits: Visit[] = [];
      // Screenshots sort in the order of the journey: 375px-1-home.png, 375px-2-category.png…
      const record = async (type: PageType, response: Response) =>
        visits.push(await visit(page, type, response, `${viewport.width}px-${visits.length + 1}`));

      const home = await page.goto(`${server.url}/`);
      await record('home', home!);
      // The menu, as a reader on a phone reaches it (it scrolls sideways).
      let response = await follow(page, '.site-menu a[href="/xa-hoi/"]', 'menu → Xã hội');
      await record('category', response);
      response = await follow(
        page,
        `main a[href$="-${articleNumber}.html"]`,
        'category → the new article',
      );
      await record('article', response);
      response = await follow(page, '.byline a[href="/tac-gia/truong-son/"]', 'byline → author');
      await record('author', response);
      response = await follow(
        page,
        `main a:text-is("${SEEDED_TITLE}")`,
        "author → the author's other article",
      );
      await record('article', response);
      response = await follow(
        page,
        `.related.same-category li a:not([href$="-${articleNumber}.html"])`,
        'Tin cùng chuyên mục → an article not seen yet',
      );
      await record('related-article', response);

      journeys.set(viewport.name, visits);
      failedResponses.set(viewport.name, failed);
      await context.close();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await cms?.stop();
  });

  describe.each(VIEWPORTS)('at $width px ($name)', (viewport) => {
    const { name, width } = viewport;
    const visits = () => journeys.get(name)!;

    it('walks home → category → article → author → article → related article by clicking', () => {
      expect(visits().map((v) => [v.type, v.status])).toEqual([
        ['home', 200],
        ['category', 200],
        ['article', 200],
        ['author', 200],
        ['article', 200],
        ['related-article', 200],
      ]);
      expect(visits()[2]!.url).toMatch(new RegExp(`/xa-hoi/[a-z0-9-]+-${articleNumber}\\.html$`));
      expect(visits()[3]!.url).toMatch(/\/tac-gia\/truong-son\/$/);
      expect(visits()[4]!.h1).toBe(SEEDED_TITLE);
      expect([SEEDED_TITLE, TITLE]).not.toContain(visits()[5]!.h1);
    });

    it('gets no 4xx or 5xx response and no failed request from the site', () => {
      expect(failedResponses.get(name)).toEqual([]);
    });

    it('has no serious or critical accessibility violation (axe-core)', () => {
      const found = visits().flatMap((v) =>
        v.axe.map((violation) => ({ page: v.url.replace(server!.url, ''), ...violation })),
      );
      expect(found).toEqual([]);
    });

    it('loads Noto Serif with its Latin and Vietnamese subsets and draws the titles with it', () => {
      for (const v of visits()) {
        const loaded = v.faces.filter((face) => face.family === FONT && face.status === 'loaded');
        expect(
          loaded.some((face) => rangeCovers(face.unicodeRange, 'ư'.codePointAt(0)!)),
          `${v.url}: the Vietnamese subset is loaded`,
        ).toBe(true);
        expect(
          loaded.some((face) => rangeCovers(face.unicodeRange, 'a'.codePointAt(0)!)),
          `${v.url}: the Latin subset is loaded`,
        ).toBe(true);
        // Only the two subsets are declared: no Cyrillic or Greek faces from the package's CSS.
        expect(
          v.faces.filter((face) => rangeCovers(face.unicodeRange, 'д'.codePointAt(0)!)),
          `${v.url}: faces beyond Latin and Vietnamese`,
        ).toEqual([]);
        expect(v.fontCoversSample, `${v.url}: document.fonts.check("${FONT_SAMPLE}")`).toBe(true);
        // Every glyph of the title comes from the web font: no fallback font for a single mark.
        expect(v.h1Fonts, `${v.url}: fonts of the h1`).toEqual([
          expect.objectContaining({ familyName: FONT, isCustomFont: true }),
        ]);
      }
    });

    it('shows the count of approved comments on the cards and beside the time', () => {
      const countLink = new RegExp(
        `<a class="comment-count" href="[^"]*-${articleNumber}\\.html#binh-luan"[^>]*>\\s*Bình luận \\(1\\)\\s*</a>`,
      );
      for (const v of visits().filter((visit) =>
        ['home', 'category', 'author'].includes(visit.type),
      )) {
        expect(v.html, v.url).toMatch(countLink);
      }
      expect(visits()[2]!.html).toMatch(
        /<a class="comment-count" href="#binh-luan"[^>]*>\s*Bình luận \(1\)\s*<\/a>/,
      );
    });

    it('shows the article written in NFD as NFC text', () => {
      const article = visits()[2]!;
      expect(article.h1).toBe(TITLE);
      expect(article.html).toContain(SAPO);
      expect(article.html === article.html.normalize('NFC')).toBe(true);
    });

    it(`never scrolls sideways: the page is at most ${width} px wide`, () => {
      for (const v of visits()) {
        expect(
          v.scrollWidth,
          `${v.url} is wider than ${width} px: ${v.pastRightEdge}`,
        ).toBeLessThanOrEqual(width);
      }
    });

    it('answers a missing address with the Vietnamese 404 page, which leads home', async () => {
      const context = await newContext(viewport);
      try {
        const page = await context.newPage();
        const response = await page.goto(`${server!.url}/thoi-su/khong-co-bai-nay-999999.html`);
        expect(response!.status()).toBe(404);
        expect(await page.getAttribute('html', 'lang')).toBe('vi');
        expect(await page.locator('h1').textContent()).toBe('Không tìm thấy trang');
        await webFontState(page, FONT, FONT_SAMPLE);
        await saveScreenshot(page, `${width}px-7-not-found`);
        expect(await seriousAxeViolations(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          width,
        );
        const home = await follow(page, 'main a[href="/"]', '404 → Về trang chủ');
        expect(home.status()).toBe(200);
      } finally {
        await context.close();
      }
    });
  });
});
