import { randomBytes } from 'node:crypto';
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { signPreviewLink } from '@toasoan/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerFirstAdmin } from '../../scripts/lib/first-admin';
import { findFreePort, startTestCms, type TestCms } from './helpers/cms';
import { attribute, byClass, byTag, findAll, findOne, parseHtml, textOf } from './helpers/html';
import { assertPrerequisitesBuilt } from './helpers/paths';
import { getStatus, TEST_SECRET } from './helpers/publisher';
import { startLivePublisherProcess, type PublisherProcess } from './helpers/publisher-process';

// The draft preview end to end: a real Strapi (seeded) with the preview's secret and token, the
// site's server as `npm start -w site` runs it, its on-demand route /xem-truoc/ through
// @astrojs/node, and the links the admin's Preview button gets from the CMS.
const LIVE_WITHIN_MS = 120_000;
const ARTICLE = 'api::article.article';
const SECRET = randomBytes(32).toString('hex');
const PREVIEW_TOKEN = randomBytes(32).toString('hex');
const DRAFT_TITLE = `Tiêu đề chỉ có trong bản nháp ${randomBytes(3).toString('hex')}`;
const NEW_TITLE = `Bài mới chưa đăng bao giờ ${randomBytes(3).toString('hex')}`;

let cms: TestCms;
let publisher: PublisherProcess;
let workDir: string;
let adminJwt: string;
let edited: { documentId: string; title: string; path: string };
let fresh: { documentId: string };

