import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  saveScreenshot,
  serveBuild,
  seriousAxeViolations,
  type StaticServer,
} from './helpers/browser';
import { startTestCms, type TestCms } from './helpers/cms';
import { assertPrerequisitesBuilt } from './helpers/paths';
import { CmsAdmin } from './helpers/cms-admin';
import { buildSite, type SiteBuild } from './helpers/site';

// Searching a built site in real Chromium: the sample newsroom plus the article and the
// ones it must rank above, published in this order (so the last is the newest).
const EXACT = 'Ngành tổ chức xây dựng Đảng vững mạnh toàn diện';
const FOLDED = 'Hướng dẫn xây dựng đăng ký kinh doanh cho hộ gia đình';
const SCATTERED = 'Đảng viên trẻ góp công dựng nhà, xây cầu cho bản vùng cao';
const SAPO = 'Tỉnh ủy tổng kết công tác xây dựng Đảng năm 2023 tại hội nghị chiều qua.';
// Authors the database's byte order puts after "Z": Vietnamese order puts Đ after D, before E.
const AUTHORS = ['Eban Thị Mai', 'Đỗ Hùng', 'Dương Lan'];

const VIEWPORTS = [
  { name: 'phone', width: 375, height: 812, isMobile: true },
  { name: 'desktop', width: 1280, height: 800, isMobile: false },
] as const;

