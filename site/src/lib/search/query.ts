// The search page's own script: the text helpers alone, not the whole of shared (Markdown, zod).
import { SYLLABLE, foldVietnamese, searchTokens } from '@toasoan/shared/search-text';
import {
  ALL_BUT,
  IN_TITLE,
  SEARCH_FORMAT,
  docsPath,
  metaPath,
  pairKey,
  sectionPath,
  termShard,
  termShardPath,
  type DocsFile,
  type SearchMeta,
  type SyllableEntry,
  type TermShard,
} from './index-format';
import { decodeFields, decodeNumbers } from './posting-codec';

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
  total: number;
  results: SearchResult[];
}

interface Candidate {
  number: number;
  /** Place in the archive's order: 0 is the newest. */
  age: number;
  pairs: number;
  exact: number;
  inTitle: number;
}

const better = (a: Candidate, b: Candidate) =>
  b.pairs - a.pairs || b.exact - a.exact || b.inTitle - a.inTitle || a.age - b.age;

const NOTHING: SearchPage = { total: 0, results: [] };

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

  private async list(meta: SearchMeta, key: string) {
    const shard = await this.file<TermShard>(termShardPath(termShard(key, meta.shards)));
    return Object.hasOwn(shard, key) ? shard[key] : undefined;
  }

  async search(
    query: string,
    options: { section?: string; page?: number; perPage?: number } = {},
  ): Promise<SearchPage> {
    const { page = 1, perPage = 10 } = options;
    const meta = await this.loadMeta();
    const tokens = searchTokens(query);
    if (tokens.length === 0) return NOTHING;
    const pairKeys = tokens.slice(1).map((token, i) => pairKey(tokens[i]!.folded, token.folded));
    const section = options.section
      ? meta.sections.findIndex(({ slug }) => slug === options.section)
      : -1;
    const [entries, pairs, inSection] = await Promise.all([
      Promise.all(tokens.map((token) => this.list(meta, token.folded))),
      Promise.all(pairKeys.map((key) => this.list(meta, key))),
      section === -1 ? undefined : this.file<string>(sectionPath(section)),
    ]);
    if (entries.some((entry) => !Array.isArray(entry))) return NOTHING;
    const syllables = entries as SyllableEntry[];
    const allowed = inSection === undefined ? undefined : new Set(decodeNumbers(inSection));

    let candidates = new Map<number, Candidate>();
    syllables.forEach((list, i) => {
      const [numbersText, fieldsText] = list;
      const numbers = decodeNumbers(numbersText);
      const fields = decodeFields(fieldsText, numbers.length);
      const next = new Map<number, Candidate>();
      numbers.forEach((number, age) => {
        if (allowed && !allowed.has(number)) return;
        const candidate =
          i === 0 ? { number, age, pairs: 0, exact: 0, inTitle: 0 } : candidates.get(number);
        if (!candidate) return;
        if (fields[age]! & IN_TITLE) candidate.inTitle++;
        next.set(number, candidate);
      });
      candidates = next;
    });
    const count = (list: string | SyllableEntry | undefined, field: 'exact' | 'pairs') => {
      if (typeof list !== 'string') return;
      for (const number of decodeNumbers(list)) {
        const candidate = candidates.get(number);
        if (candidate) candidate[field]++;
      }
    };
    tokens.forEach((token, i) => {
      const entry = syllables[i]!;
      const list = Object.hasOwn(entry[2], token.exact) ? entry[2][token.exact] : undefined;
      if (typeof list !== 'string' || !list.startsWith(ALL_BUT)) return count(list, 'exact');
      const lacking = new Set(decodeNumbers(list.slice(ALL_BUT.length)));
      for (const number of decodeNumbers(entry[0])) {
        const candidate = lacking.has(number) ? undefined : candidates.get(number);
        if (candidate) candidate.exact++;
      }
    });
    for (const list of pairs) count(list, 'pairs');

    const ranked = [...candidates.values()].sort(better);
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

/** Runs of text, marking the syllables the query holds (folded: `dang` marks `Đảng`). */
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
