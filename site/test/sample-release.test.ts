import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { signPreviewLink } from '@toasoan/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from './helpers/browser';
import { findFreePort, startTestCms, type TestCms } from './helpers/cms';
import { assertPrerequisitesBuilt } from './helpers/paths';
import { getStatus, TEST_SECRET } from './helpers/publisher';
import { startLivePublisherProcess, type PublisherProcess } from './helpers/publisher-process';
import { ADMIN_ORIGIN, expectPolicy } from './helpers/security-policy';
import { fetchFromPreview, listHtmlFiles, readBuiltFile, type SiteBuild } from './helpers/site';

// The sample newsroom as the site's server builds and serves it, read by every test here: the
// pages in the newspaper's anatomy, then every page type in Chromium under the site's
// Content-Security-Policy (publisher/security-headers.ts), which reports any violation.

// The first release of the sample newsroom, on a machine whose two cores other suites share.
const LIVE_WITHIN_MS = 300_000;

// The sample newsroom's reference article: Trường Sơn's report published 12/10/2023 08:29
// in Vietnam (01:29 UTC).
const TRUONG_SON_PUBLISHED_AT = '2023-10-12T01:29:00.000Z';

interface PublishedArticle {
  slug: string;
  number: number;
  title: string;
  category: { slug: string };
}

/**
 * The byline's text: the names link to the authors' pages, so the tags are stripped first.
 * Empty when the page has no byline.
 */
function bylineText(html: string): string {
  const [, inner = ''] = /<p class="byline"[^>]*>([\s\S]*?)<\/p>/.exec(html) ?? [];
  return inner.replace(/<[^>]+>/g, '').trim();
}

/** Pages one folder deep other than a folder's index.html: the article pages. */
const isArticleFile = (file: string) =>
  file.split('/').length === 2 && !file.endsWith('/index.html');

