import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitForHttp } from '../../scripts/lib/http';
import { findFreePort } from '../../scripts/lib/throwaway-cms';
import {
  startPublisherProcess,
  type PublisherProcess,
} from '../../site/test/helpers/publisher-process';
import { EDITOR_ROLE_CODE, REPORTER_ROLE_CODE } from '../src/bootstrap/newsroom-roles';
import {
  ADMIN_BROWSER_SETUP_TIMEOUT_MS,
  createAdminUser,
  newCredentials,
  saveAdminScreenshot,
  settle,
  startAdminBrowser,
  type AdminBrowser,
  type AdminCredentials,
} from './helpers/admin-browser';
import { englishOnScreen } from './helpers/admin-strings';
import { fixtures } from './helpers/fixtures';

// The newsroom's walk in the built admin, in Chromium at 1280 px, against the site's real server
// (publisher/main.ts, as `npm start -w site` runs it): a reporter writes and saves an article with
// a Vietnamese title and opens its preview on the site; an editor publishes it; the site rebuilds
// on the CMS's hook and the article's page goes live with its title and the reporter's byline.
// Every screen of the walk is kept as a screenshot and scanned for Strapi's English UI texts.

const ARTICLE_UID = 'api::article.article';
const TITLE = 'Nông dân Bắc Bình thu hoạch thanh long trái vụ';
const SAPO = 'Giá thanh long trái vụ cao gấp đôi chính vụ, nông dân phấn khởi.';
const BODY = 'Những ngày này, các vườn thanh long ở Bắc Bình sáng đèn suốt đêm.';
const SECTION = 'Kinh tế';
const REPORTER_NAME = 'Lê Thị Thanh Hà';
const HOOK_SECRET = randomBytes(24).toString('hex');
const PREVIEW_SECRET = randomBytes(32).toString('hex');
const PREVIEW_TOKEN = randomBytes(32).toString('hex');
// An `astro build` of the site on a busy 2-core machine; the admin refetches after each click.
const BUILD = { timeout: 150_000, interval: 1_000 };
const SLOW = { timeout: 30_000 };

let admin: AdminBrowser;
let publisher: PublisherProcess;
let workDir: string;
let reporter: AdminCredentials;
let editor: AdminCredentials;

const articleRow = () =>
  admin.cms.strapi.db.query(ARTICLE_UID).findOne({
    where: { title: TITLE, publishedAt: null },
    populate: { category: true, credits: { populate: { author: true } } },
  });
const isPublished = async () =>
  Boolean(
    await admin.cms.strapi.db
      .query(ARTICLE_UID)
      .findOne({ where: { title: TITLE, publishedAt: { $notNull: true } } }),
  );

/** The site server's answer for a path: status and text (never throws on a refused connection). */
async function sitePage(urlPath: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${publisher.url}${urlPath}`).catch(() => null);
  return response
    ? { status: response.status, body: await response.text() }
    : { status: 0, body: '' };
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'toasoan-walk-'));
  const port = await findFreePort();
  const siteUrl = `http://127.0.0.1:${port}`;
  // The CMS's env (startCms copies it into process.env, which the site's server inherits: the
  // preview route reads PREVIEW_SECRET and PREVIEW_API_TOKEN from there).
  admin = await startAdminBrowser({
    PREVIEW_SECRET,
    PREVIEW_API_TOKEN: PREVIEW_TOKEN,
    SITE_URL: siteUrl,
    PUBLISH_WEBHOOK_URL: `${siteUrl}/_publisher/hook`,
    PUBLISH_HOOK_SECRET: HOOK_SECRET,
  });
  const { strapi } = admin.cms;
  const make = fixtures(strapi);
  const section = await make.category({ name: SECTION });
  // The site builds only with a published article in a section: one already on the site.
  await make.article(
    { title: 'Mùa nước nổi về sớm ở miền Tây', category: section.documentId },
    'published',
  );
  reporter = await createAdminUser(admin.cms, newCredentials('Thanh', 'Hà'), [REPORTER_ROLE_CODE]);
  editor = await createAdminUser(admin.cms, newCredentials('Biên', 'Tập'), [EDITOR_ROLE_CODE]);
  // The reporter's author profile: their new articles are credited to it (default-credit.ts).
  await make.author({ name: REPORTER_NAME, email: reporter.email });

  publisher = startPublisherProcess({
    cms: { url: admin.cms.url, token: admin.cms.siteToken },
    port,
    secret: HOOK_SECRET,
    workDir,
    // The admin's Preview frames the site: only the admin's own origin may (frame-ancestors).
    adminUrl: admin.cms.url,
  });
  // The preview route and the live pages are served from a release: wait for the first one.
  await waitForHttp(`${siteUrl}/`, BUILD.timeout, publisher.process.exited, (s) => s === 200).catch(
    (error: unknown) => {
      const { stdout, stderr } = publisher.process.output();
      throw new Error(`${error}\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`);
    },
  );
}, ADMIN_BROWSER_SETUP_TIMEOUT_MS);

