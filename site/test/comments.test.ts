import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { registerFirstAdmin } from './helpers/admin';
import { launchChromium } from './helpers/browser';
import { findFreePort, startTestCms, type TestCms } from './helpers/cms';
import { assertPrerequisitesBuilt } from './helpers/paths';
import { getStatus, TEST_SECRET, waitFor } from './helpers/publisher';
import { startPublisherProcess, type PublisherProcess } from './helpers/publisher-cms';

// Readers' comments end to end: real Strapi (seeded), the site's server as `npm start -w site`
// runs it (its on-demand route through @astrojs/node), and Chromium with JavaScript on and off.
// The server trusts X-Forwarded-For from 127.0.0.1 (TRUSTED_PROXIES), so each test poses as a
// reader of its own and the per-address limits of one test do not reach the next.
const LIVE_WITHIN_MS = 120_000;
const COMMENT = 'api::comment.comment';

interface StoredComment {
  documentId: string;
  name: string;
  body: string;
  moderation: string;
}

let cms: TestCms;
let publisher: PublisherProcess;
let workDir: string;
let adminJwt: string;
let browser: Browser | undefined;
let article: { documentId: string; path: string };
let readers = 0;

/** A fresh reader address for X-Forwarded-For. */
const newReader = () => `198.51.100.${++readers}`;

const good = (body: string) => ({
  article: article.documentId,
  name: 'Nguyễn Văn Bình',
  email: 'binh@example.vn',
  body,
});

async function post(
  fields: Record<string, string>,
  options: { reader?: string; json?: boolean } = {},
): Promise<Response> {
  return fetch(`${publisher.url}/binh-luan/gui`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Forwarded-For': options.reader ?? newReader(),
      ...(options.json ? { Accept: 'application/json' } : {}),
    },
    body: new URLSearchParams(fields),
  });
}

async function admin(method: string, suffix: string, body?: object) {
  const response = await fetch(`${cms.url}/content-manager/collection-types/${COMMENT}${suffix}`, {
    method,
    headers: { Authorization: `Bearer ${adminJwt}`, 'Content-Type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${suffix}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<any>;
}

const storedComments = async (): Promise<StoredComment[]> =>
  (await admin('GET', '?page=1&pageSize=100&sort=createdAt:DESC')).results;

const waitForComment = (body: string) =>
  waitFor(
    `the comment "${body.slice(0, 30)}" to reach the CMS`,
    async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return (await storedComments()).find((comment) => comment.body === body);
    },
    30_000,
  );

beforeAll(async () => {
  assertPrerequisitesBuilt();
  workDir = await mkdtemp(path.join(os.tmpdir(), 'toasoan-comments-'));
  const port = await findFreePort();
  // Both processes get the process environment: the CMS declares its webhook from it; the
  // site's server reads the comment token, its queue and the trusted proxy.
  Object.assign(process.env, {
    PUBLISH_WEBHOOK_URL: `http://127.0.0.1:${port}/_publisher/hook`,
    PUBLISH_HOOK_SECRET: TEST_SECRET,
    COMMENT_QUEUE_DIR: path.join(workDir, 'comment-queue'),
    TRUSTED_PROXIES: '127.0.0.1',
  });
  cms = await startTestCms([]);
  adminJwt = await registerFirstAdmin(cms.url, 'moderator');
  // The token the CMS makes from COMMENT_API_TOKEN at start-up (cms/test covers that one), made
  // here in the admin instead: the test CMS is started without that variable.
  const created = await fetch(`${cms.url}/admin/api-tokens`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminJwt}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      name: `comment-submit-${randomBytes(4).toString('hex')}`,
      description: 'only creates comments',
      type: 'custom',
      lifespan: null,
      permissions: ['api::comment.comment.create'],
    }),
  });
  const token = (await created.json()) as { data?: { accessKey: string } };
  if (!token.data) throw new Error(`POST /admin/api-tokens answered ${created.status}`);
  process.env.COMMENT_API_TOKEN = token.data.accessKey;
  publisher = startPublisherProcess({ cms, port, secret: TEST_SECRET, workDir });
  await waitFor(
    'the site server to serve a release',
    async () => (await getStatus(publisher.url).catch(() => undefined))?.live ?? undefined,
    LIVE_WITHIN_MS,
  ).catch((error: unknown) => {
    const { stdout, stderr } = publisher.process.output();
    throw new Error(`${error}\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`);
  });
  const response = await fetch(
    `${cms.url}/api/articles?fields[0]=slug&fields[1]=number&populate[category][fields][0]=slug&pagination[pageSize]=1`,
    { headers: { Authorization: `Bearer ${cms.token}` } },
  );
  const [first] = (await response.json()).data;
  article = {
    documentId: first.documentId,
    path: `/${first.category.slug}/${first.slug}-${first.number}.html`,
  };
});

