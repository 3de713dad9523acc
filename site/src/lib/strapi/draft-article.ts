import {
  articleSchema,
  categorySchema,
  listResponse,
  normalizeDeep,
  type Category,
} from '@toasoan/shared';
import type { SiteConfig } from '../config';
import { StrapiClient } from './client';
import { ARTICLE_QUERY, CATEGORY_QUERY } from './queries';

// A draft has not been published: no publication time yet (publishing sets it), perhaps no
// section. Everything else is read as for the live page.
const draftSchema = articleSchema.extend({
  publicationTime: articleSchema.shape.publicationTime.nullable(),
  publishedAt: articleSchema.shape.publishedAt.nullable(),
});

export type DraftArticle = ReturnType<typeof draftSchema.parse>;

export interface DraftPreview {
  article: DraftArticle;
  categories: Category[];
}

/** Asks once, with a short timeout: a journalist waits for the answer. */
export async function fetchDraftPreview(
  config: SiteConfig,
  documentId: string,
): Promise<DraftPreview | undefined> {
  const client = new StrapiClient({
    baseUrl: config.strapiUrl,
    token: config.previewToken,
    attempts: 2,
    timeoutMs: 10_000,
  });
  const { sort: _sort, ...query } = ARTICLE_QUERY;
  const [articles, categories] = await Promise.all([
    client.getByDocumentIds(
      'articles',
      { ...query, status: 'draft' },
      [documentId],
      listResponse(draftSchema),
    ),
    client.getAll('categories', CATEGORY_QUERY, listResponse(categorySchema)),
  ]);
  const [article] = articles;
  return article && normalizeDeep({ article, categories });
}
