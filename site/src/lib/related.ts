// Which articles a page lists, chosen from the whole archive once per build. A build renders
// tens of thousands of pages: each helper here reads a list already grouped and sorted, so a page
// costs a few steps, not a scan of the archive.

/** What these helpers need of an article (the site's RoutableArticle has it all). */
export interface Listable {
  documentId: string;
  category: { slug: string };
  credits: { author: { slug: string } | null }[];
}

/**
 * Groups articles by category slug, keeping their order (newest first when given newest first).
 *
 * @example
 * groupByCategory([{ documentId: 'a', category: { slug: 'x' }, credits: [] }]).get('x')?.length
 * //=> 1
 */
export function groupByCategory<T extends Listable>(articles: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const article of articles) {
    const group = groups.get(article.category.slug);
    if (group) group.push(article);
    else groups.set(article.category.slug, [article]);
  }
  return groups;
}

/**
 * Groups articles by the slug of every author credited on them (once per article, whatever
 * their roles), keeping their order.
 */
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

/**
 * Up to `count` articles of `list` that pass `accept`, nearest to position `index` and published
 * before it (they come after it in a newest-first list); when there are not enough, the nearest
 * published after it fill in. Newest first. The article at `index` itself is never among them.
 *
 * @example
 * around(['a', 'b', 'c', 'd'], 2, 2, () => true)
 * //=> ['b', 'd']
 */
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

/**
 * Prepares the related lists of every article of `newestFirst`: its neighbourhood, the
 * `sameCount` articles of its category and the `otherCount` of the other categories published
 * just before it (see `around`). Not the newest of the site: then every publish would change
 * every article page, and a build could no longer render only the pages a publish changed.
 */
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
