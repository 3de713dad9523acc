// Each helper reads a list grouped and sorted once per build: a page costs a few steps, not a scan.

export interface Listable {
  documentId: string;
  category: { slug: string };
  credits: { author: { slug: string } | null }[];
}

export function groupByCategory<T extends Listable>(articles: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const article of articles) {
    const group = groups.get(article.category.slug);
    if (group) group.push(article);
    else groups.set(article.category.slug, [article]);
  }
  return groups;
}

/** Once per article, whatever the author's roles. */
export function groupByAuthor<T extends Listable>(articles: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const article of articles) {
    const slugs = new Set(article.credits.flatMap((credit) => credit.author?.slug ?? []));
    for (const slug of slugs) {
      const group = groups.get(slug);
      if (group) group.push(article);
      else groups.set(slug, [article]);
    }
  }
  return groups;
}

/** The nearest published before `index` (after it in the list), then after if too few. */
export function around<T>(
  list: readonly T[],
  index: number,
  count: number,
  accept: (item: T) => boolean,
): T[] {
  const before: T[] = [];
  for (let next = index + 1; next < list.length && before.length < count; next++) {
    if (accept(list[next]!)) before.push(list[next]!);
  }
  const after: T[] = [];
  for (let next = index - 1; next >= 0 && before.length + after.length < count; next--) {
    if (accept(list[next]!)) after.push(list[next]!);
  }
  return [...after.reverse(), ...before];
}

/** The two lists under an article: "Tin cùng chuyên mục" and "Các tin khác". */
export interface RelatedLists<T> {
  sameCategory: T[];
  otherCategories: T[];
}

/** The neighbourhood, not the newest: else every publish would change every article page. */
export function createRelatedFinder<T extends Listable>(
  newestFirst: readonly T[],
  { sameCount, otherCount }: { sameCount: number; otherCount: number },
): (article: T) => RelatedLists<T> {
  const byCategory = groupByCategory(newestFirst);
  const position = new Map(newestFirst.map((article, index) => [article.documentId, index]));
  const positionInCategory = new Map(
    [...byCategory.values()].flatMap((list) =>
      list.map((article, index) => [article.documentId, index] as const),
    ),
  );
  return (article) => {
    const slug = article.category.slug;
    return {
      sameCategory: around(
        byCategory.get(slug) ?? [],
        positionInCategory.get(article.documentId) ?? -1,
        sameCount,
        (other) => other.documentId !== article.documentId,
      ),
      otherCategories: around(
        newestFirst,
        position.get(article.documentId) ?? -1,
        otherCount,
        (other) => other.category.slug !== slug,
      ),
    };
  };
}
