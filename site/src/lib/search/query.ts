import { SYLLABLE, foldVietnamese, searchTokens } from '@toasoan/shared';
import {
  IN_TITLE,
  SEARCH_FORMAT,
  docsPath,
  metaPath,
  termShard,
  termShardPath,
  type DocsFile,
  type PairEntry,
  type SearchMeta,
  type SyllableEntry,
  type TermShard,
} from './index-format';

/** Reads one file of the index (a path like `_search/meta.json`); fetch in the browser. */
export type IndexReader = (path: string) => Promise<unknown>;

export interface SearchResult {
  number: number;
  url: string;
  title: string;
  section: string;
  time: string;
  iso: string;
  sapo: string;
}

export interface SearchPage {
  /** Articles that match, in all. */
  total: number;
  results: SearchResult[];
}

interface Candidate {
  number: number;
  time: number;
  section: number;
  pairs: number;
  exact: number;
  inTitle: number;
}

/**
 * Better first: more of the query's syllable pairs side by side (a phrase beats scattered
 * syllables), then more syllables written as typed (tones included), then more in the title,
 * then newer.
 */
const better = (a: Candidate, b: Candidate) =>
  b.pairs - a.pairs ||
  b.exact - a.exact ||
  b.inTitle - a.inTitle ||
  b.time - a.time ||
  b.number - a.number;

/**
 * Searches the static index the way Vietnamese readers type: every syllable of the query must be
 * in the article's title or sapo, with or without its tones. Fetches the meta file, the term files
 * of the query's syllables and pairs, and the result files of the page asked for, nothing else.
 */
export class ArchiveSearch {
  private meta: Promise<SearchMeta> | undefined;
  private readonly files = new Map<string, Promise<unknown>>();

  constructor(private readonly read: IndexReader) {}

  private file<T>(path: string): Promise<T> {
    let file = this.files.get(path);
    if (!file) {
      file = this.read(path);
      // A failed fetch is tried again next time rather than remembered.
      file.catch(() => this.files.delete(path));
      this.files.set(path, file);
    }
    return file as Promise<T>;
  }

  async sections(): Promise<SearchMeta['sections']> {
    return (await this.loadMeta()).sections;
  }

  private loadMeta(): Promise<SearchMeta> {
    this.meta ??= this.file<SearchMeta>(metaPath()).then((meta) => {
      if (meta.format !== SEARCH_FORMAT) throw new Error(`search index format ${meta.format}`);
      return meta;
    });
    return this.meta;
  }

  private async entry(term: string): Promise<SyllableEntry | PairEntry | undefined> {
    const shard = await this.file<TermShard>(termShardPath(termShard(term)));
    return Object.hasOwn(shard, term) ? shard[term] : undefined;
  }

  async search(
    query: string,
    options: { section?: string; page?: number; perPage?: number } = {},
  ): Promise<SearchPage> {
    const { page = 1, perPage = 10 } = options;
    const meta = await this.loadMeta();
    const tokens = searchTokens(query);
    if (tokens.length === 0) return { total: 0, results: [] };
    const pairTerms = tokens.slice(1).map((token, i) => `${tokens[i]!.folded} ${token.folded}`);
    const [syllables, pairs] = await Promise.all([
      Promise.all(tokens.map((token) => this.entry(token.folded))),
      Promise.all(pairTerms.map((term) => this.entry(term))),
    ]);
    if (syllables.some((entry) => !entry)) return { total: 0, results: [] };

    const sectionFilter = options.section
      ? meta.sections.findIndex((section) => section.slug === options.section)
      : -1;
    let candidates: Map<number, Candidate> | undefined;
    tokens.forEach((token, i) => {
      const entry = syllables[i] as SyllableEntry;
      const formBit = entry.forms.indexOf(token.exact);
      const next = new Map<number, Candidate>();
      for (const [number, time, section, fields, forms] of entry.postings) {
        if (sectionFilter !== -1 && section !== sectionFilter) continue;
        const candidate = i === 0 ? undefined : candidates!.get(number);
        if (i > 0 && !candidate) continue;
        const c = candidate ?? { number, time, section, pairs: 0, exact: 0, inTitle: 0 };
        if (formBit !== -1 && forms & (1 << formBit)) c.exact++;
        if (fields & IN_TITLE) c.inTitle++;
        next.set(number, c);
      }
      candidates = next;
    });
    for (const entry of pairs) {
      for (const number of (entry as PairEntry | undefined)?.numbers ?? []) {
        const candidate = candidates!.get(number);
        if (candidate) candidate.pairs++;
      }
    }
    const ranked = [...candidates!.values()].sort(better);
    const shown = ranked.slice((page - 1) * perPage, page * perPage);
    const files = await Promise.all(
      shown.map((candidate) => this.file<DocsFile>(docsPath(candidate.number))),
    );
    return {
      total: ranked.length,
      // A result file of another release (a cached one) may lack the article: left out.
      results: shown.flatMap((candidate, i) => {
        const doc = files[i]?.[candidate.number];
        if (!doc) return [];
        return {
          number: candidate.number,
          url: doc.url,
          title: doc.title,
          section: meta.sections[doc.section]?.name ?? '',
          time: doc.time,
          iso: doc.iso,
          sapo: doc.sapo,
        };
      }),
    };
  }
}

/**
 * Splits text into runs, marking the syllables the query holds (folded: `dang` marks `Đảng`).
 *
 * @example
 * highlight('Xây dựng Đảng.', 'xay dang')
 * //=> [{ text: 'Xây', mark: true }, { text: ' dựng ', mark: false }, { text: 'Đảng', mark: true }, { text: '.', mark: false }]
 */
export function highlight(text: string, query: string): { text: string; mark: boolean }[] {
  const wanted = new Set(searchTokens(query).map((token) => token.folded));
  const nfc = text.normalize('NFC');
  const runs: { text: string; mark: boolean }[] = [];
  const push = (part: string, mark: boolean) => {
    const last = runs.at(-1);
    if (!part) return;
    if (last && !last.mark && !mark) last.text += part;
    else runs.push({ text: part, mark });
  };
  let at = 0;
  for (const match of nfc.matchAll(SYLLABLE)) {
    push(nfc.slice(at, match.index), false);
    push(match[0], wanted.has(foldVietnamese(match[0])));
    at = match.index + match[0].length;
  }
  push(nfc.slice(at), false);
  return runs;
}
