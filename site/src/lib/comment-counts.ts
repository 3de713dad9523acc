/**
 * How many approved comments each article has, by documentId; an article without any is left
 * out (readers see no count then, as on a real paper's cards).
 */
export type CommentCounts = Record<string, number>;

/**
 * The counts of the whole build, worked out once from the approved comments grouped by article
 * (site-index.ts), instead of each page counting.
 *
 * @example
 * countComments({ a1: [c1, c2], a2: [] })
 * //=> { a1: 2 }
 */
export function countComments(byArticle: Record<string, readonly unknown[]>): CommentCounts {
  const counts: CommentCounts = {};
  for (const [documentId, comments] of Object.entries(byArticle)) {
    if (comments.length > 0) counts[documentId] = comments.length;
  }
  return counts;
}

/**
 * The counts a list page shows: those of its own articles, in list order. They go into the
 * page's props because an approval leaves the article's `updatedAt` as it was, so without them
 * an incremental build would keep the old count (render-plan.ts hashes the props).
 *
 * @example
 * countsOf([{ documentId: 'a2' }, { documentId: 'a1' }], { a1: 2, a3: 1 })
 * //=> { a1: 2 }
 */
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

/**
 * What the article and its cards print.
 *
 * @example
 * commentCountLabel(3)
 * //=> 'Bình luận (3)'
 */
export const commentCountLabel = (count: number) => `Bình luận (${count})`;