async function admin(method: string, suffix: string, body?: object) {
  const response = await fetch(`${cms.url}${suffix}`, {
    method,
    headers: { Authorization: `Bearer ${adminJwt}`, 'Content-Type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${suffix}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<any>;
}

/** What the admin's Preview button opens for an article's draft. */
const previewUrl = async (documentId: string): Promise<string> =>
  (
    await admin(
      'GET',
      `/content-manager/preview/url/${ARTICLE}?documentId=${documentId}&status=draft`,
    )
  ).data.url;

beforeAll(async () => {
  assertPrerequisitesBuilt();
  workDir = await mkdtemp(path.join(os.tmpdir(), 'toasoan-preview-'));
  const port = await findFreePort();
  const siteUrl = `http://127.0.0.1:${port}`;
  // The site's server reads them from the process environment, the CMS from its options.
  vi.stubEnv('PREVIEW_SECRET', SECRET);
  vi.stubEnv('PREVIEW_API_TOKEN', PREVIEW_TOKEN);
  cms = await startTestCms([], { preview: { secret: SECRET, token: PREVIEW_TOKEN, siteUrl } });
  adminJwt = await registerFirstAdmin(cms.url);

  // Before the site's first build: the drafts exist while the release is made.
  const response = await fetch(
    `${cms.url}/api/articles?fields[0]=title&fields[1]=slug&fields[2]=number&populate[category][fields][0]=slug&pagination[pageSize]=1`,
    { headers: { Authorization: `Bearer ${cms.token}` } },
  );
  const [first] = (await response.json()).data;
  edited = {
    documentId: first.documentId,
    title: first.title,
    path: `/${first.category.slug}/${first.slug}-${first.number}.html`,
  };
  // Saved, not published: the new title lives only in the draft.
  await admin('PUT', `/content-manager/collection-types/${ARTICLE}/${edited.documentId}`, {
    title: DRAFT_TITLE,
  });
  fresh = (
    await admin('POST', `/content-manager/collection-types/${ARTICLE}`, {
      title: NEW_TITLE,
      sapo: 'Sa-pô của bài chưa đăng.',
      body: 'Đoạn đầu của **bài chưa đăng**.',
    })
  ).data;

  publisher = await startLivePublisherProcess(
    { cms, port, secret: TEST_SECRET, workDir, plainBuilds: true },
    LIVE_WITHIN_MS,
  );
});

afterEach(({ task }) => {
  if (task.result?.state !== 'fail' || !publisher) return;
  const { stdout, stderr } = publisher.process.output();
  console.error(`site server output so far:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`);
});

afterAll(async () => {
  await publisher?.stop();
  await cms?.stop();
  vi.unstubAllEnvs();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('the draft preview', () => {
  it("renders the draft with the live page's components, marked, noindex, never stored", async () => {
    const url = await previewUrl(edited.documentId);
    expect(url.startsWith(`${publisher.url}/xem-truoc/${edited.documentId}?`)).toBe(true);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-robots-tag')).toBe('noindex');
    const page = parseHtml(await response.text());
    expect(textOf(findOne(page.document, byTag('h1'), 'title'))).toBe(DRAFT_TITLE);
    expect(textOf(findOne(page.document, byClass('preview-banner'), 'marker'))).toContain(
      'BẢN XEM TRƯỚC',
    );
    const robots = findAll(
      page.document,
      (e) => e.tagName === 'meta' && attribute(e, 'name') === 'robots',
    );
    expect(robots.map((meta) => attribute(meta, 'content'))).toEqual(['noindex']);
    expect(findAll(page.document, (e) => attribute(e, 'rel') === 'canonical')).toEqual([]);
    // The live article's anatomy: breadcrumb, timestamp, sapo, body, byline, the site's menu.
    const article = findOne(page.document, byClass('article'), 'article');
    expect(findAll(article, byClass('breadcrumb'))).toHaveLength(1);
    expect(textOf(article)).toMatch(/\d{2}\/\d{2}\/\d{4} \| \d{2}:\d{2} GMT\+7/);
    expect(findAll(article, byClass('article-body'))).toHaveLength(1);
    expect(findAll(page.document, byClass('site-menu'))).toHaveLength(1);
  });

  it('renders an article that was never published', async () => {
    const response = await fetch(await previewUrl(fresh.documentId));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(textOf(findOne(parseHtml(html).document, byTag('h1'), 'title'))).toBe(NEW_TITLE);
    expect(html).toContain('<strong>bài chưa đăng</strong>');
  });

  it('refuses a link without a signature with 401 and a Vietnamese page', async () => {
    const response = await fetch(`${publisher.url}/xem-truoc/${edited.documentId}`);
    expect(response.status).toBe(401);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('Liên kết xem trước không hợp lệ');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain(DRAFT_TITLE);
  });

  it('refuses an expired link with 401', async () => {
    const link = await signPreviewLink(SECRET, edited.documentId, Date.now() - 1000);
    const response = await fetch(`${publisher.url}${link}`);
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).toContain('Liên kết xem trước đã hết hạn');
    expect(html).not.toContain(DRAFT_TITLE);
  });

  it.each([
    ['another article', (url: URL) => void (url.pathname = `/xem-truoc/${fresh.documentId}`)],
    ['a later expiry', (url: URL) => url.searchParams.set('het-han', '9999999999')],
    ['another signature', (url: URL) => url.searchParams.set('chu-ky', 'A'.repeat(43))],
  ])('refuses a link changed to %s with 401', async (_, tamper) => {
    const url = new URL(await previewUrl(edited.documentId));
    tamper(url);
    const response = await fetch(url);
    expect(response.status).toBe(401);
    const html = await response.text();
    expect(html).not.toContain(DRAFT_TITLE);
    expect(html).not.toContain(NEW_TITLE);
  });

  it('refuses a link signed with another secret', async () => {
    const link = await signPreviewLink('not the secret', edited.documentId, Date.now() + 60_000);
    expect((await fetch(`${publisher.url}${link}`)).status).toBe(401);
  });

  it('is never part of a release: the live page and every file keep the published version', async () => {
    const live = await (await fetch(`${publisher.url}${edited.path}`)).text();
    expect(textOf(findOne(parseHtml(live).document, byTag('h1'), 'title'))).toBe(edited.title);
    const { live: release } = await getStatus(publisher.url);
    const releaseDir = path.join(workDir, 'releases', release!.id);
    const files = (await readdir(releaseDir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && /\.(html|xml|txt|json|mjs)$/.test(entry.name))
      .map((entry) => path.join(entry.parentPath, entry.name));
    expect(files.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      if (text.includes(DRAFT_TITLE) || text.includes(NEW_TITLE) || text.includes('BẢN XEM TRƯỚC'))
        leaks.push(path.relative(releaseDir, file));
    }
    // The route's own code (in the never-served server bundle) names the marker, nothing else.
    const served = (file: string) => !file.startsWith(`.release${path.sep}`);
    expect(leaks.filter(served)).toEqual([]);
    const pages = files.map((file) => path.relative(releaseDir, file)).filter(served);
    expect(pages.filter((file) => file.includes('xem-truoc'))).toEqual([]);
  });
});
