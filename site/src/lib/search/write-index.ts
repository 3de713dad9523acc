import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { forEachLimited } from '../for-each-limited';
import { placeFile, RELEASE_FILES } from '../incremental/release-files';
import { SEARCH_FOLDER, type SearchMeta } from './index-format';

/** `.release/search.json`: the hash of each index file, so the next build knows what it can keep. */
const MANIFEST = 'search.json';
/** `.release/search-stats.json`: the figures of the index's build, for the log and the bench. */
export const SEARCH_STATS = 'search-stats.json';

export interface IndexWriteStats {
  files: number;
  written: number;
  kept: number;
  bytes: number;
}

/** What `search-stats.json` holds. */
export interface SearchBuildStats extends IndexWriteStats {
  articles: number;
  buildMs: number;
  writeMs: number;
}

export async function writeSearchStats(outDir: string, stats: SearchBuildStats): Promise<void> {
  await writeFile(path.join(outDir, RELEASE_FILES, SEARCH_STATS), JSON.stringify(stats, null, 2));
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url');

async function readManifest(releaseDir: string): Promise<Record<string, string>> {
  try {
    return JSON.parse(await readFile(path.join(releaseDir, RELEASE_FILES, MANIFEST), 'utf8'));
  } catch {
    return {};
  }
}

/**
 * Writes the index files into a build's output. A file whose bytes the release it starts from
 * already has is hard-linked from there instead, so a publish writes only the term files of the
 * syllables it touched (and the release still equals a full build: the bytes are the same).
 */
export async function writeSearchIndex(
  files: Map<string, string>,
  outDir: string,
  baseDir: string | undefined,
): Promise<IndexWriteStats> {
  const base = baseDir ? await readManifest(baseDir) : {};
  const manifest: Record<string, string> = {};
  const folders = new Set([...files.keys()].map((file) => path.dirname(path.join(outDir, file))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  let kept = 0;
  let bytes = 0;
  await forEachLimited([...files], 32, async ([file, text]) => {
    const hash = (manifest[file] = hashOf(text));
    bytes += Buffer.byteLength(text);
    if (baseDir && base[file] === hash) {
      try {
        await placeFile(path.join(baseDir, file), path.join(outDir, file));
        kept++;
        return;
      } catch {
        // The base release lost the file: write it.
      }
    }
    await writeFile(path.join(outDir, file), text);
  });
  await mkdir(path.join(outDir, RELEASE_FILES), { recursive: true });
  const sorted = Object.fromEntries(
    Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)),
  );
  await writeFile(path.join(outDir, RELEASE_FILES, MANIFEST), JSON.stringify(sorted));
  return { files: files.size, written: files.size - kept, kept, bytes };
}

/**
 * Checks the index a build says it wrote (`.release/search.json`): every file is there and the
 * meta file counts the articles the release has pages for. Returns a reason to refuse the release,
 * or undefined. A build that wrote no index manifest (a custom build command) is not checked.
 */
export async function checkSearchIndex(
  releaseDir: string,
  articlePages: number,
): Promise<string | undefined> {
  const manifest = await readManifest(releaseDir);
  const files = Object.keys(manifest);
  if (files.length === 0) return undefined;
  const missing: string[] = [];
  await forEachLimited(files, 32, (file) =>
    stat(path.join(releaseDir, file)).then(
      () => undefined,
      () => void missing.push(file),
    ),
  );
  if (missing.length > 0) return `its search index lacks ${missing.length} files (${missing[0]}…)`;
  const meta = JSON.parse(
    await readFile(path.join(releaseDir, SEARCH_FOLDER, 'meta.json'), 'utf8'),
  ) as SearchMeta;
  if (meta.articles !== articlePages) {
    return `its search index holds ${meta.articles} articles but it has ${articlePages} article pages`;
  }
  return undefined;
}
