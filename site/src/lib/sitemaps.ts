import { toIsoGmt7 } from '@toasoan/shared';
import { xmlElement } from './xml';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** One address of sitemap.xml. */
export interface SitemapEntry {
  /** Absolute URL. */
  url: string;
  /** ISO 8601 of the last change, when known. */
  lastModified?: string;
}

/** A sitemaps.org `urlset` (at most 50,000 entries per file, which the caller keeps to). */
export function renderSitemap(entries: SitemapEntry[]): string {
  const urls = entries.map(({ url, lastModified }) => {
    const lastmod = lastModified ? xmlElement('lastmod', toIsoGmt7(lastModified)) : '';
    return `<url>${xmlElement('loc', url)}${lastmod}</url>`;
  });
  return [`<urlset xmlns="${SITEMAP_NS}">`, ...urls, '</urlset>'].join('\n');
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
