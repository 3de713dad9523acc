import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/** What a build bundles: the site's code, its config and the project's shared package. */
export function bundledCodePaths(siteRoot: string): string[] {
  const shared = createRequire(path.join(siteRoot, 'package.json')).resolve('@toasoan/shared');
  return [
    path.join(siteRoot, 'src'),
    path.join(siteRoot, 'astro.config.mjs'),
    path.dirname(shared),
  ];
}

/** What the pages are made of besides the content: the bundled code, public files, packages. */
const codePaths = (siteRoot: string) => [
  ...bundledCodePaths(siteRoot),
  path.join(siteRoot, 'public'),
  path.join(siteRoot, 'package.json'),
  path.join(siteRoot, '..', 'package-lock.json'),
];

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOTDIR') return null;
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  if (entries === null) return [root];
  return entries
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.test.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** A page is reused only from a release that ran the same code (tests render nothing: left out). */
export async function codeVersion(siteRoot: string): Promise<string> {
  const files = (await Promise.all(codePaths(siteRoot).map(filesUnder))).flat().sort();
  const hash = createHash('sha1');
  for (const file of files) {
    hash.update(path.relative(siteRoot, file)).update('\0');
    hash.update(await readFile(file)).update('\0');
  }
  return hash.digest('base64url');
}
