import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR_ROLE_CODE } from '../src/bootstrap/newsroom-roles';
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
import { fixtures } from './helpers/fixtures';

// An editor schedules an article in the built admin, in Chromium, with the browser's clock on
// another zone than Vietnam's: "Hẹn giờ đăng (GMT+7)" 08:30 means 08:30 in Vietnam (01:30Z),
// and the form shows GMT+7 times back (src/admin/edit-views/gmt7-datetime-input.tsx).

const ARTICLE_UID = 'api::article.article';
// Far ahead, so the schedule check never publishes it during the test.
const DAY = { text: '27/11/2030', iso: '2030-11-27' };
// Shown as 20/11/2026 08:29 in Vietnam; 19/11 20:29 on a New York clock.
const PUBLICATION_TIME = '2026-11-20T01:29:00.000Z';
const SLOW = { timeout: 30_000 };

let admin: AdminBrowser;
let editor: AdminCredentials;

beforeAll(async () => {
  admin = await startAdminBrowser();
  editor = await createAdminUser(admin.cms, newCredentials('Biên', 'Tập'), [EDITOR_ROLE_CODE]);
}, ADMIN_BROWSER_SETUP_TIMEOUT_MS);

afterAll(() => admin?.close());

/** The date and time boxes of one of the edit form's date-time fields, by its label. */
const dateTimeField = (page: Page, label: RegExp) => {
  const group = page.getByRole('group', { name: label });
  return {
    date: group.getByRole('combobox', { name: 'Ngày' }),
    time: group.getByRole('combobox', { name: 'Giờ (GMT+7)' }),
  };
};

const scheduledAtOf = async (documentId: string) =>
  (
    await admin.cms.strapi.db
      .query(ARTICLE_UID)
      .findOne({ where: { documentId, publishedAt: null } })
  )?.scheduledAt;

describe('scheduling in GMT+7 whatever the browser’s time zone', () => {
  for (const timezoneId of ['America/New_York', 'UTC']) {
    it(`in ${timezoneId}: 08:30 entered is 01:30Z stored, and shown as 08:30 again`, async () => {
      const title = `Khai mạc hội chợ nông sản (${timezoneId})`;
      const { documentId } = await fixtures(admin.cms.strapi).article({
        title,
        publicationTime: PUBLICATION_TIME,
      });
      const { page, context } = await admin.logIn(editor, { timezoneId });
      // The browser really is on that zone: its clock reads another hour than Vietnam's.
      expect(await page.evaluate(() => new Date('2030-11-27T01:30:00Z').getHours())).not.toBe(8);
      await page.goto(
        `${admin.cms.url}/admin/content-manager/collection-types/${ARTICLE_UID}/${documentId}`,
      );
      await settle(page);
      await expect.poll(() => page.locator('input[name="title"]').inputValue(), SLOW).toBe(title);

      // A stored time is shown on Vietnam's clock.
      const published = dateTimeField(page, /^Thời gian đăng/);
      await expect.poll(() => published.date.inputValue(), SLOW).toBe('20/11/2026');
      expect(await published.time.inputValue()).toBe('08:29');

      const scheduled = dateTimeField(page, /^Hẹn giờ đăng/);
      await scheduled.date.fill(DAY.text);
      await scheduled.date.press('Enter');
      // Typed, the list of times closed, then the field left: the picker reads the typed time
      // when it loses focus.
      await scheduled.time.click();
      await scheduled.time.fill('08:30');
      await page.keyboard.press('Escape');
      await page.getByText('Hẹn giờ đăng (GMT+7)', { exact: true }).click();
      await expect.poll(() => scheduled.time.inputValue(), SLOW).toBe('08:30');
      await saveAdminScreenshot(page, `schedule-${timezoneId.replace('/', '-')}`);
      await page.getByRole('button', { name: 'Lưu', exact: true }).click();
      await expect.poll(async () => (await scheduledAtOf(documentId)) ?? null, SLOW).not.toBeNull();
      expect(new Date(await scheduledAtOf(documentId)).toISOString()).toBe(
        `${DAY.iso}T01:30:00.000Z`,
      );
      // The publication time was not moved by being shown and saved again.
      const row = await admin.cms.strapi.db
        .query(ARTICLE_UID)
        .findOne({ where: { documentId, publishedAt: null } });
      expect(new Date(row.publicationTime).toISOString()).toBe(PUBLICATION_TIME);

      await page.reload();
      await settle(page);
      const again = dateTimeField(page, /^Hẹn giờ đăng/);
      await expect.poll(() => again.date.inputValue(), SLOW).toBe(DAY.text);
      expect(await again.time.inputValue()).toBe('08:30');
      await context.close();
    }, 240_000);
  }
});
