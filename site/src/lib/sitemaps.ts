import { toIsoGmt7 } from '@toasoan/shared';
import { xmlElement } from './xml';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/**
 * URLs in one file of the sitemap index. The protocol allows 50,000 URLs and 50 MB a file; at
 * ~150 bytes a URL this stays near 1.5 MB, and an article file is a small file to rewrite.
 */
export const URLS_PER_SITEMAP = 10_000;

/** One address of a sitemap file, or one file of the sitemap index. */
export interface SitemapEntry {
  /** Absolute URL. */
  url: string;
  /** ISO 8601 of the last change, when known. */
  lastModified?: string;
}

/** An article's address in the sitemap, with the stable number that places it in a file. */
export interface ArticleSitemapEntry extends SitemapEntry {
  number: number;
}

/** One numbered file of the sitemap index: `pages-1`, `articles-3`… and what it lists. */
export interface SitemapFile {
  name: string;
  entries: SitemapEntry[];
}

/**
 * Splits the site's addresses into the files of the sitemap index. Articles go by number: file N
 * holds numbers (N-1)·size+1 to N·size in ascending order, so a new article (the next number)
 * changes only the last file, and an edit or an unpublish only the file of its number; a range
 * with no published article has no file. The other pages (lists whose contents shift with every
 * publish anyway) are cut in order, `size` a file.
 *
 * @example
 * splitSitemap([home], [{ number: 12, url: a }, { number: 3, url: b }], 10)
 * //=> [{ name: 'pages-1', entries: [home] }, { name: 'articles-1', entries: [b] },
 * //    { name: 'articles-2', entries: [a] }]
 */
export function splitSitemap(
  pages: readonly SitemapEntry[],
  articles: readonly ArticleSitemapEntry[],
  size = URLS_PER_SITEMAP,
): SitemapFile[] {
  const files: SitemapFile[] = [];
  for (let start = 0; start < pages.length; start += size) {
    files.push({ name: `pages-${files.length + 1}`, entries: pages.slice(start, start + size) });
  }
  for (const { number, url, lastModified } of [...articles].sort((a, b) => a.number - b.number)) {
    // Numbers start at 1 (the CMS refuses others); a stray 0 or less still lands in file 1.
    const name = `articles-${Math.max(1, Math.ceil(number / size))}`;
    if (files.at(-1)?.name !== name) files.push({ name, entries: [] });
    files.at(-1)!.entries.push({ url, lastModified });
  }
  return files;
}

/** The newest `lastModified` of the entries (compared as instants), as written there. */
export function newestLastModified(entries: readonly SitemapEntry[]): string | undefined {
  let newest: string | undefined;
  for (const { lastModified } of entries) {
    if (lastModified && (!newest || Date.parse(lastModified) > Date.parse(newest))) {
      newest = lastModified;
    }
  }
  return newest;
}

/** `<url>` or `<sitemap>`: a loc, and a lastmod in GMT+7 when known. */
const urlElement =
  (name: 'url' | 'sitemap') =>
  ({ url, lastModified }: SitemapEntry): string => {
    const lastmod = lastModified ? xmlElement('lastmod', toIsoGmt7(lastModified)) : '';
    return `<${name}>${xmlElement('loc', url)}${lastmod}</${name}>`;
  };

/** A sitemaps.org `urlset`: one file of the index (splitSitemap keeps it under the limits). */
export function renderSitemap(entries: readonly SitemapEntry[]): string {
  return [`<urlset xmlns="${SITEMAP_NS}">`, ...entries.map(urlElement('url')), '</urlset>'].join(
    '\n',
  );
}

/**
 * A sitemaps.org `sitemapindex`: each file's address, and as its lastmod the newest of its
 * entries, so that the index changes only when one of its files does.
 */
export function renderSitemapIndex(
  files: readonly SitemapFile[],
  fileUrl: (name: string) => string,
): string {
  const sitemaps = files.map(({ name, entries }) => ({
    url: fileUrl(name),
    lastModified: newestLastModified(entries),
  }));
  return [
    `<sitemapindex xmlns="${SITEMAP_NS}">`,
    ...sitemaps.map(urlElement('sitemap')),
    '</sitemapindex>',
  ].join('\n');
}

/** One article of the Google News sitemap. */
export interface NewsSitemapEntry {
  url: string;
  title: string;
  publicationTime: string;
}

/**
 * A Google News sitemap: the articles of the last two days with the publication's name and
 * language (`vi`). An empty one is valid, and says there is no fresh news.
 */
export function renderNewsSitemap(publicationName: string, entries: NewsSitemapEntry[]): string {
  const publication =
    `<news:publication>${xmlElement('news:name', publicationName)}` +
    '<news:language>vi</news:language></news:publication>';
  const urls = entries.map(
    (entry) =>
      `<url>${xmlElement('loc', entry.url)}<news:news>${publication}` +
      `${xmlElement('news:publication_date', toIsoGmt7(entry.publicationTime))}` +
      `${xmlElement('news:title', entry.title)}</news:news></url>`,
  );
  return [`<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`, ...urls, '</urlset>'].join(
    '\n',
  );
}

/**
 * The articles a news sitemap lists: published within `windowMs` before `now` (or later: a
 * publication time ahead of the build clock is still fresh), newest first, at most `max`.
 */
export function freshArticles<T extends { publicationTime: string }>(
  newestFirst: readonly T[],
  now: string,
  windowMs: number,
  max: number,
): T[] {
  const since = Date.parse(now) - windowMs;
  const fresh: T[] = [];
  for (const article of newestFirst) {
    // The list is newest first: the first one too old ends the search.
    if (Date.parse(article.publicationTime) < since || fresh.length >= max) break;
    fresh.push(article);
  }
  return fresh;
}
