import { articleFingerprint, articleTerms, type ArticleTerms } from './article-terms';
import {
  docsText,
  encodeSyllable,
  indexLayout,
  sectionFiles,
  termShardText,
  type IndexLayout,
  type SearchableArticle,
  type SyllablePostings,
} from './build-index';
import {
  ALL_BUT,
  SEARCH_FORMAT,
  docsPath,
  metaPath,
  termShard,
  termShardPath,
  type DocsFile,
  type SearchMeta,
  type SyllableEntry,
  type TermShard,
} from './index-format';
import { decodeFields, decodeNumbers, encodeNumbers, lacking } from './posting-codec';

/** The index of the release a build starts from: its manifest and a way to read its files. */
export interface BaseIndex {
  /** Article number → fingerprint (article-terms.ts), as the base release's manifest lists them. */
  fingerprints: Record<string, string>;
  files: readonly string[];
  read(file: string): Promise<string>;
}

/** What an incremental build writes, and which of the base release's files it keeps. */
export interface IndexUpdate {
  files: Map<string, string>;
  kept: string[];
  changed: number;
}

type Changed = [number: number, terms: ArticleTerms][];

/** Past this share of the archive changed, computing the whole index is cheaper than patching. */
const MAX_CHANGED_SHARE = 0.1;

/** Each article's fingerprint, by number: what the next build compares to find what changed. */
export function articleFingerprints(
  articles: readonly SearchableArticle[],
): Record<string, string> {
  const sorted = [...articles].sort((a, b) => a.number - b.number);
  return Object.fromEntries(sorted.map((article) => [article.number, articleFingerprint(article)]));
}

/** Undefined when the index must be built whole (README, "Search", "Incremental and identical"). */
export async function updateSearchIndex(
  base: BaseIndex,
  articles: readonly SearchableArticle[],
  categories: readonly { slug: string; name: string }[],
  fingerprints: Record<string, string> = articleFingerprints(articles),
): Promise<IndexUpdate | undefined> {
  const layout = indexLayout(articles, categories);
  const { meta } = layout;
  let baseMeta: SearchMeta;
  try {
    baseMeta = JSON.parse(await base.read(metaPath())) as SearchMeta;
  } catch {
    return undefined;
  }
  const sectionsOf = (sections: SearchMeta['sections']) => sections.map(({ slug }) => slug).join();
  if (
    baseMeta.format !== SEARCH_FORMAT ||
    baseMeta.shards !== meta.shards ||
    sectionsOf(baseMeta.sections) !== sectionsOf(meta.sections)
  ) {
    return undefined;
  }

  const dirty = new Set<number>();
  for (const [number, fingerprint] of Object.entries(fingerprints)) {
    if (base.fingerprints[number] !== fingerprint) dirty.add(Number(number));
  }
  for (const number of Object.keys(base.fingerprints)) {
    if (!Object.hasOwn(fingerprints, number)) dirty.add(Number(number));
  }
  if (dirty.size > Math.max(50, articles.length * MAX_CHANGED_SHARE)) return undefined;

  // What the dirty articles held (from the base's result files) and hold now.
  const before = await oldTerms(base, dirty);
  if (!before) return undefined;
  const sections = new Set([
    ...before.sections,
    ...[...dirty].flatMap((number) => layout.sectionOf.get(number) ?? []),
  ]);
  const after: Changed = [...dirty]
    .filter((number) => layout.byNumber.has(number))
    .sort((a, b) => layout.rank.get(a)! - layout.rank.get(b)!)
    .map((number) => [number, articleTerms(layout.byNumber.get(number)!)]);

  const touched = new Map<number, Set<string>>();
  const touch = (key: string) => {
    const shard = termShard(key, meta.shards);
    const keys = touched.get(shard);
    if (keys) keys.add(key);
    else touched.set(shard, new Set([key]));
  };
  for (const terms of [...before.terms.values(), ...after.map(([, terms]) => terms)]) {
    for (const key of terms.syllables.keys()) touch(key);
    for (const key of terms.pairs) touch(key);
  }

  const files = new Map<string, string>([
    [metaPath(), JSON.stringify(meta)],
    ...sectionFiles(layout, sections),
  ]);
  for (const [shard, keys] of touched) {
    const file = termShardPath(shard);
    const entries = new Map(Object.entries(JSON.parse(await base.read(file)) as TermShard));
    for (const key of keys) {
      const entry = entries.get(key);
      // A pair holds a space; a syllable never does (SYLLABLE in @toasoan/shared).
      const next = key.includes(' ')
        ? patchPair(key, entry as string | undefined, dirty, after, layout)
        : patchSyllable(key, entry as SyllableEntry | undefined, dirty, after, layout);
      if (next === undefined) entries.delete(key);
      else entries.set(key, next);
    }
    files.set(file, termShardText(entries));
  }

  const dropped = new Set<string>();
  for (const file of new Set([...dirty].map(docsPath))) {
    const chunk = chunkArticles(file, layout);
    if (chunk.length > 0) files.set(file, docsText(chunk, layout));
    else dropped.add(file);
  }
  const kept = base.files.filter((file) => !files.has(file) && !dropped.has(file));
  return { files, kept, changed: dirty.size };
}

