// Shared by build-index.ts and query.ts; the format and its reasons: site/README.md, "Search".

export const SEARCH_FOLDER = '_search';
/** Bumped when the format changes, so a page never reads an index it does not understand. */
export const SEARCH_FORMAT = 3;
/** A page of results fetches a few small files. */
export const DOCS_PER_FILE = 4;

/** A file stays a few KB as the archive grows; crossing a power of two rewrites the index once. */
export function termShardCount(articles: number): number {
  let shards = 64;
  while (shards < 4096 && shards * 10 < articles) shards *= 2;
  return shards;
}

/** A posting's fields: in the title, the sapo or both (1, 2, 3). */
export const IN_TITLE = 1;
export const IN_SAPO = 2;

export interface SearchMeta {
  format: number;
  shards: number;
  docsPerFile: number;
  articles: number;
  /** The sections, in menu order; `sections/<index>.json` lists each one's articles. */
  sections: { slug: string; name: string }[];
}

export type SyllableEntry = [numbers: string, fields: string, forms: Record<string, string>];

/** `terms/<shard>.json`: a folded syllable → SyllableEntry, a pair (`xay dung`) → numbers. */
export type TermShard = Record<string, string | SyllableEntry>;

/** `docs/<number / DOCS_PER_FILE>.json`: what a result shows, by article number. */
export type DocsFile = Record<
  string,
  { url: string; title: string; section: number; time: string; iso: string; sapo: string }
>;

/** A written form's list that starts with it holds the articles of the folded list without it. */
export const ALL_BUT = '!';
export const pairKey = (first: string, second: string) => `${first} ${second}`;

/** FNV-1a over the term's UTF-16 units: the same shard in Node and in every browser. */
export function termShard(term: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

export const metaPath = () => `${SEARCH_FOLDER}/meta.json`;
export const termShardPath = (shard: number) => `${SEARCH_FOLDER}/terms/${shard}.json`;
/** `sections/<index>.json`: a section's articles, newest first, for a query filtered by section. */
export const sectionPath = (section: number) => `${SEARCH_FOLDER}/sections/${section}.json`;
export const docsPath = (number: number) =>
  `${SEARCH_FOLDER}/docs/${Math.floor(number / DOCS_PER_FILE)}.json`;
