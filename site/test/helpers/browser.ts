import { mkdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { siteRoot } from './paths';

/** Screenshots of the browser tests; CI uploads the folder as an artifact. */
export const ARTIFACTS_DIR = path.join(siteRoot, 'test-artifacts');

// One launcher for the site's and the CMS admin's browser tests.
export { CHROMIUM_PATH, launchChromium } from '../../../scripts/lib/chromium';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site over real HTTP the way a static host does: `/x/` is `x/index.html`,
 * article files keep their `.html`, and anything missing is the site's 404 page with status 404
 * (so a broken link shows up as a 4xx response in the browser).
 */
export async function serveBuild(outDir: string): Promise<StaticServer> {
  const root = path.resolve(outDir);
  const server = http.createServer(async (request, response) => {
    let file: string | undefined;
    try {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      const candidate = path.join(
        root,
        pathname.endsWith('/') ? `${pathname}index.html` : pathname,
      );
      if (candidate.startsWith(root + path.sep)) file = candidate;
    } catch {
      // A malformed escape in the path: answered as not found below.
    }
    try {
      if (!file) throw new Error('outside the build');
      const body = await readFile(file);
      const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, { 'Content-Type': type }).end(body);
    } catch {
      const notFound = await readFile(path.join(root, '404.html')).catch(() => 'Not found');
      response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(notFound);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** One accessibility problem axe-core found, as much as a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

/**
 * Runs axe-core in the page (WCAG 2 A/AA and best practices, its defaults) and returns the
 * violations whose impact is serious or critical.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<unknown> } })
      .axe;
    const results = (await axe.run(document)) as {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[] }[];
      }[];
    };
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Saves a full-page screenshot as test-artifacts/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** A web font face the page declared, as `document.fonts` reports it. */
export interface LoadedFace {
  family: string;
  weight: string;
  style: string;
  unicodeRange: string;
  status: string;
}

/**
 * Waits until the page's fonts have settled and reports every face it declared, with whether
 * `document.fonts.check` finds `text` fully covered by loaded faces of `family`.
 */
export async function webFontState(
  page: Page,
  family: string,
  text: string,
): Promise<{ faces: LoadedFace[]; textCovered: boolean }> {
  return page.evaluate(
    async ({ family, text }) => {
      await document.fonts.ready;
      const faces = [...document.fonts].map((face) => ({
        family: face.family.replace(/^["']|["']$/g, ''),
        weight: face.weight,
        style: face.style,
        unicodeRange: face.unicodeRange,
        status: face.status,
      }));
      return { faces, textCovered: document.fonts.check(`16px "${family}"`, text) };
    },
    { family, text },
  );
}

/**
 * The fonts Chromium actually drew an element's text with (DevTools' "Rendered Fonts"): the
 * proof that the web font is used, not merely loaded.
 */
export async function renderedFonts(
  page: Page,
  selector: string,
): Promise<{ familyName: string; isCustomFont: boolean; glyphCount: number }[]> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const { root } = await session.send('DOM.getDocument');
    const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`No element matches ${selector}`);
    const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts;
  } finally {
    await session.detach();
  }
}

/** How much wider than the window the page is, in CSS pixels (0: no horizontal scrolling). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/**
 * The elements that stick out past the right edge of the window, for a failure message. Those
 * inside a box that scrolls or clips sideways (the phone's menu) do not widen the page.
 */
export async function elementsPastRightEdge(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (element: Element) => {
      for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
        if (getComputedStyle(box).overflowX !== 'visible') return true;
      }
      return false;
    };
    return [...document.body.querySelectorAll('*')]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .filter((element) => !clipped(element))
      .slice(0, 10)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`);
  });
}
