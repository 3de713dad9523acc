// What the site reads of an article, named once: the site's REST query (ARTICLE_QUERY) and the
// CMS's export route (site-export) both build from these lists, so the two cannot drift apart.
// The order is the order REST writes the keys in.

/**
 * The article's own fields the site asks for.
 *
 * @example
 * SITE_ARTICLE_FIELDS.includes('body')
 * //=> true
 */
export const SITE_ARTICLE_FIELDS = [
  'title',
  'slug',
  'number',
  'sapo',
  'body',
  'coverCaption',
  'publicationTime',
  'tags',
  'seoDescription',
  'publishedAt',
  'updatedAt',
  // Publishing keeps it: with publishedAt, it tells a republished article from an import.
  'createdAt',
  // Addresses it was published under before a rename or a move: redirect pages lead from them.
  'formerPaths',
] as const;

/** Of the cover (an upload). */
export const SITE_COVER_FIELDS = ['url', 'alternativeText', 'caption', 'width', 'height'] as const;

/** Of the category and of each credited author. */
export const SITE_CATEGORY_FIELDS = ['name', 'slug'] as const;
export const SITE_AUTHOR_FIELDS = ['name', 'slug'] as const;

/** Of each credit (component `article.credit`), besides its author. */
export const SITE_CREDIT_FIELDS = ['role'] as const;
