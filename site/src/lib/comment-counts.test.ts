import { describe, expect, it } from 'vitest';
import { commentCountLabel, countComments, countsOf, type CommentCounts } from './comment-counts';
import { hashProps } from './incremental/render-plan';
import { groupCommentsByArticle } from './strapi/comments';

const comment = (id: number, article: string | null) => ({
  id,
  documentId: `c${id}`,
  name: 'Bạn đọc',
  body: 'Bài viết hay.',
  createdAt: `2026-11-27T0${id}:00:00.000Z`,
  article: article === null ? null : { documentId: article },
});

describe('countComments', () => {
  it('counts the approved comments of each article, as the site groups them', () => {
    const byArticle = groupCommentsByArticle([
      comment(1, 'a1'),
      comment(2, 'a2'),
      comment(3, 'a1'),
      comment(4, null),
    ]);
    expect(countComments(byArticle)).toEqual({ a1: 2, a2: 1 });
  });

  it('leaves out articles without a comment', () => {
    expect(countComments({ a1: [], a2: ['x'] })).toEqual({ a2: 1 });
    expect(countComments({})).toEqual({});
  });
});

describe('countsOf', () => {
  const counts = { a1: 2, a3: 1, a9: 5 };

  it('keeps the counts of the listed articles only, in list order', () => {
    const shown = countsOf(
      [{ documentId: 'a3' }, { documentId: 'a2' }, { documentId: 'a1' }],
      counts,
    );
    expect(shown).toEqual({ a3: 1, a1: 2 });
    expect(Object.keys(shown)).toEqual(['a3', 'a1']);
  });

  it('is empty for a list without commented articles', () => {
    expect(countsOf([{ documentId: 'a2' }], counts)).toEqual({});
    expect(countsOf([], counts)).toEqual({});
  });

  it("changes a list page's hash when a listed article gets a comment, not when another does", () => {
    // Articles stand in a hash as documentId@updatedAt, which an approval leaves as it was.
    const list = ['a1', 'a2'].map((documentId) => ({
      documentId,
      updatedAt: '2026-11-27T01:00:00.000Z',
      publicationTime: '2026-11-27T01:00:00.000Z',
    }));
    const hashWith = (all: CommentCounts) =>
      hashProps('category-page', { list: { items: list }, commentCounts: countsOf(list, all) });
    const before = hashWith(counts);
    expect(hashWith({ ...counts, a9: 6 })).toBe(before);
    expect(hashWith({ ...counts, a2: 1 })).not.toBe(before);
    expect(hashWith({ ...counts, a1: 3 })).not.toBe(before);
  });
});

describe('commentCountLabel', () => {
  it('prints the count as Vietnamese papers do', () => {
    expect(commentCountLabel(0)).toBe('Bình luận (0)');
    expect(commentCountLabel(12)).toBe('Bình luận (12)');
  });
});