afterEach(({ task }) => {
  if (task.result?.state !== 'fail' || !publisher) return;
  const { stdout, stderr } = publisher.process.output();
  console.error(`site server output:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`);
});

afterAll(async () => {
  await publisher?.stop();
  await admin?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/**
 * Keeps a screenshot of the screen as it is now and notes the English UI texts on it under its
 * name; each test checks at its end that none of its screens had any.
 */
async function screen(page: Page, name: string, english: Record<string, string[]>) {
  await saveAdminScreenshot(page, name);
  const found = await englishOnScreen(page);
  if (found.length > 0) english[name] = found;
}

/** Opens an admin path as a journalist would reach it, and keeps it as a screen of the walk. */
async function visit(page: Page, path: string, name: string, english: Record<string, string[]>) {
  await page.goto(`${admin.cms.url}/admin${path}`);
  await settle(page);
  await page.locator('main h1, main [role="heading"]').first().waitFor(SLOW);
  await screen(page, name, english);
}

/** The content manager's menu: the types this user may open. */
const contentTypesMenu = async (page: Page) =>
  (await page.locator('nav a[href*="/content-manager/collection-types/"]').allTextContents()).map(
    (text) => text.trim(),
  );

/** Types into the Markdown editor of a field (CodeMirror: no plain textarea to fill). */
async function typeMarkdown(page: Page, text: string) {
  await page
    .locator('.CodeMirror, .cm-editor, [role="textbox"][contenteditable="true"]')
    .first()
    .click();
  await page.keyboard.insertText(text);
}

/** The edit view's Publish buttons, each 'enabled' or 'disabled'. */
const publishButtons = (page: Page) =>
  page
    .getByRole('button', { name: 'Xuất bản', exact: true })
    .evaluateAll((buttons) =>
      buttons.map((button) =>
        (button as HTMLButtonElement).disabled || button.getAttribute('aria-disabled') === 'true'
          ? 'disabled'
          : 'enabled',
      ),
    );

describe('the newsroom walk in Chromium at 1280 px', () => {
  let documentId: string;

  it('a reporter writes and saves an article, credited to them, and opens its preview', async () => {
    const english: Record<string, string[]> = {};
    const { page, context } = await admin.logIn(reporter);
    await screen(page, 'walk-reporter-home', english);
    await visit(
      page,
      `/content-manager/collection-types/${ARTICLE_UID}`,
      'walk-reporter-list',
      english,
    );
    // The types a reporter never touches (comments, readers' accounts) are not in their menu.
    expect(await contentTypesMenu(page)).toEqual(['Bài viết', 'Chuyên mục', 'Tác giả']);
    await page.goto(
      `${admin.cms.url}/admin/content-manager/collection-types/${ARTICLE_UID}/create`,
    );
    await settle(page);
    await page.locator('input[name="title"]').fill(TITLE);
    await page.locator('textarea[name="sapo"]').fill(SAPO);
    await typeMarkdown(page, BODY);
    await page.getByRole('combobox', { name: /Chuyên mục/ }).click();
    await page.getByRole('option', { name: SECTION }).click();
    await screen(page, 'walk-reporter-new-article', english);

    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(articleRow, SLOW).toBeTruthy();
    const saved = await articleRow();
    documentId = saved.documentId;
    expect(saved.title).toBe(TITLE);
    expect(saved.sapo).toBe(SAPO);
    expect(saved.body).toBe(BODY);
    expect(saved.category?.name).toBe(SECTION);
    expect(saved.credits.map((credit: any) => credit.author?.name)).toEqual([REPORTER_NAME]);
    await page.waitForURL((url) => url.pathname.endsWith(documentId), SLOW);
    await settle(page);
    // Publishing is the editors' call: the reporter's Publish button cannot be pressed.
    await expect.poll(() => publishButtons(page), SLOW).toEqual(['disabled']);
    await screen(page, 'walk-reporter-saved', english);

    // "Mở bản xem trước" opens the admin's preview screen, framing the site's signed link.
    await page.getByRole('link', { name: 'Mở bản xem trước' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/preview'), SLOW);
    const frame = page.locator(`iframe[src^="${publisher.url}/xem-truoc/${documentId}?"]`);
    await frame.waitFor(SLOW);
    const preview = frame.contentFrame();
    await expect.poll(() => preview.locator('h1').first().textContent(), SLOW).toBe(TITLE);
    expect(await preview.locator('body').innerText()).toContain('BẢN XEM TRƯỚC');
    await screen(page, 'walk-reporter-preview', english);
    expect(await isPublished()).toBe(false);

    await visit(page, '/plugins/upload', 'walk-reporter-media-library', english);
    await visit(page, '/me', 'walk-reporter-profile', english);
    await context.close();
    expect(english).toEqual({});
  }, 300_000);

  it('an editor publishes it, and its page goes live on the site with the byline', async () => {
    const english: Record<string, string[]> = {};
    const { page, context } = await admin.logIn(editor);
    await visit(
      page,
      `/content-manager/collection-types/${ARTICLE_UID}`,
      'walk-editor-list',
      english,
    );
    expect(await contentTypesMenu(page)).toEqual([
      'Bài viết',
      'Bình luận',
      'Chuyên mục',
      'Tác giả',
    ]);
    await page.getByText(TITLE, { exact: true }).click();
    await page.waitForURL((url) => url.pathname.endsWith(documentId), SLOW);
    await settle(page);
    await expect.poll(() => page.locator('input[name="title"]').inputValue(), SLOW).toBe(TITLE);
    await expect.poll(() => publishButtons(page), SLOW).toEqual(['enabled']);
    await screen(page, 'walk-editor-article', english);
    await page.getByRole('button', { name: 'Xuất bản', exact: true }).click();
    await expect.poll(isPublished, SLOW).toBe(true);
    await settle(page);
    await screen(page, 'walk-editor-published', english);
    await visit(page, '/plugins/upload', 'walk-editor-media-library', english);
    await visit(page, '/me', 'walk-editor-profile', english);
    await context.close();
    expect(english).toEqual({});

    const live = await admin.cms.strapi.db.query(ARTICLE_UID).findOne({
      where: { documentId, publishedAt: { $notNull: true } },
      populate: { category: true },
    });
    const articlePath = `/${live.category.slug}/${live.slug}-${live.number}.html`;
    await expect.poll(async () => (await sitePage(articlePath)).status, BUILD).toBe(200);
    const { body } = await sitePage(articlePath);
    expect(body).toContain(TITLE);
    expect(body).toContain(BODY);
    // The reporter's byline, as the site writes names (upper case), linked to their page.
    expect(body).toContain(
      `<p class="byline">Bài: <a href="/tac-gia/le-thi-thanh-ha/">${REPORTER_NAME.toLocaleUpperCase('vi')}</a></p>`,
    );
    expect(body).not.toContain('BẢN XEM TRƯỚC');
  }, 360_000);
});
