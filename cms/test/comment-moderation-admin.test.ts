import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatGmt7 } from '@toasoan/shared';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_BROWSER_SETUP_TIMEOUT_MS,
  openAdminPath,
  saveAdminScreenshot,
  settle,
  startAdminBrowser,
  type AdminBrowser,
} from './helpers/admin-browser';
import { visibleTexts } from './helpers/admin-strings';
import { fixtures } from './helpers/fixtures';

// The moderator's walk in the built admin, in Chromium (time zone UTC: GMT+7 must come from our
// code): Comments opens on pending, newest first, with GMT+7 times; one comment approved in two
// clicks, two rejected at once; the states stored and a rebuild hook sent for each decision.

const COMMENT_UID = 'api::comment.comment';
const SECRET = 'moderation-hook-secret';
/** What an editor reads for each state (src/admin/list-views/moderation.ts), in the enum's order. */
const LABELS = {
  pending: 'Chờ duyệt',
  approved: 'Đã duyệt',
  rejected: 'Đã từ chối',
  spam: 'Spam',
};
// The admin refetches after each click; on a busy 2-core machine that can take seconds.
const SLOW = { timeout: 30_000 };

let admin: AdminBrowser;
let session: { context: BrowserContext; page: Page } | undefined;
let receiver: Server;
const hooks: Array<{ event: string; model?: string }> = [];
let articleId: string;

