import {
  SITE_ARTICLE_FIELDS,
  SITE_AUTHOR_FIELDS,
  SITE_CATEGORY_FIELDS,
  SITE_COVER_FIELDS,
  SITE_CREDIT_FIELDS,
} from '@toasoan/shared';
import type { StrapiQuery } from './query';

// Every field is named, never populate=*: the payload then grows with what the pages need,
// not with the content model, and a field added to the CMS later is not published by accident.

export const ARTICLE_QUERY = {
  fields: SITE_ARTICLE_FIELDS,
  populate: {
    cover: { fields: SITE_COVER_FIELDS },
    category: { fields: SITE_CATEGORY_FIELDS },
    credits: { fields: SITE_CREDIT_FIELDS, populate: { author: { fields: SITE_AUTHOR_FIELDS } } },
  },
  // The id breaks ties within a second, so paging never overlaps or skips entries.
  sort: ['publicationTime:desc', 'id:desc'],
} as const satisfies StrapiQuery;

export const CATEGORY_QUERY = {
  // formerSlugs: the category's old addresses, under which its articles' old URLs still work.
  fields: ['name', 'slug', 'description', 'order', 'formerSlugs'],
  sort: ['order:asc', 'name:asc'],
} as const satisfies StrapiQuery;

export const AUTHOR_QUERY = {
  fields: ['name', 'slug', 'bio'],
  populate: { avatar: { fields: ['url', 'alternativeText', 'width', 'height'] } },
  sort: ['name:asc'],
} as const satisfies StrapiQuery;

/** The CMS's published-only route middleware leaves unpublished articles out of the populate. */
export const COMMENT_QUERY = {
  fields: ['name', 'body', 'createdAt', 'updatedAt'],
  filters: { moderation: { $eq: 'approved' } },
  populate: { article: { fields: ['number'] } },
  sort: ['createdAt:asc', 'id:asc'],
} as const satisfies StrapiQuery;
