import { toIsoGmt7 } from '@toasoan/shared';
import { xmlElement } from './xml';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** The protocol allows 50,000 URLs a file; at ~150 bytes a URL this stays near 1.5 MB. */
export const URLS_PER_SITEMAP = 10_000;

export interface SitemapEntry {
  /** Absolute URL. */
  url: string;
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

/** Articles are filed by number, so a publish rewrites one file (README, "Sitemaps…"). */
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

const urlElement =
  (name: 'url' | 'sitemap') =>
  ({ url, lastModified }: SitemapEntry): string => {
    const lastmod = lastModified ? xmlElement('lastmod', toIsoGmt7(lastModified)) : '';
    return `<${name}>${xmlElement('loc', url)}${lastmod}</${name}>`;
  };

export function renderSitemap(entries: readonly SitemapEntry[]): string {
  return [`<urlset xmlns="${SITEMAP_NS}">`, ...entries.map(urlElement('url')), '</urlset>'].join(
    '\n',
  );
}

/** A file's lastmod is its newest entry's, so the index changes only when a file does. */
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

export interface NewsSitemapEntry {
  url: string;
  title: string;
  publicationTime: string;
}

/** A Google News sitemap; an empty one is valid, and says there is no fresh news. */
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

/** A publication time ahead of the build clock still counts as fresh. */
export function freshArticles<T extends { publicationTime: string }>(
  newestFirst: readonly T[],
  now: string,
  windowMs: number,
  max: number,
): T[] {
  const since = Date.parse(now) - windowMs;
  const fresh: T[] = [];
  for (const article of newestFirst) {
    if (Date.parse(article.publicationTime) < since || fresh.length >= max) break;
    fresh.push(article);
  }
  return fresh;
}
