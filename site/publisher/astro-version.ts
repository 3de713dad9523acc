import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The Astro release line the publisher's pre-started builds are tested with. They lean on
 * Astro's internals: the config's set-up deferred to the end of bundling
 * (astro-standby.config.mjs), the `<cwd>/.astro` folder, the order of the build hooks. Another
 * version builds with the plain CLI instead (slower to start, same pages).
 */
export const TESTED_ASTRO = '5.18';

/** The CLI and version of the Astro the site uses (site/node_modules or the workspace root's). */
export function installedAstro(siteRoot: string): { version: string; cli: string } {
  const manifest = createRequire(path.join(siteRoot, 'package.json')).resolve('astro/package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { version, cli: path.join(path.dirname(manifest), 'astro.js') };
}

export const isTestedAstro = (version: string) =>
  version === TESTED_ASTRO || version.startsWith(`${TESTED_ASTRO}.`);

/** The plain `astro build` as a build command line (PUBLISH_OUT_DIR: see build-process.ts). */
export const plainAstroBuild = (cli: string) =>
  `"${process.execPath}" "${cli}" build --outDir "$PUBLISH_OUT_DIR"`;
