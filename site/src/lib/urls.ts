import type { CategoryLite } from '@toasoan/shared';

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

/** A category's page (built by a later issue; the link is already stable). */
export function categoryPath(category: Pick<CategoryLite, 'slug'>): string {
  return `/${category.slug}/`;
}

/**
 * Makes a media URL from Strapi absolute: the local upload provider returns paths such as
 * `/uploads/photo.jpg` relative to the CMS. (A later issue downloads and optimizes images.)
 */
export function absoluteMediaUrl(url: string, strapiUrl: string): string {
  return new URL(url, `${strapiUrl}/`).href;
}

/** Rewrites the CMS-relative image sources of rendered body HTML to absolute URLs. */
export function absolutizeUploads(html: string, strapiUrl: string): string {
  return html.replace(
    /(<img\b[^>]*?\ssrc=")(\/[^"]*)"/g,
    (_, before: string, src: string) => `${before}${absoluteMediaUrl(src, strapiUrl)}"`,
  );
}
