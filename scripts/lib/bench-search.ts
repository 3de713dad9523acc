// The archive bench's search figures: the index's size and build time, and what a reader's first
// query fetches, by the search page's own code over the release (bench/README.md).
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { searchTokens } from '@toasoan/shared';
import { ArchiveSearch } from '../../site/src/lib/search/query';
import {
  SEARCH_FOLDER,
  metaPath,
  termShardPath,
  type SearchMeta,
  type TermShard,
} from '../../site/src/lib/search/index-format';
import { decodeNumbers } from '../../site/src/lib/search/posting-codec';
import { RELEASE_FILES } from '../../site/src/lib/incremental/release-files';
import { SEARCH_STATS, type SearchBuildStats } from '../../site/src/lib/search/write-index';

export interface QueryFigures {
  query: string;
  results: number;
  files: number;
  /** As stored. */
  kb: number;
  /** As the server sent them, to Chromium (brotli) and gzip-only browsers; null without one. */
  sentKb: number | null;
  gzipKb: number | null;
}

export interface SearchFigures {
  mode: SearchBuildStats['mode'];
  articles: number;
  changed: number;
  files: number;
  indexMb: number;
  buildMs: number;
  writeMs: number;
  written: number;
  kept: number;
  queries: QueryFigures[];
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/**
 * Queries a reader might type: the issue's, a title's first syllables with and without tones,
 * and the archive's most common syllable (the largest term file to fetch).
 */
async function queriesFor(releaseDir: string): Promise<string[]> {
  const meta = JSON.parse(await readFile(path.join(releaseDir, metaPath()), 'utf8')) as SearchMeta;
  const counts = new Map<string, number>();
  for (let shard = 0; shard < meta.shards; shard++) {
    const terms = JSON.parse(
      await readFile(path.join(releaseDir, termShardPath(shard)), 'utf8'),
    ) as TermShard;
    for (const [term, list] of Object.entries(terms)) {
      if (Array.isArray(list)) counts.set(term, decodeNumbers(list[0]).length);
    }
  }
  const common = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'tin';
  const docs = JSON.parse(
    await readFile(path.join(releaseDir, SEARCH_FOLDER, 'docs', '0.json'), 'utf8'),
  ) as Record<string, { title: string }>;
  const title = Object.values(docs)[0]?.title ?? 'Xây dựng Đảng';
  const words = searchTokens(title)
    .slice(0, 3)
    .map((token) => token.exact);
  return [
    'xay dung dang',
    words.join(' '),
    searchTokens(words.join(' '))
      .map((token) => token.folded)
      .join(' '),
    common,
  ];
}

/** A release's `.release/search-stats.json`; null for an older release that has none. */
export async function readSearchStats(releaseDir: string): Promise<SearchBuildStats | null> {
  try {
    return JSON.parse(
      await readFile(path.join(releaseDir, RELEASE_FILES, SEARCH_STATS), 'utf8'),
    ) as SearchBuildStats;
  } catch {
    return null;
  }
}

export function describeIndexBuild(label: string, stats: SearchBuildStats | null): string {
  if (!stats) return `  search (${label}): no index in the release`;
  return (
    `  search (${label}): ${stats.mode}, ${stats.changed} articles changed, computed in ` +
    `${stats.buildMs} ms, written in ${stats.writeMs} ms (${stats.written} written, ${stats.kept} kept)`
  );
}

const CHROMIUM_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

/** Checks that the answer decodes to `bytes`: the release measured must be the live one. */
function sentLength(siteUrl: string, file: string, acceptEncoding: string, bytes: Buffer) {
  return new Promise<number>((resolve, reject) => {
    const url = `${siteUrl}/${file}`;
    const req = request(url, { headers: { 'Accept-Encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        const encoding = response.headers['content-encoding'];
        const decoded =
          encoding === 'br'
            ? brotliDecompressSync(body)
            : encoding === 'gzip'
              ? gunzipSync(body)
              : body;
        if (response.statusCode !== 200 || !decoded.equals(bytes)) {
          reject(new Error(`${url} (${response.statusCode}) is not the release's ${file}`));
        } else resolve(body.length);
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Null for an older release. With `siteUrl`, the server there must serve this release. */
export async function measureSearch(
  releaseDir: string,
  siteUrl?: string,
): Promise<SearchFigures | null> {
  const stats = await readSearchStats(releaseDir);
  if (!stats) return null;
  const queries: QueryFigures[] = [];
  for (const query of await queriesFor(releaseDir)) {
    const fetched = new Map<string, Buffer>();
    // A fresh search each time: a reader's first query, nothing cached yet.
    const search = new ArchiveSearch(async (file) => {
      const bytes = await readFile(path.join(releaseDir, file));
      fetched.set(file, bytes);
      return JSON.parse(bytes.toString('utf8')) as unknown;
    });
    const page = await search.search(query);
    const files = [...fetched];
    const sent = async (acceptEncoding: string) => {
      if (!siteUrl) return null;
      let total = 0;
      for (const [file, bytes] of files) {
        total += await sentLength(siteUrl, file, acceptEncoding, bytes);
      }
      return kb(total);
    };
    queries.push({
      query,
      results: page.total,
      files: files.length,
      kb: kb(files.reduce((sum, [, bytes]) => sum + bytes.length, 0)),
      sentKb: await sent(CHROMIUM_ACCEPT_ENCODING),
      gzipKb: await sent('gzip'),
    });
  }
  return {
    mode: stats.mode,
    articles: stats.articles,
    changed: stats.changed,
    files: stats.files,
    indexMb: Math.round(stats.bytes / 104857.6) / 10,
    buildMs: stats.buildMs,
    writeMs: stats.writeMs,
    written: stats.written,
    kept: stats.kept,
    queries,
  };
}

export function describeSearch(label: string, figures: SearchFigures | null): string[] {
  if (!figures) return [`  search (${label}): no index in the release`];
  return [
    `  search (${label}): ${figures.mode}, ${figures.files} files, ${figures.indexMb} MB, computed in ` +
      `${figures.buildMs} ms, written in ${figures.writeMs} ms (${figures.written} written, ` +
      `${figures.kept} kept)`,
    ...figures.queries.map(
      (query) =>
        `    "${query.query}": ${query.results} results, ${query.files} files, ` +
        `${query.kb} KB (sent: ${query.sentKb ?? '–'} KB brotli, ${query.gzipKb ?? '–'} KB gzip)`,
    ),
  ];
}