async function oldTerms(
  base: BaseIndex,
  dirty: Set<number>,
): Promise<{ terms: Map<number, ArticleTerms>; sections: number[] } | undefined> {
  const terms = new Map<number, ArticleTerms>();
  const sections: number[] = [];
  const chunks = new Map<string, DocsFile>();
  for (const number of dirty) {
    if (!Object.hasOwn(base.fingerprints, number)) continue;
    const file = docsPath(number);
    let chunk = chunks.get(file);
    if (!chunk) {
      try {
        chunk = JSON.parse(await base.read(file)) as DocsFile;
      } catch {
        return undefined;
      }
      chunks.set(file, chunk);
    }
    const doc = chunk[number];
    if (!doc) return undefined;
    terms.set(number, articleTerms(doc));
    sections.push(doc.section);
  }
  return { terms, sections };
}

function chunkArticles(file: string, layout: IndexLayout): SearchableArticle[] {
  const first =
    Number(file.slice(file.lastIndexOf('/') + 1, -'.json'.length)) * layout.meta.docsPerFile;
  const chunk: SearchableArticle[] = [];
  for (let number = first; number < first + layout.meta.docsPerFile; number++) {
    const article = layout.byNumber.get(number);
    if (article) chunk.push(article);
  }
  return chunk;
}

/** A binary search per added article (no sort of a 10,000-article list); `values` follow along. */
function insertByRank(
  kept: number[],
  added: number[],
  rank: Map<number, number>,
  values?: { kept: number[]; added: number[] },
): number[] {
  if (added.length === 0) return kept;
  const numbers = kept.slice();
  let from = 0;
  added.forEach((number, i) => {
    const at = rank.get(number)!;
    let high = numbers.length;
    while (from < high) {
      const middle = (from + high) >>> 1;
      if (rank.get(numbers[middle]!)! < at) from = middle + 1;
      else high = middle;
    }
    numbers.splice(from, 0, number);
    values?.kept.splice(from, 0, values.added[i]!);
    from++;
  });
  return numbers;
}

/** A syllable's entry with the dirty articles taken out and put back as they are now. */
function patchSyllable(
  folded: string,
  entry: SyllableEntry | undefined,
  dirty: Set<number>,
  after: Changed,
  layout: IndexLayout,
): SyllableEntry | undefined {
  const { rank } = layout;
  const forms = new Map<string, { kept: number[]; added: number[] }>();
  const kept: number[] = [];
  const fields = { kept: [] as number[], added: [] as number[] };
  if (entry) {
    const [numbersText, fieldsText, formLists] = entry;
    const numbers = decodeNumbers(numbersText);
    const baseFields = decodeFields(fieldsText, numbers.length);
    numbers.forEach((number, i) => {
      if (dirty.has(number)) return;
      kept.push(number);
      fields.kept.push(baseFields[i]!);
    });
    for (const [form, list] of Object.entries(formLists)) {
      const holding = list.startsWith(ALL_BUT)
        ? lacking(numbers, decodeNumbers(list.slice(ALL_BUT.length)))
        : decodeNumbers(list);
      forms.set(form, { kept: holding.filter((number) => !dirty.has(number)), added: [] });
    }
  }
  const added: number[] = [];
  for (const [number, terms] of after) {
    const syllable = terms.syllables.get(folded);
    if (!syllable) continue;
    added.push(number);
    fields.added.push(syllable.fields);
    for (const form of syllable.forms) {
      const lists = forms.get(form);
      if (lists) lists.added.push(number);
      else forms.set(form, { kept: [], added: [number] });
    }
  }
  const numbers = insertByRank(kept, added, rank, fields);
  if (numbers.length === 0) return undefined;
  const postings: SyllablePostings = { numbers, fields: fields.kept, forms: new Map() };
  for (const [form, lists] of forms) {
    const holding = insertByRank(lists.kept, lists.added, rank);
    if (holding.length > 0) postings.forms.set(form, holding);
  }
  return encodeSyllable(postings);
}

function patchPair(
  pair: string,
  entry: string | undefined,
  dirty: Set<number>,
  after: Changed,
  layout: IndexLayout,
): string | undefined {
  const kept = entry ? decodeNumbers(entry).filter((number) => !dirty.has(number)) : [];
  const added = after.filter(([, terms]) => terms.pairs.has(pair)).map(([number]) => number);
  const numbers = insertByRank(kept, added, layout.rank);
  return numbers.length === 0 ? undefined : encodeNumbers(numbers);
}
