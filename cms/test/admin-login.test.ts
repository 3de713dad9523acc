import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  ADMIN_BROWSER_SETUP_TIMEOUT_MS,
  createAdminUser,
  newCredentials,
  saveAdminScreenshot,
  startAdminBrowser,
  type AdminBrowser,
} from './helpers/admin-browser';

// The admin browser helper itself: the built panel is served by the test CMS and a user gets in
// through the login screen. The other admin browser tests build on it.

let admin: AdminBrowser;

beforeAll(async () => {
  admin = await startAdminBrowser();
}, ADMIN_BROWSER_SETUP_TIMEOUT_MS);

afterAll(async () => {
  await admin?.close();
});

it('logs the super admin in through the login screen', async () => {
  const { page, context } = await admin.logIn();
  expect(new URL(page.url()).pathname).toBe('/admin');
  await expect
    .poll(() => page.locator('h1').first().textContent())
    .toContain(admin.superAdmin.firstname);
  await saveAdminScreenshot(page, 'login-super-admin-home');
  await context.close();
}, 60_000);

it('logs in a user created with a role', async () => {
  const editor = await createAdminUser(admin.cms, newCredentials('Biên', 'Tập'), ['strapi-editor']);
  const { page, context } = await admin.logIn(editor);
  expect(new URL(page.url()).pathname).toBe('/admin');
  await context.close();
}, 60_000);
