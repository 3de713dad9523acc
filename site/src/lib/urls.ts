import type { AuthorLite, CategoryLite } from '@toasoan/shared';
import { AUTHORS_FOLDER } from '../consts';

/**
 * The article URL of the Vietnamese press: `/<category-slug>/<article-slug>-<number>.html`.
 * The number is the stable key; the slug is there for readers and search engines.
 *
 * @example
 * articlePath({ slug: 'truong-son', number: 12, category: { slug: 'thoi-su' } })
 * //=> '/thoi-su/truong-son-12.html'
 */
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

/** A category's first page: `/<category-slug>/`. */
export function categoryPath(category: Pick<CategoryLite, 'slug'>): string {
  return `/${category.slug}/`;
}

/** A category's RSS feed: `/<category-slug>/rss.xml`. */
export function categoryFeedPath(category: Pick<CategoryLite, 'slug'>): string {
  return `/${category.slug}/rss.xml`;
}

/** The list of every author. */
export const AUTHORS_PATH = `/${AUTHORS_FOLDER}/`;

/** An author's first page: `/tac-gia/<author-slug>/`. */
export function authorPath(author: Pick<AuthorLite, 'slug'>): string {
  return `/${AUTHORS_FOLDER}/${author.slug}/`;
}

/**
 * Page `page` of a paginated list whose first page is `firstPagePath`: page 1 is the list's own
 * address, page N its folder `trang-N/`. Not `<list>-N.html`: that is the shape of an article URL.
 *
 * @example
 * pagePath('/thoi-su/', 3)
 * //=> '/thoi-su/trang-3/'
 */
export function pagePath(firstPagePath: string, page: number): string {
  return page <= 1 ? firstPagePath : `${firstPagePath}trang-${page}/`;
}

/** The public URL of a site path, for canonical links, feeds and sitemaps. */
export function absoluteUrl(sitePath: string, siteUrl: string): string {
  return new URL(sitePath, `${siteUrl}/`).href;
}
