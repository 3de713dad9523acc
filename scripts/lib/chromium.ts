import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { scriptsEnv } from '@toasoan/shared';

/**
 * Debian's Chromium (apt-get install chromium), never a downloaded one. CHROMIUM_PATH points
 * elsewhere on a machine that keeps it somewhere else.
 */
export const CHROMIUM_PATH = scriptsEnv.parse(process.env).CHROMIUM_PATH;

/**
 * Starts headless Chromium for the site's and the admin's browser tests. A missing browser fails
 * the test with the fix, never a skip: a skipped browser test would let CI pass without ever
 * opening a page.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: the browser tests need it. ` +
        `Install it with "apt-get install chromium" (or set CHROMIUM_PATH); ` +
        `they never download a browser.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      // CI runs as root in a container, where Chromium's sandbox cannot start.
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      // Docker gives /dev/shm 64 MB; a full-page screenshot of a long page needs more.
      '--disable-dev-shm-usage',
    ],
  });
}
