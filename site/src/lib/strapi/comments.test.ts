import { describe, expect, it } from 'vitest';
import { commentPageSchema, groupCommentsByArticle } from './comments';

describe('comments', () => {
  it('reads a page of /api/comments and files the comments by article, in order', () => {
    const page = commentPageSchema.parse({
      data: [
        {
          id: 1,
          documentId: 'c1',
          name: 'An',
          body: 'Một',
          createdAt: '2026-11-01T01:00:00.000Z',
          updatedAt: '2026-11-01T01:00:00.000Z',
          article: { id: 9, documentId: 'a1', number: 3 },
        },
        {
          id: 2,
          documentId: 'c2',
          name: 'Bình',
          body: 'Hai',
          createdAt: '2026-11-01T02:00:00.000Z',
          updatedAt: '2026-11-01T02:00:00.000Z',
          article: null,
        },
        {
          id: 3,
          documentId: 'c3',
          name: 'Chi',
          body: 'Ba',
          createdAt: '2026-11-01T03:00:00.000Z',
          updatedAt: '2026-11-01T03:00:00.000Z',
          article: { id: 9, documentId: 'a1', number: 3 },
        },
      ],
      meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: 3 } },
    });
    expect(groupCommentsByArticle(page.data)).toEqual({
      a1: [
        { id: 1, name: 'An', body: 'Một', createdAt: '2026-11-01T01:00:00.000Z' },
        { id: 3, name: 'Chi', body: 'Ba', createdAt: '2026-11-01T03:00:00.000Z' },
      ],
    });
  });

  it('rejects a comment without a body', () => {
    expect(() =>
      commentPageSchema.parse({
        data: [{ id: 1, documentId: 'c1', name: 'An', createdAt: '2026-11-01T01:00:00.000Z' }],
        meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: 1 } },
      }),
    ).toThrow();
  });
});
