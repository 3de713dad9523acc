/** Approved comments by documentId; an article without any is left out (no count shown). */
export type CommentCounts = Record<string, number>;

export function countComments(byArticle: Record<string, readonly unknown[]>): CommentCounts {
  const counts: CommentCounts = {};
  for (const [documentId, comments] of Object.entries(byArticle)) {
    if (comments.length > 0) counts[documentId] = comments.length;
  }
  return counts;
}

/** A list page's props: an approval leaves `updatedAt` as it was (render-plan.ts hashes props). */
export function countsOf(
  articles: readonly { documentId: string }[],
  counts: CommentCounts,
): CommentCounts {
  const shown: CommentCounts = {};
  for (const { documentId } of articles) {
    const count = counts[documentId];
    if (count) shown[documentId] = count;
  }
  return shown;
}

export const commentCountLabel = (count: number) => `Bình luận (${count})`;
