import { formatGmt7, toIsoGmt7, toNfc } from '@toasoan/shared';
import { articlePath } from '../urls';
import { articleTerms } from './article-terms';
import {
  ALL_BUT,
  DOCS_PER_FILE,
  SEARCH_FORMAT,
  docsPath,
  metaPath,
  sectionPath,
  termShard,
  termShardCount,
  termShardPath,
  type DocsFile,
  type SearchMeta,
  type SyllableEntry,
  type TermShard,
} from './index-format';
import { encodeFields, encodeNumbers, lacking } from './posting-codec';

export interface SearchableArticle {
  number: number;
  slug: string;
  title: string;
  sapo: string;
  publicationTime: string;
  category: { slug: string; name: string };
}

/** What every file is laid out by, from all the articles but none of their text (cheap). */
export interface IndexLayout {
  meta: SearchMeta;
  byNumber: Map<number, SearchableArticle>;
  /** Newest first: every list is written in this order, which is how results tie-break. */
  ordered: SearchableArticle[];
  rank: Map<number, number>;
  sectionOf: Map<number, number>;
}

export function indexLayout(
  articles: readonly SearchableArticle[],
  categories: readonly { slug: string; name: string }[],
): IndexLayout {
  const sections = categories.map(({ slug, name }) => ({ slug, name: toNfc(name) }));
  const sectionIndex = new Map(sections.map((section, i) => [section.slug, i]));
  const ordered = articles
    .map((article) => ({ article, time: Date.parse(article.publicationTime) }))
    .sort((a, b) => b.time - a.time || b.article.number - a.article.number)
    .map(({ article }) => article);
  const sectionOf = new Map<number, number>();
  const rank = new Map<number, number>();
  ordered.forEach((article, i) => {
    rank.set(article.number, i);
    let section = sectionIndex.get(article.category.slug);
    if (section === undefined) {
      // A category the menu lacks: added after the menu's, in the archive's order.
      section = sections.push({ slug: article.category.slug, name: toNfc(article.category.name) });
      section -= 1;
      sectionIndex.set(article.category.slug, section);
    }
    sectionOf.set(article.number, section);
  });
  return {
    meta: {
      format: SEARCH_FORMAT,
      shards: termShardCount(articles.length),
      docsPerFile: DOCS_PER_FILE,
      articles: articles.length,
      sections,
    },
    byNumber: new Map(articles.map((article) => [article.number, article])),
    ordered,
    rank,
    sectionOf,
  };
}

export interface SyllablePostings {
  numbers: number[];
  fields: number[];
  forms: Map<string, number[]>;
}

/** A form most of the syllable's articles use is written as those lacking it: half the bytes. */
function encodeForm(numbers: number[], all: number[]): string {
  if (numbers.length * 2 <= all.length) return encodeNumbers(numbers);
  return ALL_BUT + encodeNumbers(lacking(all, numbers));
}

export function encodeSyllable(postings: SyllablePostings): SyllableEntry {
  const forms: Record<string, string> = {};
  for (const form of [...postings.forms.keys()].sort()) {
    forms[form] = encodeForm(postings.forms.get(form)!, postings.numbers);
  }
  return [encodeNumbers(postings.numbers), encodeFields(postings.fields), forms];
}

/** A term file's text: keys in sorted order, so the same lists give the same bytes. */
export function termShardText(entries: Map<string, string | SyllableEntry>): string {
  const shard: TermShard = {};
  for (const key of [...entries.keys()].sort()) shard[key] = entries.get(key)!;
  return JSON.stringify(shard);
}

export function sectionFiles(layout: IndexLayout, only?: Set<number>): Map<string, string> {
  const lists = layout.meta.sections.map((): number[] => []);
  for (const { number } of layout.ordered) lists[layout.sectionOf.get(number)!]!.push(number);
  return new Map(
    lists.flatMap((numbers, i) =>
      only && !only.has(i) ? [] : [[sectionPath(i), JSON.stringify(encodeNumbers(numbers))]],
    ),
  );
}

export function docsText(articles: SearchableArticle[], layout: IndexLayout): string {
  const chunk: DocsFile = {};
  for (const article of [...articles].sort((a, b) => a.number - b.number)) {
    chunk[article.number] = {
      url: articlePath(article),
      title: toNfc(article.title),
      section: layout.sectionOf.get(article.number)!,
      time: formatGmt7(article.publicationTime),
      iso: toIsoGmt7(article.publicationTime),
      sapo: toNfc(article.sapo),
    };
  }
  return JSON.stringify(chunk);
}

/** The same articles give the same bytes in any order, so update-index.ts can equal it. */
export function buildSearchIndex(
  articles: readonly SearchableArticle[],
  categories: readonly { slug: string; name: string }[],
): Map<string, string> {
  const layout = indexLayout(articles, categories);
  const { meta, ordered } = layout;
  const syllables = new Map<string, SyllablePostings>();
  const pairs = new Map<string, number[]>();
  const docs = new Map<string, SearchableArticle[]>();
  for (const article of ordered) {
    const { number } = article;
    const terms = articleTerms(article);
    for (const [folded, { fields, forms }] of terms.syllables) {
      let postings = syllables.get(folded);
      if (!postings)
        syllables.set(folded, (postings = { numbers: [], fields: [], forms: new Map() }));
      postings.numbers.push(number);
      postings.fields.push(fields);
      for (const form of forms) {
        const list = postings.forms.get(form);
        if (list) list.push(number);
        else postings.forms.set(form, [number]);
      }
    }
    for (const pair of terms.pairs) {
      const list = pairs.get(pair);
      if (list) list.push(number);
      else pairs.set(pair, [number]);
    }
    const file = docsPath(number);
    const chunk = docs.get(file);
    if (chunk) chunk.push(article);
    else docs.set(file, [article]);
  }

  const shards = Array.from(
    { length: meta.shards },
    () => new Map<string, string | SyllableEntry>(),
  );
  for (const [folded, postings] of syllables) {
    shards[termShard(folded, meta.shards)]!.set(folded, encodeSyllable(postings));
  }
  for (const [pair, numbers] of pairs) {
    shards[termShard(pair, meta.shards)]!.set(pair, encodeNumbers(numbers));
  }

  const files = new Map<string, string>();
  files.set(metaPath(), JSON.stringify(meta));
  shards.forEach((shard, i) => files.set(termShardPath(i), termShardText(shard)));
  for (const [file, text] of sectionFiles(layout)) files.set(file, text);
  for (const file of [...docs.keys()].sort()) files.set(file, docsText(docs.get(file)!, layout));
  return files;
}
