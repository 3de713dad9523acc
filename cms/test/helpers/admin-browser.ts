import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../../scripts/lib/chromium';
import {
  newCredentials,
  registerFirstAdmin,
  type AdminCredentials,
} from '../../../scripts/lib/first-admin';
import { CMS_DIR } from '../../../scripts/lib/paths';
import { ensureAdminBuild } from './admin-build';
import { startCms, type TestCms } from './strapi';

/** Screenshots of the admin's browser tests; CI uploads the folder as an artifact. */
export const ADMIN_ARTIFACTS_DIR = path.join(CMS_DIR, 'test-artifacts');

/**
 * For the beforeAll that calls startAdminBrowser: the first run after a change of the admin's
 * inputs builds the admin panel (a few minutes on a busy 2-core machine), then boots Strapi.
 */
export const ADMIN_BROWSER_SETUP_TIMEOUT_MS = 15 * 60_000;

export type { AdminCredentials };
export { newCredentials };

export interface AdminBrowser {
  /** The test CMS, serving the built admin panel at `${cms.url}/admin`. */
  cms: TestCms;
  browser: Browser;
  /** The super admin registered at start (the first admin of the throwaway database). */
  superAdmin: AdminCredentials;
  /**
   * A fresh browser context (own cookies and local storage, 1280 × 900, Vietnamese, the browser's
   * time zone UTC unless `timezoneId` says otherwise) logged in through the login screen as
   * `user` (the super admin by default), on the home page or on the admin `path` the login was
   * asked from (`/content-manager/…`: the login screen's own `?redirectTo`).
   */
  logIn(
    user?: AdminCredentials,
    options?: { timezoneId?: string; path?: string },
  ): Promise<{ context: BrowserContext; page: Page }>;
  /** Stops Chromium and the CMS. */
  close(): Promise<void>;
}

/**
 * Everything an admin browser test needs: the admin panel built when its inputs changed
 * (admin-build.ts), a throwaway CMS serving it, a registered super admin and Chromium.
 * Call in a beforeAll with ADMIN_BROWSER_SETUP_TIMEOUT_MS; `env` is passed to startCms.
 */
export async function startAdminBrowser(env: Record<string, string> = {}): Promise<AdminBrowser> {
  await ensureAdminBuild();
  const cms = await startCms({ SERVE_ADMIN_PANEL: 'true', ...env });
  let browser: Browser | undefined;
  try {
    const superAdmin = newCredentials('Quản', 'Trị');
    await registerFirstAdmin(cms.url, superAdmin);
    browser = await launchChromium();
    const opened = browser;
    return {
      cms,
      browser: opened,
      superAdmin,
      logIn: (user = superAdmin, options = {}) => logIn(opened, cms, user, options),
      async close() {
        try {
          await opened.close();
        } finally {
          await cms.stop();
        }
      },
    };
  } catch (error) {
    await browser?.close();
    await cms.stop();
    throw error;
  }
}

/**
 * Creates an active admin user with the given roles (role codes such as 'strapi-editor', or the
 * code of a role made at bootstrap), who can then log in through the UI.
 */
export async function createAdminUser(
  cms: TestCms,
  user: AdminCredentials,
  roleCodes: string[],
): Promise<AdminCredentials> {
  const roles = await cms.strapi.db
    .query('admin::role')
    .findMany({ where: { code: { $in: roleCodes } } });
  if (roles.length !== roleCodes.length) {
    throw new Error(`Unknown admin role code among ${roleCodes.join(', ')}`);
  }
  await cms.strapi
    .service('admin::user')
    .create({ ...user, isActive: true, roles: roles.map((role: { id: number }) => role.id) });
  return user;
}

/**
 * Logs in through the admin's login screen, in a fresh context, and waits for the home page (or
 * the screen at `path`, where the login screen sends the user after it).
 */
async function logIn(
  browser: Browser,
  cms: TestCms,
  user: AdminCredentials,
  { timezoneId = 'UTC', path: adminPath }: { timezoneId?: string; path?: string },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'vi-VN',
    timezoneId,
  });
  // The admin's bundle is large: on a 2-core machine shared with other suites, its first load
  // and each full navigation can take far longer than playwright's 30 s default.
  context.setDefaultNavigationTimeout(90_000);
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const redirect = adminPath ? `?redirectTo=${encodeURIComponent(adminPath)}` : '';
  await page.goto(`${cms.url}/admin/auth/login${redirect}`);
  await page.locator('input[name="email"]').fill(user.email);
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('button[type="submit"]').click();
  const landing = adminPath ? new URL(`/admin${adminPath}`, cms.url).pathname : undefined;
  await page.waitForURL(
    (url) => (landing ? url.pathname === landing : !url.pathname.includes('/auth/')),
    { timeout: 30_000 },
  );
  await settle(page);
  return { context, page };
}

/**
 * Opens an admin screen (`/content-manager/…`, a path under /admin) inside the admin already
 * loaded in `page`, as its own links do (the history and react-router's listener), instead of
 * loading the page again: a load of the admin's bundle costs Chromium about 5 s of CPU, this
 * under half a second. The screen already open at that path is left first, so it mounts afresh
 * as on a load; but a path with a query (a list's filters) is given to it, which reads it.
 */
export async function openAdminPath(page: Page, adminPath: string): Promise<void> {
  const target = new URL(`/admin${adminPath}`, page.url());
  if (!target.search && new URL(page.url()).pathname === target.pathname) {
    await pushHistory(page, '/admin');
  }
  const quiet = networkQuiet(page);
  await pushHistory(page, `${target.pathname}${target.search}`);
  await quiet;
}

/**
 * What `settle` is for a load, after a navigation inside the admin (the page's load state does
 * not change then): resolves once no request has been running for half a second (the screen's
 * code and data fetched), 15 s at most. Call it before the navigation starts.
 */
async function networkQuiet(page: Page): Promise<void> {
  let running = 0;
  let changed = Date.now();
  const started = () => {
    running++;
    changed = Date.now();
  };
  const ended = () => {
    running = Math.max(0, running - 1);
    changed = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    const deadline = Date.now() + 15_000;
    await new Promise((resolve) => setTimeout(resolve, 100));
    while (Date.now() < deadline && (running > 0 || Date.now() - changed < 500)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
}

async function pushHistory(page: Page, to: string): Promise<void> {
  const pathname = new URL(to, page.url()).pathname;
  // A navigation the admin was still finishing (a list putting its default query in the address)
  // can replace the entry pushed meanwhile: push again until the address holds it.
  for (let attempt = 1; ; attempt++) {
    await page.evaluate((next) => {
      history.pushState(null, '', next);
      dispatchEvent(new PopStateEvent('popstate', { state: null }));
    }, to);
    try {
      await page.waitForURL((url) => url.pathname === pathname, { timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Saves a full-page screenshot as cms/test-artifacts/<name>.png and returns its path. */
export async function saveAdminScreenshot(page: Page, name: string): Promise<string> {
  await settle(page);
  await mkdir(ADMIN_ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ADMIN_ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Waits until the admin has stopped fetching (its widgets and lists load after the page). */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
}
