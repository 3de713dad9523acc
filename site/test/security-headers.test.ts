import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { signPreviewLink } from '@toasoan/shared';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './helpers/browser';
import { findFreePort, startTestCms, type TestCms } from './helpers/cms';
import { assertPrerequisitesBuilt } from './helpers/paths';
import {
  FakeSite,
  getStatus,
  postHook,
  startFakePublisher,
  TEST_SECRET,
} from './helpers/publisher';
import { startLivePublisherProcess, type PublisherProcess } from './helpers/publisher-process';
import type { RunningPublisher } from '../publisher/server';

// The site server's security headers (publisher/security-headers.ts) on every kind of answer:
// first on the real server with a small fake release, then on a real build of the sample
// newsroom, with every page type opened in Chromium, which reports any Content-Security-Policy
// violation.

const ADMIN_ORIGIN = 'http://localhost:1337';
// The first release of the sample newsroom, on a machine whose two cores other suites share.
const LIVE_WITHIN_MS = 300_000;

/** The headers every answer of the site's server carries, whatever it is. */
function expectPolicy(headers: Headers | Record<string, unknown>, what: string, framed = false) {
  const get = (name: string) =>
    headers instanceof Headers ? headers.get(name) : ((headers[name] as string) ?? null);
  const csp = get('content-security-policy') ?? '';
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("script-src 'self'");
  expect(csp, what).not.toContain('unsafe-inline');
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).toContain(
    framed ? `frame-ancestors 'self' ${ADMIN_ORIGIN}` : "frame-ancestors 'none'",
  );
  expect(get('x-frame-options'), what).toBe(framed ? null : 'DENY');
  expect(get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  expect(get('permissions-policy'), what).toContain('camera=()');
  expect(get('x-content-type-options'), what).toBe('nosniff');
}

/** A GET with node:http: the exact path and headers given (fetch rewrites both). */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(url, { headers }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the site server, on a small release', () => {
  const running: { publisher: RunningPublisher; site: FakeSite }[] = [];
  afterEach(async () => {
    for (const { publisher, site } of running.splice(0)) {
      await site.openGate();
      await publisher.close();
      await site.remove();
    }
  });

  async function setUp(trustedProxies: string[] = [], firstBuild: 'wait' | 'held' = 'wait') {
    const site = await FakeSite.create();
    if (firstBuild === 'held') await site.closeGate();
    const publisher = await startFakePublisher(site, {
      security: { adminOrigin: ADMIN_ORIGIN, trustedProxies },
    });
    running.push({ publisher, site });
    if (firstBuild === 'wait') await publisher.publisher.idle();
    return { site, url: publisher.url };
  }

  it('sends the policy on pages, files, errors, partial and unchanged answers and endpoints', async () => {
    const { url } = await setUp();
    const answers: [string, Promise<Response>][] = [
      ['home', fetch(`${url}/`)],
      ['article', fetch(`${url}/tin-tuc/bai-1-1.html`)],
      ['folder', fetch(`${url}/tin-tuc`)],
      ['asset', fetch(`${url}/_astro/site.css`)],
      ['404', fetch(`${url}/khong-co.html`)],
      ['405', fetch(`${url}/`, { method: 'DELETE' })],
      ['206', fetch(`${url}/_astro/site.css`, { headers: { Range: 'bytes=0-1' } })],
      ['416', fetch(`${url}/_astro/site.css`, { headers: { Range: 'bytes=9999-' } })],
      ['comment route', fetch(`${url}/binh-luan/gui`, { method: 'POST', body: 'x' })],
      ['status', fetch(`${url}/_publisher/status`)],
      ['hook refused', postHook(url, { authorization: null })],
      ['hook', postHook(url)],
    ];
    for (const [what, answer] of answers) expectPolicy((await answer).headers, what);
    const etag = (await fetch(`${url}/`)).headers.get('etag')!;
    const notModified = await rawGet(`${url}/`, { 'If-None-Match': etag });
    expect(notModified.status).toBe(304);
    expectPolicy(notModified.headers, '304');
    const traversal = await rawGet(`${url}/..%2f..%2fetc%2fpasswd`);
    expect(traversal.status).toBe(404);
    expectPolicy(traversal.headers, 'traversal');
  });

  it('sends the policy before the first release too (503)', async () => {
    const { url } = await setUp([], 'held');
    const early = await fetch(`${url}/`);
    expect(early.status).toBe(503);
    expectPolicy(early.headers, '503');
  });

  it('lets only the admin frame the draft preview', async () => {
    const { url } = await setUp();
    const preview = await fetch(`${url}/xem-truoc/abc?het-han=1&chu-ky=x`);
    expectPolicy(preview.headers, 'preview', true);
  });

  it('sends HSTS only over HTTPS, which only a trusted proxy can vouch for', async () => {
    const direct = await setUp();
    expect((await fetch(`${direct.url}/`)).headers.get('strict-transport-security')).toBeNull();
    // A reader cannot turn HSTS on for everyone by writing the header itself.
    const spoofed = await fetch(`${direct.url}/`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(spoofed.headers.get('strict-transport-security')).toBeNull();

    const proxied = await setUp(['127.0.0.1']);
    const overHttps = await fetch(`${proxied.url}/khong-co.html`, {
      headers: { 'X-Forwarded-Proto': 'https' },
    });
    expect(overHttps.status).toBe(404);
    expect(overHttps.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const overHttp = await fetch(`${proxied.url}/`, { headers: { 'X-Forwarded-Proto': 'http' } });
    expect(overHttp.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('the built site in Chromium', () => {
  const SECRET = randomBytes(32).toString('hex');
  const PREVIEW_TOKEN = randomBytes(32).toString('hex');
  let cms: TestCms;
  let publisher: PublisherProcess;
  let browser: Browser;
  let workDir: string;

  beforeAll(async () => {
    assertPrerequisitesBuilt();
    workDir = await mkdtemp(path.join(os.tmpdir(), 'toasoan-security-'));
    const port = await findFreePort();
    // The site's server reads them from the process environment, the CMS from its options.
    Object.assign(process.env, {
      PREVIEW_SECRET: SECRET,
      PREVIEW_API_TOKEN: PREVIEW_TOKEN,
      CMS_PUBLIC_URL: ADMIN_ORIGIN,
      COMMENT_QUEUE_DIR: path.join(workDir, 'comment-queue'),
    });
    cms = await startTestCms([], {
      preview: { secret: SECRET, token: PREVIEW_TOKEN, siteUrl: `http://127.0.0.1:${port}` },
    });
    publisher = await startLivePublisherProcess(
      { cms, port, secret: TEST_SECRET, workDir, plainBuilds: true },
      LIVE_WITHIN_MS,
    );
    browser = await launchChromium();
  }, LIVE_WITHIN_MS + 120_000);

  afterAll(async () => {
    await browser?.close();
    await publisher?.stop();
    await cms?.stop();
    for (const name of [
      'PREVIEW_SECRET',
      'PREVIEW_API_TOKEN',
      'CMS_PUBLIC_URL',
      'COMMENT_QUEUE_DIR',
    ])
      delete process.env[name];
    if (workDir) await rm(workDir, { recursive: true, force: true });
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