/** Asks the CMS itself (not the site's data) which articles are published. */
async function fetchPublished(cms: TestCms, filters = ''): Promise<PublishedArticle[]> {
  const query =
    'fields[0]=slug&fields[1]=number&fields[2]=title&populate[category][fields][0]=slug' +
    `&pagination[pageSize]=100${filters}`;
  const response = await fetch(`${cms.url}/api/articles?${query}`, {
    headers: { Authorization: `Bearer ${cms.token}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: PublishedArticle[] }).data;
}

describe('the sample newsroom, built and served by the site server', () => {
  const SECRET = randomBytes(32).toString('hex');
  const PREVIEW_TOKEN = randomBytes(32).toString('hex');
  let cms: TestCms;
  let publisher: PublisherProcess;
  let browser: Browser;
  let workDir: string;
  /** The live release, as a build of helpers/site.ts. */
  let release: SiteBuild;
  let truongSon: PublishedArticle;
  let truongSonPath: string;

  beforeAll(async () => {
    assertPrerequisitesBuilt();
    workDir = await mkdtemp(path.join(os.tmpdir(), 'toasoan-sample-release-'));
    const port = await findFreePort();
    const buildStderrFile = path.join(workDir, 'build-stderr.log');
    // The site's server reads them from the process environment, the CMS from its options.
    vi.stubEnv('PREVIEW_SECRET', SECRET);
    vi.stubEnv('PREVIEW_API_TOKEN', PREVIEW_TOKEN);
    vi.stubEnv('CMS_PUBLIC_URL', ADMIN_ORIGIN);
    vi.stubEnv('COMMENT_QUEUE_DIR', path.join(workDir, 'comment-queue'));
    cms = await startTestCms([], {
      preview: { secret: SECRET, token: PREVIEW_TOKEN, siteUrl: `http://127.0.0.1:${port}` },
    });
    publisher = await startLivePublisherProcess(
      { cms, port, secret: TEST_SECRET, workDir, plainBuilds: true, buildStderrFile },
      LIVE_WITHIN_MS,
    );
    release = {
      code: 0,
      stdout: '',
      stderr: await readFile(buildStderrFile, 'utf8').catch(() => ''),
      outDir: await realpath(path.join(workDir, 'releases', 'current')),
      cacheDir: path.join(workDir, 'cache'),
    };
    const [found] = await fetchPublished(
      cms,
      `&filters[publicationTime][$eq]=${encodeURIComponent(TRUONG_SON_PUBLISHED_AT)}`,
    );
    expect(found, 'the seed publishes the Trường Sơn article of 12/10/2023 08:29').toBeDefined();
    truongSon = found!;
    truongSonPath = `${truongSon.category.slug}/${truongSon.slug}-${truongSon.number}.html`;
    browser = await launchChromium();
  }, LIVE_WITHIN_MS + 120_000);

  afterAll(async () => {
    await browser?.close();
    await publisher?.stop();
    await cms?.stop();
    vi.unstubAllEnvs();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('builds without errors', async () => {
    expect((await getStatus(publisher.url)).lastBuild).toMatchObject({ ok: true });
    // Astro's warnings and errors: none for the sample.
    expect(release.stderr).toBe('');
  });

  it('writes every published article at /<category-slug>/<article-slug>-<number>.html', async () => {
    const published = await fetchPublished(cms);
    const files = await listHtmlFiles(release.outDir);
    for (const article of published) {
      expect(files).toContain(`${article.category.slug}/${article.slug}-${article.number}.html`);
    }
    const articleFiles = files.filter(isArticleFile);
    expect(articleFiles).toHaveLength(published.length);
    for (const file of articleFiles) expect(file).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+-\d+\.html$/);
  });

  it('renders the Trường Sơn article in the newspaper anatomy', async () => {
    const html = await readBuiltFile(release, truongSonPath);
    expect(html).toContain('<html lang="vi"');
    expect(html).toContain('12/10/2023 | 08:29 GMT+7');
    expect(bylineText(html)).toBe('Bài, ảnh: TRƯỜNG SƠN');
    expect(html).toMatch(/<h1[^>]*>[^<]+<\/h1>/);
    expect(html).toMatch(/<h2[\s>]/);
    expect(html).toContain(`href="/${truongSon.category.slug}/"`);
    expect(html).toMatch(/<figure class="cover"[^>]*>\s*<img[^>]+src="\/_images\/[^"]+\.webp"/);
    expect(html).toMatch(/<figcaption[^>]*>[^<]+<\/figcaption>/);

    // The anatomy's order: category, title, time, sapo, cover, body, byline.
    const positions = [
      'class="breadcrumb"',
      '<h1',
      'class="timestamp"',
      'class="sapo"',
      'class="cover"',
      'class="article-body"',
      'class="byline"',
    ].map((marker) => html.indexOf(marker));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('prints NFC text and no raw Markdown', async () => {
    const html = await readBuiltFile(release, truongSonPath);
    expect(html === html.normalize('NFC')).toBe(true);
    const body = html.slice(html.indexOf('class="article-body"'), html.indexOf('class="byline"'));
    expect(body).not.toContain('## ');
    expect(body).not.toContain('**');
  });

  it('lists the latest articles on the home page', async () => {
    const home = await readBuiltFile(release, 'index.html');
    const published = await fetchPublished(cms);
    for (const article of published) {
      expect(home).toContain(
        `href="/${article.category.slug}/${article.slug}-${article.number}.html"`,
      );
    }
    expect(home).toContain('12/10/2023 | 08:29 GMT+7');
    expect(home === home.normalize('NFC')).toBe(true);
  });

  it('has a Vietnamese 404 page', async () => {
    expect(await readBuiltFile(release, '404.html')).toContain('Không tìm thấy trang');
  });

  it('is served at the article URL by astro preview', async () => {
    const response = await fetchFromPreview(release, await findFreePort(), `/${truongSonPath}`);
    expect(response.status).toBe(200);
    expect(bylineText(response.body)).toBe('Bài, ảnh: TRƯỜNG SƠN');
  });

  /** A page of each type the site serves, found by following the home page's links. */
  async function pagePaths(): Promise<Record<string, string>> {
    const home = await (await fetch(`${publisher.url}/`)).text();
    const hrefs = [...home.matchAll(/href="(\/[^"]*)"/g)].map((match) => match[1]!);
    const article = hrefs.find((href) => /^\/[^/]+\/[^/]+-\d+\.html$/.test(href))!;
    const section = hrefs.find(
      (href) => /^\/[^/_]+\/$/.test(href) && !href.startsWith('/tac-gia'),
    )!;
    const articleHtml = await (await fetch(`${publisher.url}${article}`)).text();
    const author = /href="(\/tac-gia\/[^"]+)"/.exec(articleHtml)?.[1];
    const { data } = (await (
      await fetch(`${cms.url}/api/articles?fields[0]=title&pagination[pageSize]=1`, {
        headers: { Authorization: `Bearer ${cms.token}` },
      })
    ).json()) as { data: { documentId: string }[] };
    const preview = await signPreviewLink(SECRET, data[0]!.documentId, Date.now() + 600_000);
    expect({ article, section, author }).toEqual({
      article: expect.any(String),
      section: expect.any(String),
      author: expect.any(String),
    });
    return {
      home: '/',
      article,
      section,
      author: author!,
      missing: '/khong-co-trang-nay',
      preview,
    };
  }

  it('serves every page type with the policy and no violation of it', async () => {
    const paths = await pagePaths();
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text()))
        violations.push(`${page.url()}: ${message.text()}`);
    });
    try {
      for (const [what, urlPath] of Object.entries(paths)) {
        const response = await page.goto(`${publisher.url}${urlPath}`, { waitUntil: 'load' });
        expect(response, what).not.toBeNull();
        expectPolicy(response!.headers(), what, what === 'preview');
        if (what === 'preview') expect(response!.status()).toBe(200);
      }
      // The comment form's script runs (it is the pages' only script) and sends with fetch.
      await page.goto(`${publisher.url}${paths.article}`, { waitUntil: 'load' });
      const form = page.locator('form[data-comment-form]');
      await form.locator('[name="name"]').fill('Bạn đọc');
      await form.locator('[name="body"]').fill('Bài viết hay, cảm ơn tòa soạn.');
      const sent = page.waitForResponse((answer) => answer.url().includes('/binh-luan/'));
      await form.locator('button[type="submit"]').click();
      expectPolicy((await sent).headers(), 'comment answer');
      // Sent by the script (fetch), not by the browser's own form post: the page stayed.
      await expect.poll(() => form.locator('[data-comment-status]').textContent()).not.toBe('');
      expect(page.url()).toBe(`${publisher.url}${paths.article}`);
    } finally {
      await page.close();
    }
    expect(violations).toEqual([]);
  });

  it('builds pages whose only script and styles are files of the site', async () => {
    const { article } = await pagePaths();
    const html = await (await fetch(`${publisher.url}${article}`)).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]!);
    expect(scripts.filter((attributes) => !attributes.includes('application/ld+json'))).toEqual([
      expect.stringMatching(/ src="\/_astro\/[^"]+\.js"/),
    ]);
    expect(html).not.toContain('<style');
    expect(html).not.toMatch(/ style="/);
  });

  it('serves the publisher status with the policy', async () => {
    const status = await fetch(`${publisher.url}/_publisher/status`);
    expectPolicy(status.headers, 'status');
    expect((await getStatus(publisher.url)).live).not.toBeNull();
  });
});
