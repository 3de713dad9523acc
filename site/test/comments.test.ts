import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerFirstAdmin } from '../../scripts/lib/first-admin';
import { launchChromium } from './helpers/browser';
import { findFreePort, startTestCms, type TestCms } from './helpers/cms';
import { signalGroup } from '../publisher/process-groups';
import { assertPrerequisitesBuilt } from './helpers/paths';
import { getStatus, TEST_SECRET, waitFor } from './helpers/publisher';
import { startLivePublisherProcess, type PublisherProcess } from './helpers/publisher-process';

// Readers' comments end to end: real Strapi (seeded), the site's server as `npm start -w site`
// runs it (its on-demand route through @astrojs/node), and Chromium with JavaScript on and off.
// The server trusts X-Forwarded-For from 127.0.0.1 (TRUSTED_PROXIES), so each test poses as a
// reader of its own and the per-address limits of one test do not reach the next.
// A rebuild here is a plain astro build (no spare bundled ahead): minutes on a loaded machine.
const LIVE_WITHIN_MS = 300_000;
const COMMENT = 'api::comment.comment';

interface StoredComment {
  documentId: string;
  name: string;
  body: string;
  moderation: string;
}

let cms: TestCms;
let publisher: PublisherProcess;
let port: number;
let workDir: string;
let adminJwt: string;
let browser: Browser | undefined;
let article: { documentId: string; path: string; category: string };
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
  fields: Record<string, string | undefined>,
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
    // An undefined field is left out of the form.
    body: new URLSearchParams(
      Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ),
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

const waitForComment = (body: string, timeoutMs = 30_000) =>
  waitFor(
    `the comment "${body.slice(0, 30)}" to reach the CMS`,
    async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return (await storedComments()).find((comment) => comment.body === body);
    },
    timeoutMs,
  );

let draft: string | undefined;
/** An article saved in the admin and never published (a draft save starts no build). */
async function draftArticle(): Promise<string> {
  if (draft) return draft;
  const response = await fetch(`${cms.url}/content-manager/collection-types/api::article.article`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminJwt}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      title: 'Bài nháp chưa đăng',
      sapo: 'Bài này chưa được đăng.',
      body: 'Nội dung nháp.',
      category: { connect: [{ documentId: article.category }] },
    }),
  });
  const saved = (await response.json()) as { data?: { documentId: string } };
  if (!saved.data) throw new Error(`Saving a draft answered ${response.status}`);
  return (draft = saved.data.documentId);
}

/** The comments the site's server holds on disk for the CMS (its COMMENT_QUEUE_DIR). */
const queued = async () =>
  (await readdir(process.env.COMMENT_QUEUE_DIR!)).filter(
    (name) => name.endsWith('.json') && !name.startsWith('.'),
  );

/** Starts the site's server (again) on the file's port and folder, until it serves a release. */
async function startSiteServer(): Promise<void> {
  publisher = await startLivePublisherProcess(
    { cms, port, secret: TEST_SECRET, workDir, plainBuilds: true },
    LIVE_WITHIN_MS,
  );
}

