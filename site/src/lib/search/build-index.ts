import { formatGmt7, searchTokens, toIsoGmt7, toNfc } from '@toasoan/shared';
import { articlePath } from '../urls';
import {
  DOCS_PER_FILE,
  IN_SAPO,
  IN_TITLE,
  SEARCH_FORMAT,
  TERM_SHARDS,
  docsPath,
  metaPath,
  termShard,
  termShardPath,
  type DocsFile,
  type PairEntry,
  type Posting,
  type SearchMeta,
  type SyllableEntry,
  type TermShard,
} from './index-format';

/** What the index needs of an article: the build's site data has it all (no HTML is read). */
export interface SearchableArticle {
  number: number;
  slug: string;
  title: string;
  sapo: string;
  publicationTime: string;
  category: { slug: string; name: string };
}

const minutes = (iso: string) => Math.floor(Date.parse(iso) / 60_000);

/** Newest first, then the higher number: the order of equally good results. */
const newestFirst = (a: Posting, b: Posting) => b[1] - a[1] || b[0] - a[0];

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
  const syllables = new Map<string, { forms: string[]; postings: Map<number, Posting> }>();
  const pairs = new Map<string, Set<number>>();
  const docs = new Map<string, DocsFile>();

  const sorted = [...articles].sort((a, b) => a.number - b.number);
  for (const article of sorted) {
    let section = sectionIndex.get(article.category.slug);
    if (section === undefined) {
      section =
        sections.push({ slug: article.category.slug, name: toNfc(article.category.name) }) - 1;
      sectionIndex.set(article.category.slug, section);
    }
    const time = minutes(article.publicationTime);
    for (const [field, text] of [
      [IN_TITLE, article.title],
      [IN_SAPO, article.sapo],
    ] as const) {
      const tokens = searchTokens(text);
      tokens.forEach((token, i) => {
        let entry = syllables.get(token.folded);
        if (!entry) syllables.set(token.folded, (entry = { forms: [], postings: new Map() }));
        let form = entry.forms.indexOf(token.exact);
        // Forms past 31 do not fit the mask: they still match, folded, just without the bonus.
        if (form === -1 && entry.forms.length < 31) form = entry.forms.push(token.exact) - 1;
        let posting = entry.postings.get(article.number);
        if (!posting)
          entry.postings.set(article.number, (posting = [article.number, time, section, 0, 0]));
        posting[3] |= field;
        if (form !== -1) posting[4] |= 1 << form;
        const next = tokens[i + 1];
        if (next) {
          const pair = `${token.folded} ${next.folded}`;
          let numbers = pairs.get(pair);
          if (!numbers) pairs.set(pair, (numbers = new Set()));
          numbers.add(article.number);
        }
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

  const shards: TermShard[] = Array.from({ length: TERM_SHARDS }, () => ({}));
  const terms = [...syllables.keys(), ...pairs.keys()].sort();
  for (const term of terms) {
    const syllable = syllables.get(term);
    const entry: SyllableEntry | PairEntry = syllable
      ? { forms: syllable.forms, postings: [...syllable.postings.values()].sort(newestFirst) }
      : { numbers: [...pairs.get(term)!].sort((a, b) => a - b) };
    shards[termShard(term)]![term] = entry;
  }

  const files = new Map<string, string>();
  const meta: SearchMeta = {
    format: SEARCH_FORMAT,
    shards: TERM_SHARDS,
    docsPerFile: DOCS_PER_FILE,
    articles: articles.length,
    sections,
  };
  files.set(metaPath(), JSON.stringify(meta));
  shards.forEach((shard, i) => files.set(termShardPath(i), JSON.stringify(shard)));
  for (const file of [...docs.keys()].sort()) files.set(file, JSON.stringify(docs.get(file)));
  return files;
}
