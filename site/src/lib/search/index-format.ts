// The static search index's files, shared by the build that writes them (build-index.ts) and the
// search page that reads them (query.ts). Format and reasons: site/README.md, "Search".

/** The folder of a release that holds the index, served as `/_search/`. */
export const SEARCH_FOLDER = '_search';
/** Bumped when the format changes, so a page never reads an index it does not understand. */
export const SEARCH_FORMAT = 1;
/** Term files: a query fetches only those of its syllables and syllable pairs. */
export const TERM_SHARDS = 512;
/** Articles per result file, by number: a page of results fetches a few small files. */
export const DOCS_PER_FILE = 10;

/** Bits of a posting's `fields`. */
export const IN_TITLE = 1;
export const IN_SAPO = 2;

/** `meta.json`. */
export interface SearchMeta {
  format: number;
  shards: number;
  docsPerFile: number;
  articles: number;
  /** The sections, in menu order; a posting names its section by index. */
  sections: { slug: string; name: string }[];
}

/**
 * One article holding a folded syllable: [number, minutes since 1970 of its publication, section
 * index, fields (IN_TITLE | IN_SAPO), bit mask of the written forms it holds (index into `forms`)].
 */
export type Posting = [number, number, number, number, number];

/** A folded syllable (`dang`): the forms written in the archive (`đảng`, `đang`…) and who has them. */
export interface SyllableEntry {
  forms: string[];
  postings: Posting[];
}

/** Two folded syllables next to each other (`xay dung`): the numbers of the articles with them. */
export interface PairEntry {
  numbers: number[];
}

/** `terms/<shard>.json`: syllables and pairs (the key has a space) whose hash falls there. */
export type TermShard = Record<string, SyllableEntry | PairEntry>;

/** `docs/<number / DOCS_PER_FILE>.json`: what a result shows, by article number. */
export type DocsFile = Record<
  string,
  { url: string; title: string; section: number; time: string; iso: string; sapo: string }
>;

/** FNV-1a over the term's UTF-16 units: the same shard in Node and in every browser. */
export function termShard(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % TERM_SHARDS;
}

export const metaPath = () => `${SEARCH_FOLDER}/meta.json`;
export const termShardPath = (shard: number) => `${SEARCH_FOLDER}/terms/${shard}.json`;
export const docsPath = (number: number) =>
  `${SEARCH_FOLDER}/docs/${Math.floor(number / DOCS_PER_FILE)}.json`;
