import { describe, expect, it } from 'vitest';
import { GAP, pageNumbers, paginate } from './pagination';
import { pagePath } from './urls';

const numbers = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

describe('paginate', () => {
  it.each([
    [0, [0]],
    [1, [1]],
    [20, [20]],
    [21, [20, 1]],
    [40, [20, 20]],
    [1000, Array.from({ length: 50 }, () => 20)],
  ])('cuts %i articles into pages of 20', (count, sizes) => {
    const pages = paginate(numbers(count), 20);
    expect(pages.map((page) => page.items.length)).toEqual(sizes);
    expect(pages.map((page) => page.page)).toEqual(numbers(sizes.length));
    for (const page of pages) {
      expect(page.pageCount).toBe(sizes.length);
      expect(page.total).toBe(count);
    }
    expect(pages.flatMap((page) => page.items)).toEqual(numbers(count));
  });

  it('refuses a page size that is not a whole number above 0', () => {
    expect(() => paginate([1], 0)).toThrow(RangeError);
    expect(() => paginate([1], 2.5)).toThrow(RangeError);
  });
});

describe('pageNumbers', () => {
  it.each([
    [1, 1, [1]],
    [1, 2, [1, 2]],
    [2, 2, [1, 2]],
    [1, 5, [1, 2, 3, 4, 5]],
    [1, 50, [1, 2, 3, GAP, 50]],
    [6, 50, [1, GAP, 4, 5, 6, 7, 8, GAP, 50]],
    // A gap of one page prints that page instead of "…".
    [5, 50, [1, 2, 3, 4, 5, 6, 7, GAP, 50]],
    [50, 50, [1, GAP, 48, 49, 50]],
  ])('page %i of %i links %j', (current, count, expected) => {
    expect(pageNumbers(current, count)).toEqual(expected);
  });
});

describe('pagePath', () => {
  it('keeps page 1 at the list address and puts the others in trang-N/ folders', () => {
    expect(pagePath('/thoi-su/', 1)).toBe('/thoi-su/');
    expect(pagePath('/thoi-su/', 2)).toBe('/thoi-su/trang-2/');
    expect(pagePath('/tac-gia/truong-son/', 50)).toBe('/tac-gia/truong-son/trang-50/');
  });

  it('never makes a path with the shape of an article URL', () => {
    expect(pagePath('/thoi-su/', 12)).not.toMatch(/^\/[a-z0-9-]+\/[a-z0-9-]+-\d+\.html$/);
  });
});