/** Stands in for the site's publisher: records the hooks the CMS sends. */
async function startReceiver(): Promise<string> {
  receiver = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      if (request.headers.authorization === `Bearer ${SECRET}`) hooks.push(JSON.parse(raw));
      response.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/_publisher/hook`;
}

const comment = (name: string, moderation = 'pending') =>
  admin.cms.strapi.documents(COMMENT_UID).create({
    data: {
      name,
      email: 'ban-doc@example.vn',
      body: `Ý kiến của ${name}`,
      article: articleId,
      moderation,
    } as never,
  });

const stateOf = async (name: string) =>
  (await admin.cms.strapi.db.query(COMMENT_UID).findOne({ where: { name } }))?.moderation;

/** The list's rows as the moderator reads them: each cell's text. */
const rowsOf = (page: Page) =>
  page
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim() ?? ''),
      ),
    );

const rowOf = (page: Page, name: string): Locator =>
  page.locator('tbody tr').filter({ has: page.getByText(name, { exact: true }) });

const created: Record<string, string> = {};

beforeAll(async () => {
  const hookUrl = await startReceiver();
  admin = await startAdminBrowser({ PUBLISH_WEBHOOK_URL: hookUrl, PUBLISH_HOOK_SECRET: SECRET });
  articleId = (
    await fixtures(admin.cms.strapi).article({ title: 'Cầu Rồng mùa lễ hội' }, 'published')
  ).documentId;
  await comment('Đã duyệt trước', 'approved');
  // One after the other: each gets its own createdAt, oldest first.
  for (const name of ['Bạn đọc A', 'Bạn đọc B', 'Bạn đọc C', 'Bạn đọc D']) {
    const row = await comment(name);
    created[name] = new Date(row.createdAt as string | Date).toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}, ADMIN_BROWSER_SETUP_TIMEOUT_MS);

/** The super admin, logged in once for the file; each test opens its screens inside the admin. */
const superAdminPage = async () => (session ??= await admin.logIn()).page;

afterAll(async () => {
  await session?.context.close();
  await admin?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('moderating comments in the admin', () => {
  it('opens on pending, newest first, with GMT+7 times; approves in two clicks, rejects in bulk', async () => {
    const page = await superAdminPage();
    // The content manager (on the sections' list), then its menu's link.
    await openAdminPath(page, '/content-manager/collection-types/api::category.category');
    await page.getByRole('link', { name: 'Bình luận', exact: true }).click();
    await page.waitForURL(/api::comment\.comment/);
    await settle(page);
    await expect.poll(async () => (await rowsOf(page)).length, SLOW).toBe(4);
    expect(decodeURIComponent(page.url())).toContain('filters[$and][0][moderation][$eq]=pending');
    const rows = await rowsOf(page);
    // Columns: checkbox, name, text, article, state, time, actions.
    expect(rows.map((cells) => cells[1])).toEqual([
      'Bạn đọc D',
      'Bạn đọc C',
      'Bạn đọc B',
      'Bạn đọc A',
    ]);
    for (const cells of rows) {
      expect(cells[3]).toBe('Cầu Rồng mùa lễ hội');
      expect(cells[4]).toBe('Chờ duyệt');
      expect(cells[5]).toBe(formatGmt7(created[cells[1]]));
      expect(cells[5]).toMatch(/^\d{2}\/\d{2}\/\d{4} \| \d{2}:\d{2} GMT\+7$/);
    }
    await saveAdminScreenshot(page, 'comments-pending');

    // Approve B: the row's "…" menu (click 1), "Duyệt" (click 2).
    await rowOf(page, 'Bạn đọc B').locator('td').last().getByRole('button').click();
    await saveAdminScreenshot(page, 'comments-row-menu');
    await page.getByRole('menuitem', { name: 'Duyệt', exact: true }).click();
    await expect.poll(() => stateOf('Bạn đọc B'), SLOW).toBe('approved');
    await expect
      .poll(async () => (await rowsOf(page)).map((cells) => cells[1]), SLOW)
      .toEqual(['Bạn đọc D', 'Bạn đọc C', 'Bạn đọc A']);

    // Reject A and C at once: tick both, "Từ chối".
    await rowOf(page, 'Bạn đọc A').getByRole('checkbox').check();
    await rowOf(page, 'Bạn đọc C').getByRole('checkbox').check();
    await saveAdminScreenshot(page, 'comments-bulk-selected');
    await page.getByRole('button', { name: 'Từ chối', exact: true }).click();
    await expect
      .poll(() => Promise.all([stateOf('Bạn đọc A'), stateOf('Bạn đọc C')]), SLOW)
      .toEqual(['rejected', 'rejected']);
    await expect
      .poll(async () => (await rowsOf(page)).map((cells) => cells[1]), SLOW)
      .toEqual(['Bạn đọc D']);
    await saveAdminScreenshot(page, 'comments-after-moderation');

    expect(await stateOf('Bạn đọc D')).toBe('pending');
    expect(await stateOf('Đã duyệt trước')).toBe('approved');
    // Each decision went through the document service: one rebuild hook per comment decided.
    await expect
      .poll(
        () =>
          hooks.filter((hook) => hook.event === 'entry.update' && hook.model === 'comment').length,
        SLOW,
      )
      .toBe(3);
  }, 180_000);

  it('names the states in Vietnamese: the filter tag, its choices and the edit form', async () => {
    const page = await superAdminPage();
    await openAdminPath(page, `/content-manager/collection-types/${COMMENT_UID}`);
    // The tag of the filter the list opens with.
    const tag = page.getByText(/^Kiểm duyệt /);
    await expect.poll(() => tag.textContent(), SLOW).toBe('Kiểm duyệt là Chờ duyệt');

    // The filter's choices, through the tag: every state by its name; "Spam" picked.
    await tag.click();
    await page.getByRole('combobox', { name: 'Kiểm duyệt' }).click();
    expect(await page.getByRole('option').allTextContents()).toEqual(Object.values(LABELS));
    await saveAdminScreenshot(page, 'comments-filter-states');
    await page.getByRole('option', { name: 'Spam', exact: true }).click();
    await page.getByRole('button', { name: 'Cập nhật bộ lọc' }).click();
    await expect.poll(() => tag.textContent(), SLOW).toBe('Kiểm duyệt là Spam');
    expect(decodeURIComponent(page.url())).toContain('[moderation][$eq]=spam');

    // The edit form: the state's select shows its name, and so do its choices.
    const approved = await admin.cms.strapi.db
      .query(COMMENT_UID)
      .findOne({ where: { name: 'Đã duyệt trước' } });
    await openAdminPath(
      page,
      `/content-manager/collection-types/${COMMENT_UID}/${approved.documentId}`,
    );
    const select = page.getByRole('combobox', { name: /^Kiểm duyệt/ });
    await expect.poll(() => select.textContent(), SLOW).toContain('Đã duyệt');
    await select.click();
    // Strapi's empty choice ("Chọn tại đây", hidden for a required field), then the states.
    const choices = await page.getByRole('option').allTextContents();
    expect(choices.filter((choice) => choice !== 'Chọn tại đây')).toEqual(Object.values(LABELS));
    await saveAdminScreenshot(page, 'comments-edit-states');
    // Nowhere a raw value.
    const lines = await visibleTexts(page);
    for (const raw of Object.keys(LABELS)) expect(lines).not.toContain(raw);
  }, 400_000);
});

describe('the article list', () => {
  it('shows articles newest first with section, byline, GMT+7 time and state; filters by author', async () => {
    const f = fixtures(admin.cms.strapi);
    const section = await f.category({ name: 'Thời sự' });
    const son = await f.author({ name: 'Trường Sơn' });
    const lan = await f.author({ name: 'Mai Lan' });
    await f.article(
      {
        title: 'Mở rộng quốc lộ 1',
        category: section.documentId,
        publicationTime: '2026-11-20T01:29:00.000Z',
        credits: [{ role: 'Bài, ảnh', author: son.documentId }],
      },
      'published',
    );
    await f.article({
      title: 'Lễ hội pháo hoa',
      category: section.documentId,
      credits: [{ role: 'Ảnh', author: lan.documentId }],
    });

    const page = await superAdminPage();
    // The content manager (on the sections' list), then its menu's link.
    await openAdminPath(page, '/content-manager/collection-types/api::category.category');
    await page.getByRole('link', { name: 'Bài viết', exact: true }).click();
    await page.waitForURL(/api::article\.article/);
    await settle(page);
    const headers = await page.locator('thead th').allTextContents();
    for (const heading of ['Tiêu đề', 'Chuyên mục', 'Tác giả', 'Thời gian đăng']) {
      expect(headers.join(' | ')).toContain(heading);
    }
    await expect
      .poll(async () => (await rowsOf(page)).map((cells) => cells.slice(1, 5)), SLOW)
      .toEqual([
        ['Lễ hội pháo hoa', 'Thời sự', 'Ảnh: MAI LAN', '-'],
        ['Mở rộng quốc lộ 1', 'Thời sự', 'Bài, ảnh: TRƯỜNG SƠN', '20/11/2026 | 08:29 GMT+7'],
        ['Cầu Rồng mùa lễ hội', '-', '-', expect.stringMatching(/ GMT\+7$/)],
      ]);
    await saveAdminScreenshot(page, 'articles-list');

    const lanId = (
      await admin.cms.strapi.db.query('api::author.author').findOne({ where: { name: 'Mai Lan' } })
    ).id;
    await openAdminPath(
      page,
      `/content-manager/collection-types/api::article.article?page=1&pageSize=20&sort=createdAt:DESC&filters[$and][0][credits][author][$eq]=${lanId}`,
    );
    await expect
      .poll(async () => (await rowsOf(page)).map((cells) => cells[1]), SLOW)
      .toEqual(['Lễ hội pháo hoa']);
    // The filter's tag names the author, not her id.
    await expect.poll(() => page.getByText(/^Tác giả .+ Mai Lan$/).count(), SLOW).toBe(1);
    await saveAdminScreenshot(page, 'articles-by-author');
  }, 180_000);
});
