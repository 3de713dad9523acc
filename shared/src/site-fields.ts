// The site's REST query and the CMS's site-export route both build from these lists, so they
// cannot drift apart. The order is the order REST writes the keys in.

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
  'formerPaths',
] as const;

export const SITE_COVER_FIELDS = ['url', 'alternativeText', 'caption', 'width', 'height'] as const;

export const SITE_CATEGORY_FIELDS = ['name', 'slug'] as const;
export const SITE_AUTHOR_FIELDS = ['name', 'slug'] as const;

export const SITE_CREDIT_FIELDS = ['role'] as const;