describe('searching the archive in Chromium', () => {
  let cms: TestCms | undefined;
  let build: SiteBuild;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;

  /** Opens the search page for a query; returns the titles shown once the search has answered. */
  async function searchFor(page: Page, query: string, section?: string): Promise<string[]> {
    const params = new URLSearchParams({ q: query, ...(section ? { 'chuyen-muc': section } : {}) });
    await page.goto(`${server!.url}/tim-kiem/?${params}`);
    await page.waitForFunction(() => {
      const status = document.querySelector('[data-search-status]')?.textContent ?? '';
      return status !== '' && status !== 'Đang tìm…';
    });
    return page.locator('.search-result h2').allTextContents();
  }

  beforeAll(async () => {
    assertPrerequisitesBuilt();
    browser = await launchChromium();
    cms = await startTestCms([]);
    const admin = await CmsAdmin.open(cms);
    const [chinhTri] = await admin.read<{ documentId: string }[]>(
      '/api/categories?filters[slug][$eq]=chinh-tri',
    );
    const [truongSon] = await admin.read<{ documentId: string }[]>(
      '/api/authors?filters[slug][$eq]=truong-son',
    );
    for (const title of [EXACT, FOLDED, SCATTERED]) {
      await admin.postPublishedArticle({
        // NFD, as some editors paste it: the index must hold NFC.
        title: title.normalize('NFD'),
        sapo: title === EXACT ? SAPO : '',
        body: 'Nội dung bài viết.',
        categoryDocumentId: chinhTri!.documentId,
        credits: [{ role: 'Bài', authorDocumentId: truongSon!.documentId }],
      });
    }
    for (const name of AUTHORS) {
      await admin.request('POST', '/api/authors', JSON.stringify({ data: { name } }));
    }
    build = await buildSite(cms.url, cms.token);
    if (build.code !== 0) {
      throw new Error(`astro build failed (exit ${build.code}):\n${build.stdout}\n${build.stderr}`);
    }
    server = await serveBuild(build.outDir);
    context = await browser.newContext({ locale: 'vi-VN' });
    // A Strapi start and a whole build: minutes on a loaded machine.
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await cms?.stop();
  });

  it.each(['xay dung dang', 'Xây dựng Đảng', 'XÂY DỰNG ĐẢNG', 'Xây dựng Đảng'.normalize('NFD')])(
    'finds "%s" with or without tones, in NFC or NFD',
    async (query) => {
      const page = await context.newPage();
      expect(await searchFor(page, query)).toContain(EXACT);
      await page.close();
    },
  );

  it('ranks the phrase as typed above the folded phrase, and both above scattered syllables', async () => {
    const page = await context.newPage();
    const titles = await searchFor(page, 'Xây dựng Đảng');
    const at = (title: string) => titles.indexOf(title);
    expect(at(EXACT)).toBeGreaterThanOrEqual(0);
    expect(at(EXACT)).toBeLessThan(at(FOLDED));
    expect(at(FOLDED)).toBeLessThan(at(SCATTERED));
    // Typed without tones, the two phrases are equally good: the newer comes first.
    const folded = await searchFor(page, 'xay dung dang');
    expect(folded.indexOf(FOLDED)).toBeLessThan(folded.indexOf(EXACT));
    expect(folded.indexOf(EXACT)).toBeLessThan(folded.indexOf(SCATTERED));
    await page.close();
  });

  it('shows section, newspaper time and the sapo with the matches marked', async () => {
    const page = await context.newPage();
    await searchFor(page, 'xay dung dang');
    const result = page.locator('.search-result', { hasText: EXACT });
    expect(await result.locator('.article-card-meta').textContent()).toMatch(
      /^Chính trị · \d{2}\/\d{2}\/\d{4} \| \d{2}:\d{2} GMT\+7$/,
    );
    expect(await result.locator('.article-card-sapo mark').allTextContents()).toEqual([
      'xây',
      'dựng',
      'Đảng',
    ]);
    const href = await result.locator('h2 a').getAttribute('href');
    expect((await page.goto(`${server!.url}${href}`))?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe(EXACT);
    await page.close();
  });

  it('loads a script of a few KB: the text helpers of shared, not the Markdown sanitizer or zod', async () => {
    const page = await context.newPage();
    const scripts: { url: string; bytes: number }[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.push({ url: response.url(), bytes: (await response.body()).byteLength });
    });
    await searchFor(page, 'xay dung dang');
    expect(scripts.length).toBeGreaterThan(0);
    const total = scripts.reduce((sum, script) => sum + script.bytes, 0);
    // 6.8 KB with @toasoan/shared/search-text; 116 KB when the whole of shared came along.
    expect(total, JSON.stringify(scripts)).toBeLessThan(20_000);
    await page.close();
  });

  it('filters by section and says when nothing matches', async () => {
    const page = await context.newPage();
    expect(await searchFor(page, 'nganh to chuc', 'chinh-tri')).toContain(EXACT);
    expect(await searchFor(page, 'nganh to chuc', 'the-thao')).toEqual([]);
    expect(await page.locator('[data-search-status]').textContent()).toContain(
      'Không tìm thấy kết quả',
    );
    expect(await searchFor(page, 'sân bay vũ trụ')).toEqual([]);
    expect(await page.locator('[data-search-status]').textContent()).toContain(
      'Không tìm thấy kết quả',
    );
    await page.close();
  });

  it('searches as the reader types, fetching a few index files and none on other pages', async () => {
    const page = await context.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/_search/')) fetched.push(pathname);
    });
    await page.goto(`${server!.url}/`);
    expect(fetched).toEqual([]);
    await page.goto(`${server!.url}/tim-kiem/`);
    await page.locator('#search-query').pressSequentially('xay dung dang');
    await expect
      .poll(() => page.locator('.search-result h2').allTextContents(), { timeout: 10_000 })
      .toContain(EXACT);
    expect(new URL(page.url()).searchParams.get('q')).toBe('xay dung dang');
    // meta, at most 5 term files (3 syllables, 2 pairs) per query typed, and result files.
    expect(fetched.length).toBeGreaterThan(2);
    expect(fetched.length).toBeLessThan(40);
    await page.close();
  });

  it.each(VIEWPORTS)('passes axe on the search page at $width px', async (viewport) => {
    const phone = await browser!.newContext({
      viewport: { width: viewport.width, height: viewport.height },
      isMobile: viewport.isMobile,
      hasTouch: viewport.isMobile,
      locale: 'vi-VN',
    });
    const page = await phone.newPage();
    await searchFor(page, 'xây dựng');
    await saveScreenshot(page, `search-${viewport.name}`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });

  it('without JavaScript, the header form leads to the search page, which says what to do', async () => {
    const noScript = await browser!.newContext({ javaScriptEnabled: false, locale: 'vi-VN' });
    const page = await noScript.newPage();
    await page.goto(`${server!.url}/`);
    await page.locator('#site-search-q').fill('xây dựng Đảng');
    await Promise.all([
      page.waitForURL(/\/tim-kiem\/\?q=/),
      page.locator('.site-search button').click(),
    ]);
    expect(new URL(page.url()).searchParams.get('q')).toBe('xây dựng Đảng');
    expect(await page.locator('.search-nojs').textContent()).toContain('Tìm kiếm cần JavaScript');
    expect(await page.locator('.search-nojs a').count()).toBeGreaterThan(0);
    await noScript.close();
  });

  it('lists authors in Vietnamese order: Đ after D and before E', async () => {
    const page = await context.newPage();
    await page.goto(`${server!.url}/tac-gia/`);
    const names = await page.locator('.author-list li a').allTextContents();
    const at = (name: string) => names.indexOf(name);
    expect(at('Dương Lan')).toBeGreaterThanOrEqual(0);
    expect(at('Dương Lan')).toBeLessThan(at('Đỗ Hùng'));
    expect(at('Đỗ Hùng')).toBeLessThan(at('Eban Thị Mai'));
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')));
    await page.close();
  });
});
