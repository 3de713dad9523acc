import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { forEachLimited } from '../for-each-limited';
import { placeFile } from '../incremental/place-file.mjs';
import { RELEASE_FILES } from '../incremental/release-files';
import { SEARCH_FOLDER, SEARCH_FORMAT, type SearchMeta } from './index-format';

const MANIFEST = 'search.json';
export const SEARCH_STATS = 'search-stats.json';

/** `.release/search.json`: what the next build needs to patch this index rather than rebuild it. */
export interface SearchManifest {
  format: number;
  files: Record<string, [hash: string, bytes: number]>;
  /** Article number → fingerprint (article-terms.ts): how the next build finds what changed. */
  articles: Record<string, string>;
}

/** The files to put into a release's index: new texts, and files of the base release to keep. */
export interface IndexFiles {
  files: Map<string, string>;
  kept: readonly string[];
  fingerprints: Record<string, string>;
}

export interface IndexWriteStats {
  files: number;
  written: number;
  kept: number;
  bytes: number;
}

export interface SearchBuildStats extends IndexWriteStats {
  mode: 'full' | 'incremental';
  articles: number;
  changed: number;
  buildMs: number;
  writeMs: number;
}

export async function writeSearchStats(outDir: string, stats: SearchBuildStats): Promise<void> {
  await writeFile(path.join(outDir, RELEASE_FILES, SEARCH_STATS), JSON.stringify(stats, null, 2));
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url');

/** A release's index manifest; undefined when it has none or one of an older format. */
export async function readSearchManifest(releaseDir: string): Promise<SearchManifest | undefined> {
  try {
    const manifest = JSON.parse(
      await readFile(path.join(releaseDir, RELEASE_FILES, MANIFEST), 'utf8'),
    ) as Partial<SearchManifest>;
    return manifest.format === SEARCH_FORMAT && manifest.files && manifest.articles
      ? (manifest as SearchManifest)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A file the base release's index manifest lists but the release lacks. */
export class MissingIndexFileError extends Error {
  constructor(file: string, baseDir: string, options?: { cause?: unknown }) {
    super(
      `The release ${baseDir} has no ${file} although its search index lists it: build in full ` +
        `(npm run build:release -w site -- --full).`,
      options,
    );
    this.name = 'MissingIndexFileError';
  }
}

/** Bytes the base release already has are linked, so even a full build writes only what differs. */
export async function writeSearchIndex(
  index: IndexFiles,
  outDir: string,
  baseDir: string | undefined,
  base: SearchManifest | undefined,
): Promise<IndexWriteStats> {
  const files: SearchManifest['files'] = {};
  const all = [...index.files.keys(), ...index.kept];
  const folders = new Set(all.map((file) => path.dirname(path.join(outDir, file))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  let linked = 0;
  for (const file of index.kept) {
    files[file] = base!.files[file]!;
    try {
      placeFile(path.join(baseDir!, file), path.join(outDir, file));
    } catch (cause) {
      throw new MissingIndexFileError(file, baseDir!, { cause });
    }
  }
  await forEachLimited([...index.files], 32, async ([file, text]) => {
    const hash = hashOf(text);
    files[file] = [hash, Buffer.byteLength(text)];
    if (baseDir && base?.files[file]?.[0] === hash) {
      try {
        placeFile(path.join(baseDir, file), path.join(outDir, file));
        linked++;
        return;
      } catch {
        // The base release lost the file: write it.
      }
    }
    await writeFile(path.join(outDir, file), text);
  });
  await mkdir(path.join(outDir, RELEASE_FILES), { recursive: true });
  const manifest: SearchManifest = {
    format: SEARCH_FORMAT,
    files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))),
    articles: index.fingerprints,
  };
  await writeFile(path.join(outDir, RELEASE_FILES, MANIFEST), JSON.stringify(manifest));
  const kept = index.kept.length + linked;
  return {
    files: all.length,
    written: all.length - kept,
    kept,
    bytes: Object.values(files).reduce((sum, [, bytes]) => sum + bytes, 0),
  };
}

/** A reason to refuse the release, or undefined; a build without index manifest is not checked. */
export async function checkSearchIndex(
  releaseDir: string,
  articlePages: number,
): Promise<string | undefined> {
  const manifest = await readSearchManifest(releaseDir);
  if (!manifest) return undefined;
  const listed = new Set(Object.keys(manifest.files));
  const present = new Set<string>();
  const folders = new Set([...listed].map((file) => path.posix.dirname(file)));
  for (const folder of folders) {
    const names = await readdir(path.join(releaseDir, folder)).catch(() => [] as string[]);
    for (const name of names) present.add(`${folder}/${name}`);
  }
  const missing = [...listed].filter((file) => !present.has(file));
  if (missing.length > 0) return `its search index lacks ${missing.length} files (${missing[0]}…)`;
  const extra = [...present].filter((file) => !listed.has(file) && file.endsWith('.json'));
  if (extra.length > 0) return `its search index has ${extra.length} unlisted files (${extra[0]}…)`;
  const meta = JSON.parse(
    await readFile(path.join(releaseDir, SEARCH_FOLDER, 'meta.json'), 'utf8'),
  ) as SearchMeta;
  const indexed = Object.keys(manifest.articles).length;
  if (meta.articles !== articlePages || indexed !== articlePages) {
    return `its search index holds ${meta.articles} articles but it has ${articlePages} article pages`;
  }
  return undefined;
}