beforeAll(async () => {
  assertPrerequisitesBuilt();
  workDir = await mkdtemp(path.join(os.tmpdir(), 'toasoan-comments-'));
  port = await findFreePort();
  // Both processes get the process environment: the CMS declares its webhook from it; the
  // site's server reads the comment token, its queue and the trusted proxy.
  vi.stubEnv('PUBLISH_WEBHOOK_URL', `http://127.0.0.1:${port}/_publisher/hook`);
  vi.stubEnv('PUBLISH_HOOK_SECRET', TEST_SECRET);
  vi.stubEnv('COMMENT_QUEUE_DIR', path.join(workDir, 'comment-queue'));
  vi.stubEnv('TRUSTED_PROXIES', '127.0.0.1');
  cms = await startTestCms([]);
  adminJwt = await registerFirstAdmin(cms.url);
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
  vi.stubEnv('COMMENT_API_TOKEN', token.data.accessKey);
  await startSiteServer();
  const response = await fetch(
    `${cms.url}/api/articles?fields[0]=slug&fields[1]=number&populate[category][fields][0]=slug&populate[category][fields][1]=documentId&pagination[pageSize]=1`,
    { headers: { Authorization: `Bearer ${cms.token}` } },
  );
  const [first] = (await response.json()).data;
  article = {
    documentId: first.documentId,
    path: `/${first.category.slug}/${first.slug}-${first.number}.html`,
    category: first.category.documentId,
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
  vi.unstubAllEnvs();
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

  // Each refused submit's fields, to prove afterwards that none of them reached the CMS.
  const refused: Record<string, string | undefined>[] = [];
  let storedBefore = 0;

  it('takes 2,000 characters counted after NFC and trimming (typed decomposed, 6,000 code points)', async () => {
    // Counted now, once what earlier tests sent has arrived (the queue delivers in order).
    const body = 'ệ'.repeat(2_000);
    const response = await post(good(`  ${body.normalize('NFD')}\n `));
    expect(response.status).toBe(303);
    expect((await waitForComment(body)).moderation).toBe('pending');
    storedBefore = (await storedComments()).length;
  });

  it.each([
    ['a short name', { name: 'B' }, 'Họ tên cần từ 2 đến 60 ký tự.'],
    [
      'a name of 61 characters',
      { name: `${'Bình '.repeat(12)}X` },
      'Họ tên cần từ 2 đến 60 ký tự.',
    ],
    ['no name', { name: undefined }, 'Họ tên cần từ 2 đến 60 ký tự.'],
    [
      'a control character in the name',
      { name: 'Bình\u0007 An' },
      'Họ tên chứa ký tự không được phép.',
    ],
    ['a bad email', { email: 'binh@' }, 'Địa chỉ email không hợp lệ.'],
    ['no email', { email: undefined }, 'Xin nhập địa chỉ email (không hiển thị công khai).'],
    [
      'an email of 256 characters',
      { email: `${'a'.repeat(64)}@${'b'.repeat(180)}.example.vn` },
      'Địa chỉ email quá dài.',
    ],
    ['a short text', { body: 'Hay' }, 'Bình luận cần từ 5 đến 2.000 ký tự.'],
    ['no text', { body: undefined }, 'Bình luận cần từ 5 đến 2.000 ký tự.'],
    [
      'a text of 2,001 characters after NFC and trimming',
      { body: ` ${'ệ'.normalize('NFD').repeat(2_001)} ` },
      'Bình luận cần từ 5 đến 2.000 ký tự.',
    ],
    [
      'a text of spaces and zero-width characters',
      { body: ' \u200B\u200B\n\t \uFEFF\u2060\u200B  ' },
      'Bình luận cần từ 5 đến 2.000 ký tự.',
    ],
    [
      'a control character in the text',
      { body: 'Có ký tự \u0000 lạ ở đây' },
      'Bình luận chứa ký tự không được phép.',
    ],
    ['three links', { body: 'http://a.vn http://b.vn http://c.vn' }, 'tối đa 2 đường link'],
    [
      'three links hidden by zero-width spaces',
      { body: 'http\u200B://a.vn www\u200B.b.vn http://c.vn' },
      'tối đa 2 đường link',
    ],
    ['an RTL override', { body: 'Xem \u202Egnol\u202C đây' }, 'ký tự không được phép'],
    ['an unknown article', { article: 'khong-co' }, 'Bài viết không tồn tại'],
    ['no article', { article: undefined }, 'Bài viết không tồn tại'],
    ['an article that exists but is not published', 'draft', 'Bài viết không tồn tại'],
  ] as const)(
    'answers %s with 400, the form again, what was typed kept',
    async (_, change, message) => {
      const fields: Record<string, string | undefined> = {
        ...good(`Nội dung giữ lại ${readers}`),
        ...(change === 'draft' ? { article: await draftArticle() } : change),
      };
      refused.push(fields);
      const response = await post(fields);
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain(message);
      expect(html).toContain('Bình luận chưa gửi được');
      if (fields.email) expect(html).toContain(`value="${fields.email}"`);
      expect(html).not.toMatch(/at .*\.(ts|mjs|js):\d+/);
      const json = await post(fields, { json: true });
      expect(json.status).toBe(400);
      expect(JSON.stringify(await json.json())).toContain(message.slice(0, 10));
    },
  );

  it.each([
    ['broken JSON', 'application/json', '{"name": "Bình", "body": '],
    [
      'JSON, not the form',
      'application/json',
      JSON.stringify({ name: 'Bình', body: 'Một ý kiến hay' }),
    ],
    ['multipart with no boundary', 'multipart/form-data', 'name=B%C3%ACnh&body=Hay'],
    ['plain text', 'text/plain', 'name=Bình'],
  ])(
    'answers a body of %s with 400 and a Vietnamese sentence, storing nothing',
    async (_, type, body) => {
      for (const json of [false, true]) {
        const response = await fetch(`${publisher.url}/binh-luan/gui`, {
          method: 'POST',
          redirect: 'manual',
          headers: {
            'Content-Type': type,
            'X-Forwarded-For': newReader(),
            ...(json ? { Accept: 'application/json' } : {}),
          },
          body,
        });
        expect(response.status).toBe(400);
        const text = await response.text();
        expect(text).toContain('Không đọc được nội dung gửi lên');
        expect(text).not.toMatch(/at .*\.(ts|mjs|js):\d+/);
      }
    },
  );

  it("answers a GET of the form's address with 405, Allow: POST and a Vietnamese sentence", async () => {
    const response = await fetch(`${publisher.url}/binh-luan/gui`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.text()).toContain('chỉ nhận bình luận gửi từ khung dưới mỗi bài viết');
  });

  it('stored none of the refused comments', async () => {
    const sentinel = 'Một bình luận đúng gửi sau các bình luận bị từ chối.';
    expect((await post(good(sentinel))).status).toBe(303);
    // Delivered in order: once this one is in, anything sent before it would be too.
    await waitForComment(sentinel);
    const stored = await storedComments();
    expect(stored).toHaveLength(storedBefore + 1);
    const refusedBodies = new Set(refused.map((fields) => fields.body));
    expect(stored.filter((comment) => refusedBodies.has(comment.body))).toEqual([]);
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
  it(
    'an approved comment appears after the rebuild with its GMT+7 time, its text inert',
    async () => {
      const name = 'Kẻ <script>alert(1)</script> xấu';
      const body =
        'Xem <img src=x onerror="alert(2)"> và <a href="javascript:alert(3)">đây</a>\u200B nhé';
      expect((await post({ ...good(body), name })).status).toBe(303);
      // The zero-width space is removed (shared/src/comment.ts), the rest kept as typed.
      const stored = await waitForComment(body.replace('\u200B', ''));
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
    },
    LIVE_WITHIN_MS + 60_000,
  );
});

describe('nothing a reader writes is lost', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('a comment sent while the CMS is stopped is received, and arrives pending once it is back', async () => {
    const withoutJs = 'Gửi khi máy chủ nội dung đang tắt, không có JavaScript.';
    const withJs = 'Gửi khi máy chủ nội dung đang tắt, có JavaScript.';
    await cms.halt();
    try {
      expect((await post(good(withoutJs))).status).toBe(303);
      const json = await post(good(withJs), { json: true });
      expect(json.status).toBe(202);
      expect((await json.json()).status).toBe('received');
      // On disk before the reader was thanked.
      expect(await queued()).toHaveLength(2);
    } finally {
      await cms.start();
    }
    // The queue retries with a growing wait (up to a minute) while the CMS is down.
    expect((await waitForComment(withoutJs, 120_000)).moderation).toBe('pending');
    expect((await waitForComment(withJs, 30_000)).moderation).toBe('pending');
    await waitFor('the queue to empty', async () => (await queued()).length === 0);
  }, 300_000);

  it('a crash of the site server loses none of the comments waiting for the CMS', async () => {
    const body = 'Bình luận chờ trong hàng đợi khi máy chủ trang web khởi động lại.';
    await cms.halt();
    try {
      expect((await post(good(body))).status).toBe(303);
      expect(await queued()).toHaveLength(1);
      // Killed, not stopped: nothing of it runs to save what it holds.
      signalGroup(publisher.process.child, 'SIGKILL');
      await publisher.process.exited;
    } finally {
      await cms.start();
    }
    // Nobody delivered it meanwhile: the CMS came back after the server was gone.
    expect((await storedComments()).map((comment) => comment.body)).not.toContain(body);
    expect(await queued()).toHaveLength(1);
    await startSiteServer();
    expect((await waitForComment(body, 60_000)).moderation).toBe('pending');
    await waitFor('the queue to empty', async () => (await queued()).length === 0);
  }, 300_000);

  it('a CMS that hangs past the delivery timeout gets the comment when it answers, once', async () => {
    const body = 'Bình luận gửi lúc máy chủ nội dung treo, không mất và không lặp.';
    const attempts = () =>
      publisher.process.output().stdout.split('the CMS did not take comment').length - 1;
    const before = attempts();
    cms.signal('SIGSTOP');
    try {
      expect((await post(good(body))).status).toBe(303);
      // The delivery gave up waiting (10 s) while the CMS still held the request.
      await waitFor('a delivery to time out', async () => attempts() > before, 60_000);
    } finally {
      cms.signal('SIGCONT');
    }
    expect((await waitForComment(body, 120_000)).moderation).toBe('pending');
    await waitFor('the queue to empty', async () => (await queued()).length === 0, 120_000);
    // The CMS may have stored the abandoned request too: give it time to finish, then count.
    await sleep(3_000);
    const copies = (await storedComments()).filter((comment) => comment.body === body);
    expect(copies).toHaveLength(1);
  }, 300_000);
});
