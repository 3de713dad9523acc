import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDIT_VIEWS } from '../src/bootstrap/edit-views';
import {
  ADMIN_BROWSER_SETUP_TIMEOUT_MS,
  openAdminPath,
  saveAdminScreenshot,
  startAdminBrowser,
  type AdminBrowser,
} from './helpers/admin-browser';
import { englishOn, englishOnScreen, visibleTexts } from './helpers/admin-strings';

let admin: AdminBrowser;
let context: BrowserContext;
let page: Page;

/** Opens an admin path inside the admin, waits until the screen has settled, keeps a screenshot. */
async function openScreen(path: string, screenshot: string): Promise<string[]> {
  await openAdminPath(page, path);
  await page.locator('main h1, main [role="heading"]').first().waitFor({ timeout: 90_000 });
  await saveAdminScreenshot(page, screenshot);
  return visibleTexts(page);
}

beforeAll(async () => {
  admin = await startAdminBrowser();
  // Something in each list: a section, an author, a published article with a byline, a comment.
  const { strapi } = admin.cms;
  const category = await strapi
    .documents('api::category.category')
    .create({ data: { name: 'Thời sự' } });
  const author = await strapi
    .documents('api::author.author')
    .create({ data: { name: 'Trường Sơn' } });
  const article = await strapi.documents('api::article.article').create({
    data: {
      title: 'Lễ hội đua ghe ngo trên sông Maspero',
      sapo: 'Hàng vạn người dân đổ về hai bờ sông.',
      category: category.documentId,
      credits: [{ role: 'Bài, ảnh', author: author.documentId }],
    },
    status: 'published',
  });
  await strapi.documents('api::comment.comment').create({
    data: {
      article: article.documentId,
      name: 'Bạn đọc',
      email: 'ban-doc@example.com',
      body: 'Bài viết hay quá.',
      moderation: 'pending',
    },
  });
}, ADMIN_BROWSER_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await context?.close();
  await admin?.close();
});

describe('the admin in Chromium at 1280 px shows no English', () => {
  it('on the login screen', async () => {
    context = await admin.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'vi-VN',
    });
    context.setDefaultNavigationTimeout(90_000);
    page = await context.newPage();
    await page.goto(`${admin.cms.url}/admin/auth/login`);
    await page.locator('input[name="email"]').waitFor();
    await saveAdminScreenshot(page, 'vi-login');
    expect(await englishOnScreen(page)).toEqual([]);
    await context.close();
  }, 180_000);

  it('on the home page', async () => {
    ({ context, page } = await admin.logIn());
    await page.locator('main h1').first().waitFor();
    await saveAdminScreenshot(page, 'vi-home');
    expect(await englishOnScreen(page)).toEqual([]);
  }, 180_000);

  it('in the article list', async () => {
    const lines = await openScreen(
      '/content-manager/collection-types/api::article.article',
      'vi-article-list',
    );
    expect(lines).toContain('Lễ hội đua ghe ngo trên sông Maspero');
    expect(englishOn(lines)).toEqual([]);
  }, 180_000);

  it('in a new article, whose fields are labelled in Vietnamese', async () => {
    const lines = await openScreen(
      '/content-manager/collection-types/api::article.article/create',
      'vi-article-new',
    );
    const fields = EDIT_VIEWS['api::article.article']!.fields;
    for (const field of Object.keys(fields)) expect(lines).not.toContain(field);
    for (const { label } of Object.values(fields)) {
      expect(
        lines.some((line) => line.startsWith(label)),
        label,
      ).toBe(true);
    }
    expect(englishOn(lines)).toEqual([]);
  }, 180_000);

  it('in the media library', async () => {
    expect(englishOn(await openScreen('/plugins/upload', 'vi-media-library'))).toEqual([]);
  }, 180_000);

  it('in the comment list', async () => {
    const lines = await openScreen(
      '/content-manager/collection-types/api::comment.comment',
      'vi-comment-list',
    );
    expect(lines).toContain('Bài viết hay quá.');
    expect(englishOn(lines)).toEqual([]);
  }, 180_000);

  it('on the profile page', async () => {
    expect(englishOn(await openScreen('/me', 'vi-profile'))).toEqual([]);
  }, 180_000);
});
