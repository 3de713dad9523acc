import type { AuthorLite, CategoryLite } from '@toasoan/shared';
import { AUTHORS_FOLDER } from '../consts';

/** The number is the stable key; the slug is there for readers and search engines. */
export function articlePath(article: {
  slug: string;
  number: number;
  category: Pick<CategoryLite, 'slug'>;
}): string {
  return `/${article.category.slug}/${articleFileStem(article)}.html`;
}

/** The `[article]` route parameter: the file name without `.html` (Astro adds it). */
export function articleFileStem(article: { slug: string; number: number }): string {
  return `${article.slug}-${article.number}`;
}

/** The search page; the header's form sends `?q=` there. */
export const SEARCH_PATH = '/tim-kiem/';

export function categoryPath(category: Pick<CategoryLite, 'slug'>): string {
  return `/${category.slug}/`;
}

export function categoryFeedPath(category: Pick<CategoryLite, 'slug'>): string {
  return `/${category.slug}/rss.xml`;
}

export const AUTHORS_PATH = `/${AUTHORS_FOLDER}/`;

export function authorPath(author: Pick<AuthorLite, 'slug'>): string {
  return `/${AUTHORS_FOLDER}/${author.slug}/`;
}

/** Page N is `trang-N/`, not `<list>-N.html`: that is the shape of an article URL. */
export function pagePath(firstPagePath: string, page: number): string {
  return page <= 1 ? firstPagePath : `${firstPagePath}trang-${page}/`;
}

export function absoluteUrl(sitePath: string, siteUrl: string): string {
  return new URL(sitePath, `${siteUrl}/`).href;
}
