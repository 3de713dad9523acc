import { z } from 'zod';

// Unknown keys are stripped, not rejected: a field added to the CMS later must not break a build.

const isoDateTime = z.string().datetime({ offset: true });

const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? '');

export const mediaFormatSchema = z.object({
  url: z.string(),
  width: z.number().nullable().optional(),
  height: z.number().nullable().optional(),
  mime: z.string().optional(),
});

/** An uploaded file; `width` and `height` are null for SVG and other non-raster files. */
export const mediaSchema = z.object({
  id: z.number().int().optional(),
  documentId: z.string().optional(),
  url: z.string(),
  alternativeText: z.string().nullable(),
  /** The media library's caption; an article's coverCaption comes first. */
  caption: z.string().nullable().optional(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  formats: z.record(z.string(), mediaFormatSchema).nullable().optional(),
});

const entity = { id: z.number().int(), documentId: z.string() };

// Null until first written; a hand-edited entry that is not a string is dropped, not fatal.
const stringList = z
  .array(z.unknown())
  .nullish()
  .transform((values) =>
    (values ?? []).filter((value): value is string => typeof value === 'string' && value !== ''),
  );

export const categoryLiteSchema = z.object({ ...entity, name: z.string(), slug: z.string() });

export const categorySchema = categoryLiteSchema.extend({
  description: z.string().nullable().optional(),
  order: z.number().int(),
  /** Oldest first: the old article addresses still work. */
  formerSlugs: stringList,
});

export const authorLiteSchema = z.object({ ...entity, name: z.string(), slug: z.string() });

/** The email is private and never sent. */
export const authorSchema = authorLiteSchema.extend({
  bio: z.string().nullable(),
  avatar: mediaSchema.nullable().optional(),
});

/** Component `article.credit`; `author` is null when the author was deleted. */
export const creditSchema = z.object({
  id: z.number().int().optional(),
  // Not an enum of CREDIT_ROLES: an unknown role should print, not fail the whole build.
  role: z.string(),
  author: authorLiteSchema.nullable(),
});

/** Empty `sapo` and `body` parse to '', missing `credits` and `formerPaths` to []. */
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
  /** Paths it was published under before (`/thoi-su/cu-12.html`), oldest first. */
  formerPaths: stringList,
});

export const paginationSchema = z.object({
  page: z.number().int(),
  pageSize: z.number().int(),
  pageCount: z.number().int(),
  total: z.number().int(),
});

export function listResponse<T extends z.ZodTypeAny>(itemSchema: T) {
  return z.object({
    data: z.array(itemSchema),
    meta: z.object({ pagination: paginationSchema }),
  });
}

/** A page of `GET /api/site-export`, in keyset order; `next` is null after the last page. */
export function exportResponse<T extends z.ZodTypeAny>(itemSchema: T) {
  return z.object({
    data: z.array(itemSchema),
    meta: z.object({ next: z.number().int().nullable() }),
  });
}

const versions = z.array(z.tuple([z.string(), z.string()]));

/** `[documentId, updatedAt]` of every published article with a category and approved comment. */
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
export type ListResponse<T> = { data: T[]; meta: { pagination: Pagination } };
