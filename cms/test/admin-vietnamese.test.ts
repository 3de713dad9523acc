import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamese } from '../src/admin/translations/vi';
import { EDIT_VIEWS } from '../src/bootstrap/edit-views';
import {
  ADMIN_BROWSER_SETUP_TIMEOUT_MS,
  saveAdminScreenshot,
  settle,
  startAdminBrowser,
  type AdminBrowser,
} from './helpers/admin-browser';
import { englishUiTexts, strapiStrings } from './helpers/admin-strings';

/** Every English text of Strapi's login, home, content manager, media library and profile. */
const ENGLISH = englishUiTexts({ ...strapiStrings('vi'), ...vietnamese });

let admin: AdminBrowser;
let context: BrowserContext;
let page: Page;

/**
 * Labels Strapi's code sets in English without a message to translate: the status badge's
 * aria-label is the raw status, the Markdown editor's screen-reader label is 'Editor'.
 */
const UNTRANSLATABLE_LABELS = new Set(['draft', 'published', 'modified', 'Editor']);

/**
 * What a reader of the screen sees: the lines of text on it and the inputs' placeholders; and
 * what a screen reader or a tooltip says: the visible elements' aria-label and title.
 */
async function visibleTexts(): Promise<string[]> {
  const { lines, labels } = await page.evaluate(() => {
    const shown = (element: Element) => (element as HTMLElement).offsetParent !== null;
    const placeholders = [...document.querySelectorAll('input, textarea')]
      .filter(shown)
      .map((input) => (input as HTMLInputElement).placeholder);
    const attributes = [...document.querySelectorAll('[aria-label], [title]')]
      .filter(shown)
      .flatMap((element) => [element.getAttribute('aria-label'), element.getAttribute('title')]);
    return {
      lines: [...document.body.innerText.split('\n'), ...placeholders],
      labels: attributes.filter((text): text is string => text !== null),
    };
  });
  return [...lines, ...labels.filter((label) => !UNTRANSLATABLE_LABELS.has(label.trim()))]
    .map((text) => text.trim())
    .filter(Boolean);
}

/**
 * The English texts on the screen: a line that is one of them, or a line containing one of the
 * longer ones (a sentence inside a paragraph). Short words only count as a whole line, so an
 * article's own text cannot match them.
 */
function englishOn(lines: string[]): string[] {
  const found = new Set<string>();
  for (const line of lines) {
    for (const text of ENGLISH) {
      if (line === text || (text.length >= 12 && text.includes(' ') && line.includes(text))) {
        found.add(text);
      }
    }
  }
  return [...found].sort();
}

/** Opens an admin path, waits until the screen has settled, keeps a screenshot. */
async function openScreen(path: string, screenshot: string): Promise<string[]> {
  await page.goto(`${admin.cms.url}/admin${path}`);
  await settle(page);
  await page.locator('main h1, main [role="heading"]').first().waitFor({ timeout: 30_000 });
  await saveAdminScreenshot(page, screenshot);
  return visibleTexts();
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
    page = await context.newPage();
    await page.goto(`${admin.cms.url}/admin/auth/login`);
    await page.locator('input[name="email"]').waitFor();
    await saveAdminScreenshot(page, 'vi-login');
    expect(englishOn(await visibleTexts())).toEqual([]);
    await context.close();
  }, 60_000);

  it('on the home page', async () => {
    ({ context, page } = await admin.logIn());
    await page.locator('main h1').first().waitFor();
    await saveAdminScreenshot(page, 'vi-home');
    expect(englishOn(await visibleTexts())).toEqual([]);
  }, 60_000);

  it('in the article list', async () => {
    const lines = await openScreen(
      '/content-manager/collection-types/api::article.article',
      'vi-article-list',
    );
    expect(lines).toContain('Lễ hội đua ghe ngo trên sông Maspero');
    expect(englishOn(lines)).toEqual([]);
  }, 60_000);

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
  }, 60_000);

  it('in the media library', async () => {
    expect(englishOn(await openScreen('/plugins/upload', 'vi-media-library'))).toEqual([]);
  }, 60_000);

  it('in the comment list', async () => {
    const lines = await openScreen(
      '/content-manager/collection-types/api::comment.comment',
      'vi-comment-list',
    );
    expect(lines).toContain('Bài viết hay quá.');
    expect(englishOn(lines)).toEqual([]);
  }, 60_000);

  it('on the profile page', async () => {
    expect(englishOn(await openScreen('/me', 'vi-profile'))).toEqual([]);
  }, 60_000);
});
