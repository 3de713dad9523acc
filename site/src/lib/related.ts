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
 * The first `count` articles of a list, leaving `current` out.
 *
 * @example
 * latestExcept([{ documentId: 'a' }, { documentId: 'b' }], { documentId: 'a' }, 6)
 * //=> [{ documentId: 'b' }]
 */
export function latestExcept<T extends { documentId: string }>(
  newestFirst: readonly T[],
  current: { documentId: string },
  count: number,
): T[] {
  const result: T[] = [];
  for (const article of newestFirst) {
    if (result.length >= count) break;
    if (article.documentId !== current.documentId) result.push(article);
  }
  return result;
}

/** The first `count` articles of a list that are not in category `categorySlug`. */
export function latestOutside<T extends Listable>(
  newestFirst: readonly T[],
  categorySlug: string,
  count: number,
): T[] {
  const result: T[] = [];
  for (const article of newestFirst) {
    if (result.length >= count) break;
    if (article.category.slug !== categorySlug) result.push(article);
  }
  return result;
}

/** The two lists under an article: "Tin cùng chuyên mục" and "Các tin khác". */
export interface RelatedLists<T> {
  sameCategory: T[];
  otherCategories: T[];
}

/**
 * Prepares the related lists of every article of `newestFirst`: the latest `sameCount` of its
 * category (itself left out) and the latest `otherCount` of the other categories. The second
 * list is the same for every article of a category, so it is worked out once per category.
 */
export function createRelatedFinder<T extends Listable>(
  newestFirst: readonly T[],
  { sameCount, otherCount }: { sameCount: number; otherCount: number },
): (article: T) => RelatedLists<T> {
  const byCategory = groupByCategory(newestFirst);
  const outside = new Map<string, T[]>();
  return (article) => {
    const slug = article.category.slug;
    let otherCategories = outside.get(slug);
    if (!otherCategories) {
      otherCategories = latestOutside(newestFirst, slug, otherCount);
      outside.set(slug, otherCategories);
    }
    return {
      sameCategory: latestExcept(byCategory.get(slug) ?? [], article, sameCount),
      otherCategories,
    };
  };
}
