import { articleSchema, categoryLiteSchema, listResponse } from '@toasoan/shared';

// Not among @toasoan/shared's schemas yet: built from their field types, so the site needs no zod
// of its own (`title` is a required string, `publishedAt` an ISO 8601 instant).
const commentSchema = categoryLiteSchema.pick({ id: true, documentId: true, name: true }).extend({
  body: articleSchema.shape.title,
  createdAt: articleSchema.shape.publishedAt,
  updatedAt: articleSchema.shape.publishedAt,
  article: categoryLiteSchema.pick({ documentId: true }).nullable().optional(),
});

export const commentPageSchema = listResponse(commentSchema);

export type CommentEntry = ReturnType<typeof commentSchema.parse>;

/** An approved comment as a page prints it: no e-mail, no article, plain text. */
export interface SiteComment {
  id: number;
  name: string;
  body: string;
  createdAt: string;
}

/** Comments whose article is gone or unpublished (no `article`) are left out. */
export function groupCommentsByArticle(
  comments: readonly Omit<CommentEntry, 'updatedAt'>[],
): Record<string, SiteComment[]> {
  const byArticle: Record<string, SiteComment[]> = {};
  for (const { id, name, body, createdAt, article } of comments) {
    if (!article) continue;
    (byArticle[article.documentId] ??= []).push({ id, name, body, createdAt });
  }
  return byArticle;
}
