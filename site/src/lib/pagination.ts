export interface ListPage<T> {
  /** 1-based. */
  page: number;
  /** At least 1: an empty list still gets its (empty) page. */
  pageCount: number;
  items: T[];
  total: number;
}

/** An empty list gives one empty page: a category without articles keeps the menu's link. */
export function paginate<T>(items: readonly T[], perPage: number): ListPage<T>[] {
  if (!Number.isInteger(perPage) || perPage < 1) {
    throw new RangeError(`perPage must be a whole number above 0, not ${perPage}`);
  }
  const pageCount = Math.max(1, Math.ceil(items.length / perPage));
  return Array.from({ length: pageCount }, (_, index) => ({
    page: index + 1,
    pageCount,
    items: items.slice(index * perPage, (index + 1) * perPage),
    total: items.length,
  }));
}

/** A gap in the row of page numbers, printed as "…". */
export const GAP = 'gap';

/** First, last and `around` the current one: links to all 50 pages would bury those that matter. */
export function pageNumbers(
  current: number,
  pageCount: number,
  around = 2,
): (number | typeof GAP)[] {
  const shown = new Set<number>([1, pageCount]);
  for (let page = current - around; page <= current + around; page++) {
    if (page >= 1 && page <= pageCount) shown.add(page);
  }
  const sorted = [...shown].sort((a, b) => a - b);
  const result: (number | typeof GAP)[] = [];
  for (const page of sorted) {
    const previous = result.at(-1);
    // A gap of a single page is not worth an ellipsis: print the page instead.
    if (typeof previous === 'number' && page - previous === 2) result.push(previous + 1);
    else if (typeof previous === 'number' && page - previous > 2) result.push(GAP);
    result.push(page);
  }
  return result;
}