afterEach(({ task }) => {
  if (task.result?.state !== 'fail' || !publisher) return;
  const { stdout, stderr } = publisher.process.output();
  console.error(`site server output so far:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`);
});

afterAll(async () => {
  await browser?.close();
  await publisher?.stop();
  await cms?.stop();
  for (const name of [
    'PUBLISH_WEBHOOK_URL',
    'PUBLISH_HOOK_SECRET',
    'COMMENT_API_TOKEN',
    'COMMENT_QUEUE_DIR',
    'TRUSTED_PROXIES',
  ])
    delete process.env[name];
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('the comment form without JavaScript', () => {
  it('is on the article page, static, in place of the old notice', async () => {
    const html = await (await fetch(`${publisher.url}${article.path}`)).text();
    expect(html).toContain('action="/binh-luan/gui"');
    expect(html).toContain(`value="${article.documentId}"`);
    expect(html).toContain('Gửi bình luận');
    expect(html).toContain('Họ tên');
    expect(html).not.toContain('đang được hoàn thiện');
  });

  it('answers 303 to a thank-you page, and the comment waits in the CMS, pending', async () => {
    const body = 'Cầu mới giúp bà con đi lại thuận tiện hơn nhiều.';
    const response = await post(good(body));
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toBe(`/binh-luan/da-nhan?bai=${encodeURIComponent(article.path)}`);
    const thanks = await fetch(`${publisher.url}${location}`);
    expect(thanks.status).toBe(200);
    const page = await thanks.text();
    expect(page).toContain('chờ');
    expect(page).toContain(`href="${article.path}#binh-luan"`);

    const stored = await waitForComment(body);
    expect(stored.moderation).toBe('pending');
    const html = await (await fetch(`${publisher.url}${article.path}`)).text();
    expect(html).not.toContain(body);
  });

  it.each([
    ['a short name', { name: 'B' }, 'Họ tên cần từ 2 đến 60 ký tự.'],
    ['a bad email', { email: 'binh@' }, 'Địa chỉ email không hợp lệ.'],
    ['a short text', { body: 'Hay' }, 'Bình luận cần từ 5 đến 2.000 ký tự.'],
    ['three links', { body: 'http://a.vn http://b.vn http://c.vn' }, 'tối đa 2 đường link'],
    ['an RTL override', { body: 'Xem \u202Egnol\u202C đây' }, 'ký tự không được phép'],
    ['an unknown article', { article: 'khong-co' }, 'Bài viết không tồn tại'],
  ])('answers %s with 400, the form again, what was typed kept', async (_, change, message) => {
    const fields = { ...good(`Nội dung giữ lại ${readers}`), ...change };
    const response = await post(fields);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(message);
    expect(html).toContain('Bình luận chưa gửi được');
    expect(html).toContain(`value="${fields.email}"`);
    expect(html).not.toMatch(/at .*\.(ts|mjs|js):\d+/);
    const json = await post(fields, { json: true });
    expect(json.status).toBe(400);
    expect(JSON.stringify(await json.json())).toContain(message.slice(0, 10));
  });

  it('refuses the same text from the same reader within minutes (409)', async () => {
    const reader = newReader();
    const fields = good('Một ý kiến chỉ cần gửi một lần thôi.');
    expect((await post(fields, { reader })).status).toBe(303);
    const again = await post(fields, { reader });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Bạn vừa gửi bình luận này rồi');
  });

  it('limits a reader to 5 comments a minute (429 with Retry-After)', async () => {
    const reader = newReader();
    for (let i = 1; i <= 5; i++) {
      expect((await post(good(`Ý kiến số ${i} của bạn đọc`), { reader })).status).toBe(303);
    }
    const limited = await post(good('Ý kiến số 6 của bạn đọc'), { reader, json: true });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).message).toContain('quá nhanh');
    // Another reader is not held back by it.
    expect((await post(good('Ý kiến của một người khác'))).status).toBe(303);
  });

  it('thanks honeypot and too-fast submits like anyone, and stores nothing', async () => {
    const trapped = 'Mua hàng giá rẻ tại đây nhé bạn';
    const hurried = 'Gửi nhanh hơn người gõ phím được';
    expect((await post({ ...good(trapped), website: 'http://spam.example' })).status).toBe(303);
    const fast = await post({ ...good(hurried), elapsed: '400' }, { json: true });
    expect(fast.status).toBe(202);
    expect((await fast.json()).status).toBe('received');
    // The queue delivers in order: once a later comment arrived, the earlier ones would have.
    expect((await post(good('Một bình luận đến sau hai cái kia.'))).status).toBe(303);
    await waitForComment('Một bình luận đến sau hai cái kia.');
    const bodies = (await storedComments()).map((comment) => comment.body);
    expect(bodies).not.toContain(trapped);
    expect(bodies).not.toContain(hurried);
  });
});

