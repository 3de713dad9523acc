import { describe, expect, it } from 'vitest';
import { parseSiteSync } from './sync-index';

describe('the sync index', () => {
  it('takes pairs of document id and time', () => {
    const index = { articles: [['a1', '2026-11-01T01:00:00.000Z']], comments: [] };
    expect(parseSiteSync(index)).toEqual(index);
  });

  it.each([
    ['no comments', { articles: [] }],
    ['a pair of three', { articles: [['a1', 't', 'x']], comments: [] }],
    ['a number for a time', { articles: [['a1', 5]], comments: [] }],
    ['no object at all', null],
  ])('refuses %s with zod saying what is wrong', (_, value) => {
    const error = (() => {
      try {
        parseSiteSync(value);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toMatchObject({ name: 'ZodError' });
  });
});
