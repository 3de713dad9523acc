import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const siteRoot = fileURLToPath(new URL('../..', import.meta.url));
export const repoRoot = path.resolve(siteRoot, '..');
export const cmsRoot = path.join(repoRoot, 'cms');

/** Astro's CLI entry, run with this Node so no shell or npx sits in between. */
export const astroCli = path.join(
  path.dirname(createRequire(import.meta.url).resolve('astro/package.json')),
  'astro.js',
);

/**
 * The site tests run the real CMS from its compiled output and the site against the built
 * shared package; the root `npm test` builds both first. Say so instead of failing obscurely.
 */
export function assertPrerequisitesBuilt(): void {
  const missing = [
    [path.join(repoRoot, 'shared', 'dist', 'index.js'), 'npm run build -w shared'],
    [path.join(cmsRoot, 'dist', 'src', 'index.js'), 'npm run compile -w cms'],
  ].filter(([file]) => !existsSync(file!));
  if (missing.length > 0) {
    throw new Error(
      `The site tests need ${missing.map(([file]) => path.relative(repoRoot, file!)).join(' and ')}: ` +
        `run ${missing.map(([, command]) => `"${command}"`).join(' and ')} first (the root "npm test" does).`,
    );
  }
}
