import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteData } from '../strapi/site-data';
import { readSiteDataFile } from '../strapi/site-data-file';
import { placeFile } from './place-file.mjs';
import type { PageHashes } from './render-plan';

export const RELEASE_FILES = '.release';

/** `pages.json`: the hash of every page, and of what all pages share (code, config, menu). */
export interface PageManifest {
  globalKey: string;
  pages: PageHashes;
}

/** `build.json`: how the release was built, for the publisher's log and the benchmark. */
export interface BuildStats {
  mode: 'full' | 'incremental';
  fetchMs: number;
  renderMs: number;
  pages: { rendered: number; reused: number; removed: number };
  /** 2 when a partner rendered half the pages (render-share.ts). */
  processes: number;
  articles: number;
  articlesFetched: number;
  maxRssMb: number;
}

const filePath = (releaseDir: string, name: string) => path.join(releaseDir, RELEASE_FILES, name);

export interface BaseRelease {
  dir: string;
  data: SiteData;
  manifest: PageManifest;
}

// A release read ahead by preloadBaseRelease, in this process.
const PRELOADED = Symbol.for('toasoan.preloaded-base-release');
const shared = globalThis as typeof globalThis & {
  [PRELOADED]?: { dir: string; release: Promise<BaseRelease | undefined> };
};

/** Read while the next build waits for its job: 20,000 articles' data take 0.5 s to parse. */
export function preloadBaseRelease(dir: string): void {
  if (shared[PRELOADED]?.dir === dir) return;
  const release = readRelease(dir);
  release.catch(() => undefined);
  shared[PRELOADED] = { dir, release };
}

/** Reads what a release kept of its build; undefined when it kept nothing (an older release). */
export async function readBaseRelease(dir: string): Promise<BaseRelease | undefined> {
  const preloaded = shared[PRELOADED];
  shared[PRELOADED] = undefined;
  return preloaded?.dir === dir ? preloaded.release : readRelease(dir);
}

async function readRelease(dir: string): Promise<BaseRelease | undefined> {
  const [data, manifest] = await Promise.all([
    readSiteDataFile(filePath(dir, 'site-data.json')),
    readFile(filePath(dir, 'pages.json'), 'utf8').then(
      (text) => JSON.parse(text) as PageManifest,
      () => undefined,
    ),
  ]);
  return data && manifest ? { dir, data, manifest } : undefined;
}

export async function readBuildStats(releaseDir: string): Promise<BuildStats | undefined> {
  return readFile(filePath(releaseDir, 'build.json'), 'utf8').then(
    (text) => JSON.parse(text) as BuildStats,
    () => undefined,
  );
}

export async function writeReleaseFiles(
  outDir: string,
  files: { dataFile: string; manifest: PageManifest; stats: BuildStats },
): Promise<void> {
  await mkdir(path.join(outDir, RELEASE_FILES), { recursive: true });
  // The cache's data file is replaced (renamed over), never rewritten: a link stays this build's.
  placeFile(files.dataFile, filePath(outDir, 'site-data.json'));
  await writeFile(filePath(outDir, 'pages.json'), JSON.stringify(files.manifest));
  await writeFile(filePath(outDir, 'build.json'), JSON.stringify(files.stats, null, 2));
}