/** One Chromium for the file, started by the first test that needs it. */
const chromium = async () => (browser ??= await launchChromium());

describe('the comment form in Chromium', () => {
  it('with JavaScript: sends in place, no reload, errors next to their field', async () => {
    const page = await (await chromium()).newPage();
    await page.goto(`${publisher.url}${article.path}`);
    const form = page.locator('form[data-comment-form]');
    await form.getByLabel('Họ tên', { exact: true }).fill('Lê Thu Hà');
    await form.getByLabel('Email', { exact: true }).fill('ha@example.vn');
    await form.getByLabel('Bình luận', { exact: true }).fill('Hay');
    await form.getByRole('button', { name: 'Gửi bình luận' }).click();
    await expect
      .poll(() => page.locator('#comment-body-error').textContent())
      .toBe('Bình luận cần từ 5 đến 2.000 ký tự.');

    const body = 'Mong tòa soạn tiếp tục theo dõi vụ việc này.';
    await form.getByLabel('Bình luận', { exact: true }).fill(body);
    // A person takes a few seconds to write; the page tells a faster submit apart.
    await page.waitForTimeout(3_100);
    await form.getByRole('button', { name: 'Gửi bình luận' }).click();
    await expect
      .poll(() => page.locator('[data-comment-status]').textContent())
      .toContain('Cảm ơn bạn');
    expect(page.url()).toBe(`${publisher.url}${article.path}`);
    expect(await page.locator('#comment-body-error').textContent()).toBe('');
    expect((await waitForComment(body)).moderation).toBe('pending');
    await page.close();
  });

  it('without JavaScript: lands on the thank-you page with a link back', async () => {
    const context = await (await chromium()).newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${publisher.url}${article.path}`);
    const form = page.locator('form[data-comment-form]');
    await form.getByLabel('Họ tên', { exact: true }).fill('Phạm Minh');
    await form.getByLabel('Email', { exact: true }).fill('minh@example.vn');
    const body = 'Không bật JavaScript vẫn gửi được bình luận.';
    await form.getByLabel('Bình luận', { exact: true }).fill(body);
    await form.getByRole('button', { name: 'Gửi bình luận' }).click();
    await page.waitForURL(/\/binh-luan\/da-nhan/);
    expect(await page.locator('main').textContent()).toContain('Ban biên tập duyệt');
    await page.getByRole('link', { name: 'Quay lại bài viết' }).click();
    await page.waitForURL(new RegExp(`${article.path.replace(/\./g, '\\.')}`));
    expect((await waitForComment(body)).moderation).toBe('pending');
    await context.close();
  });
});

describe('moderation', () => {
  it('an approved comment appears after the rebuild with its GMT+7 time, its text inert', async () => {
    const name = 'Kẻ <script>alert(1)</script> xấu';
    const body =
      'Xem <img src=x onerror="alert(2)"> và <a href="javascript:alert(3)">đây</a>\u200B nhé';
    expect((await post({ ...good(body), name })).status).toBe(303);
    const stored = await waitForComment(body);
    const liveBefore = (await getStatus(publisher.url)).live?.id;
    await admin('PUT', `/${stored.documentId}`, { moderation: 'approved' });

    const html = await waitFor(
      'the approved comment on the article page',
      async () => {
        const status = await getStatus(publisher.url);
        if (status.live?.id === liveBefore) return undefined;
        const page = await (await fetch(`${publisher.url}${article.path}`)).text();
        return page.includes('onerror') ? page : undefined;
      },
      LIVE_WITHIN_MS,
    );
    expect(html).toContain('Kẻ &lt;script&gt;alert(1)&lt;/script&gt; xấu');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<a href="javascript:');
    expect(html).toMatch(/\d{2}\/\d{2}\/\d{4} \| \d{2}:\d{2} GMT\+7/);

    const page = await (await chromium()).newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${publisher.url}${article.path}`);
    const comment = page.locator('.comment', { hasText: 'Kẻ <script>' });
    await expect.poll(() => comment.count()).toBe(1);
    expect(await comment.locator('img, a, script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
