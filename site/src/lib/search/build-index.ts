import { foldVietnamese, formatGmt7, searchTokens, toIsoGmt7, toNfc } from '@toasoan/shared';
import { articlePath } from '../urls';
import {
  DOCS_PER_FILE,
  IN_SAPO,
  IN_TITLE,
  SEARCH_FORMAT,
  docsPath,
  metaPath,
  pairKey,
  postingMeta,
  termShard,
  termShardCount,
  termShardPath,
  writtenKey,
  ALL_BUT,
  WRITTEN,
  type DocsFile,
  type SearchMeta,
  type TermShard,
} from './index-format';
import { encodeNumbers, encodeSmall } from './posting-codec';

/** What the index needs of an article: the build's site data has it all (no HTML is read). */
export interface SearchableArticle {
  number: number;
  slug: string;
  title: string;
  sapo: string;
  publicationTime: string;
  category: { slug: string; name: string };
}

/**
 * The index files of a release, by path inside it, as text. Pure and deterministic: the same
 * articles give the same bytes in whatever order they come, so an incremental release can keep
 * the files of a previous one that did not change (write-index.ts) and still equal a full build.
 */
export function buildSearchIndex(
  articles: readonly SearchableArticle[],
  categories: readonly { slug: string; name: string }[],
): Map<string, string> {
  const sections = categories.map(({ slug, name }) => ({ slug, name: toNfc(name) }));
  const sectionIndex = new Map(sections.map((section, i) => [section.slug, i]));
  // Newest first: every list is written in this order, which is how results tie-break.
  const ordered = articles
    .map((article) => ({ article, time: Date.parse(article.publicationTime) }))
    .sort((a, b) => b.time - a.time || b.article.number - a.article.number)
    .map(({ article }) => article);

  // Articles come newest first, one at a time: a list gets an article's number once, at its end.
  /** Folded syllable → the articles holding it, with their fields (IN_TITLE | IN_SAPO). */
  const syllables = new Map<string, { numbers: number[]; fields: number[] }>();
  /** Written forms and pairs → the articles holding them. */
  const lists = new Map<string, number[]>();
  const addTo = (key: string, number: number) => {
    const list = lists.get(key);
    if (!list) lists.set(key, [number]);
    else if (list[list.length - 1] !== number) list.push(number);
  };
  const sectionOf = new Map<number, number>();
  const docs = new Map<string, DocsFile>();

  for (const article of ordered) {
    let section = sectionIndex.get(article.category.slug);
    if (section === undefined) {
      section = sections.push({ slug: article.category.slug, name: toNfc(article.category.name) });
      section -= 1;
      sectionIndex.set(article.category.slug, section);
    }
    sectionOf.set(article.number, section);
    for (const [field, text] of [
      [IN_TITLE, article.title],
      [IN_SAPO, article.sapo],
    ] as const) {
      const tokens = searchTokens(text);
      tokens.forEach((token, i) => {
        const postings = syllables.get(token.folded);
        if (!postings) syllables.set(token.folded, { numbers: [article.number], fields: [field] });
        else if (postings.numbers[postings.numbers.length - 1] !== article.number) {
          postings.numbers.push(article.number);
          postings.fields.push(field);
        } else {
          const last = postings.fields.length - 1;
          postings.fields[last] = postings.fields[last]! | field;
        }
        addTo(writtenKey(token.exact), article.number);
        const next = tokens[i + 1];
        if (next) addTo(pairKey(token.folded, next.folded), article.number);
      });
    }
    const file = docsPath(article.number);
    let chunk = docs.get(file);
    if (!chunk) docs.set(file, (chunk = {}));
    chunk[article.number] = {
      url: articlePath(article),
      title: toNfc(article.title),
      section,
      time: formatGmt7(article.publicationTime),
      iso: toIsoGmt7(article.publicationTime),
      sapo: toNfc(article.sapo),
    };
  }

  // Most of a syllable's articles write it one way ("huyện"): that form's list is then written as
  // the few articles of the folded list that lack it, which halves what a query fetches.
  const encodeList = (key: string, numbers: number[]) => {
    if (!key.startsWith(WRITTEN)) return encodeNumbers(numbers);
    const all = syllables.get(foldVietnamese(key.slice(WRITTEN.length)))!.numbers;
    if (numbers.length * 2 <= all.length) return encodeNumbers(numbers);
    const holding = new Set(numbers);
    return ALL_BUT + encodeNumbers(all.filter((number) => !holding.has(number)));
  };

  const shardCount = termShardCount(articles.length);
  const metaWidth = sections.length * 3 <= 64 ? 1 : 2;
  const shards: TermShard[] = Array.from({ length: shardCount }, () => ({}));
  for (const key of [...syllables.keys(), ...lists.keys()].sort()) {
    const postings = syllables.get(key);
    shards[termShard(key, shardCount)]![key] = postings
      ? [
          encodeNumbers(postings.numbers),
          encodeSmall(
            postings.numbers.map((number, i) =>
              postingMeta(sectionOf.get(number)!, postings.fields[i]!),
            ),
            metaWidth,
          ),
        ]
      : encodeList(key, lists.get(key)!);
  }

  const files = new Map<string, string>();
  const meta: SearchMeta = {
    format: SEARCH_FORMAT,
    shards: shardCount,
    docsPerFile: DOCS_PER_FILE,
    articles: articles.length,
    metaWidth,
    sections,
  };
  files.set(metaPath(), JSON.stringify(meta));
  shards.forEach((shard, i) => files.set(termShardPath(i), JSON.stringify(shard)));
  // Chunks in number order, each article in number order: the same bytes in every build.
  for (const file of [...docs.keys()].sort()) {
    const chunk = docs.get(file)!;
    const numbers = Object.keys(chunk).sort((a, b) => Number(a) - Number(b));
    files.set(file, JSON.stringify(Object.fromEntries(numbers.map((n) => [n, chunk[n]]))));
  }
  return files;
}
