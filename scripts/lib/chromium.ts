import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { scriptsEnv } from '@toasoan/shared';

/** The system's Chromium (Debian: apt-get install chromium), never a downloaded one. */
export const CHROMIUM_PATH = scriptsEnv.parse(process.env).CHROMIUM_PATH;

/** A missing browser fails the test, never skips it: CI would pass without opening a page. */
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
