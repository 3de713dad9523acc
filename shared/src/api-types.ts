import { z } from 'zod';

// Schemas of the Strapi 5 REST payloads the site reads. Strapi 5 returns flat entries (no
// `attributes` wrapper) that always carry `id` and `documentId`; `documentId` is the stable key
// across draft and published versions, so links between entries use it. Unknown keys (createdAt,
// locale, …) are stripped rather than rejected: the site asks for the fields it needs, and a
// field added to the CMS later must not break a build. A missing required field does fail.

const isoDateTime = z.string().datetime({ offset: true });

// Text fields a journalist may leave empty come back as null; the site renders them as ''.
const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? '');

/** One resized rendition of an uploaded image (thumbnail, small, medium, large). */
export const mediaFormatSchema = z.object({
  url: z.string(),
  width: z.number().nullable().optional(),
  height: z.number().nullable().optional(),
  mime: z.string().optional(),
});

/**
 * An uploaded file, as populated on a media field (cover, avatar). `width`/`height` are null
 * for files that are not raster images, such as SVG.
 *
 * @example
 * mediaSchema.parse({ url: '/uploads/a.jpg', alternativeText: null, width: 800, height: 600 }).url
 * //=> '/uploads/a.jpg'
 */
export const mediaSchema = z.object({
  id: z.number().int().optional(),
  documentId: z.string().optional(),
  url: z.string(),
  alternativeText: z.string().nullable(),
  /** The picture's own caption in the media library; an article's coverCaption comes first. */
  caption: z.string().nullable().optional(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  formats: z.record(z.string(), mediaFormatSchema).nullable().optional(),
});

const entity = { id: z.number().int(), documentId: z.string() };

// Lists the CMS keeps itself (former addresses, former slugs): null until first written, and a
// hand-edited entry that is not a string is dropped rather than failing the build.
const stringList = z
  .array(z.unknown())
  .nullish()
  .transform((values) =>
    (values ?? []).filter((value): value is string => typeof value === 'string' && value !== ''),
  );

/** A category as populated on an article: enough for links and breadcrumbs. */
export const categoryLiteSchema = z.object({ ...entity, name: z.string(), slug: z.string() });

/**
 * A category of `/api/categories`.
 *
 * @example
 * categorySchema.parse({ id: 1, documentId: 'c1', name: 'Thời sự', slug: 'thoi-su', order: 0 }).slug
 * //=> 'thoi-su'
 */
export const categorySchema = categoryLiteSchema.extend({
  description: z.string().nullable().optional(),
  order: z.number().int(),
  /** Slugs the category had before, oldest first: its old article addresses still work. */
  formerSlugs: stringList,
});

/** An author as populated inside a credit: enough for the byline and a link. */
export const authorLiteSchema = z.object({ ...entity, name: z.string(), slug: z.string() });

/**
 * An author of `/api/authors` (the email is private and never sent).
 *
 * @example
 * authorSchema.parse({ id: 4, documentId: 'u1', name: 'Trường Sơn', slug: 'truong-son', bio: null }).name
 * //=> 'Trường Sơn'
 */
export const authorSchema = authorLiteSchema.extend({
  bio: z.string().nullable(),
  avatar: mediaSchema.nullable().optional(),
});

/**
 * One entry of an article's credits (component `article.credit`); `author` is null when the
 * author was deleted.
 *
 * @example
 * creditSchema.parse({ id: 7, role: 'Bài, ảnh', author: null }).role
 * //=> 'Bài, ảnh'
 */
export const creditSchema = z.object({
  id: z.number().int().optional(),
  // Not an enum of CREDIT_ROLES: an unknown role should print, not fail the whole build.
  role: z.string(),
  author: authorLiteSchema.nullable(),
});

/**
 * A published article of `/api/articles`. Empty `sapo` and `body` parse to '' and missing
 * `credits` and `formerPaths` to [], so pages need no null checks for them.
 *
 * @example
 * articleSchema.shape.credits.parse(undefined)
 * //=> []
 */
export const articleSchema = z.object({
  ...entity,
  title: z.string(),
  slug: z.string(),
  number: z.number().int(),
  sapo: optionalText,
  body: optionalText,
  cover: mediaSchema.nullable().optional(),
  coverCaption: z.string().nullable(),
  category: categoryLiteSchema.nullable().optional(),
  credits: z.array(creditSchema).default([]),
  publicationTime: isoDateTime,
  publishedAt: isoDateTime,
  updatedAt: isoDateTime,
  tags: z.array(z.string()).nullable().optional(),
  seoDescription: z.string().nullable().optional(),
  /** Site paths the article was published under before (`/thoi-su/cu-12.html`), oldest first. */
  formerPaths: stringList,
});

/**
 * `meta.pagination` of a list response (page-based paging, Strapi's default).
 *
 * @example
 * paginationSchema.parse({ page: 1, pageSize: 100, pageCount: 3, total: 250 }).pageCount
 * //=> 3
 */
export const paginationSchema = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  total: z.number().int(),
});

/**
 * The schema of a Strapi 5 list response whose entries match `itemSchema`.
 *
 * @example
 * listResponse(categorySchema).parse({
 *   data: [{ id: 1, documentId: 'c1', name: 'Thời sự', slug: 'thoi-su', order: 0 }],
 *   meta: { pagination: { page: 1, pageSize: 25, pageCount: 1, total: 1 } },
 * }).data[0].name
 * //=> 'Thời sự'
 */
export function listResponse<T extends z.ZodTypeAny>(itemSchema: T) {
  return z.object({
    data: z.array(itemSchema),
    meta: z.object({ pagination: paginationSchema }),
  });
}

/**
 * The schema of a page of `GET /api/site-export`: entries in keyset order and the cursor of the
 * next page (null after the last).
 *
 * @example
 * exportResponse(categoryLiteSchema).parse({ data: [], meta: { next: null } }).meta.next
 * //=> null
 */
export function exportResponse<T extends z.ZodTypeAny>(itemSchema: T) {
  return z.object({
    data: z.array(itemSchema),
    meta: z.object({ next: z.number().int().nullable() }),
  });
}

const versions = z.array(z.tuple([z.string(), z.string()]));

/**
 * `GET /api/site-sync`: `[documentId, updatedAt]` of every published article that has a category
 * and of every approved comment; a build diffs it against the data it starts from.
 *
 * @example
 * siteSyncSchema.parse({ articles: [['a1', '2026-11-01T01:00:00.000Z']], comments: [] }).articles[0][0]
 * //=> 'a1'
 */
export const siteSyncSchema = z.object({ articles: versions, comments: versions });

export type SiteSync = z.infer<typeof siteSyncSchema>;
export type MediaFormat = z.infer<typeof mediaFormatSchema>;
export type Media = z.infer<typeof mediaSchema>;
export type CategoryLite = z.infer<typeof categoryLiteSchema>;
export type Category = z.infer<typeof categorySchema>;
export type AuthorLite = z.infer<typeof authorLiteSchema>;
export type Author = z.infer<typeof authorSchema>;
export type Credit = z.infer<typeof creditSchema>;
export type Article = z.infer<typeof articleSchema>;
export type Pagination = z.infer<typeof paginationSchema>;
/** A parsed list response: `{ data, meta: { pagination } }`. */
export type ListResponse<T> = { data: T[]; meta: { pagination: Pagination } };
