/** What a category-page redirect needs: the category's slug now and the ones it had before. */
export interface RenamedCategory {
  slug: string;
  formerSlugs: string[];
}

// A slug as the CMS makes them; anything else (a hand-edited entry) would become a folder name.
const SLUG = /^[a-z0-9-]+$/;

/**
 * The old slugs of renamed categories, under which their first page (as a page leading to the
 * current one) and their feed are written again. A former slug that a category holds now keeps that category's
 * page; one that two categories had leads to the first of them.
 *
 * @example
 * formerCategoryPages([{ slug: 'kinh-te', formerSlugs: ['kinh-doanh'] }])
 * //=> [{ formerSlug: 'kinh-doanh', category: { slug: 'kinh-te', formerSlugs: ['kinh-doanh'] } }]
 */
export function formerCategoryPages<C extends RenamedCategory>(
  categories: readonly C[],
): { formerSlug: string; category: C }[] {
  const taken = new Set(categories.map((category) => category.slug));
  const pages: { formerSlug: string; category: C }[] = [];
  for (const category of categories) {
    for (const formerSlug of category.formerSlugs) {
      if (!SLUG.test(formerSlug) || taken.has(formerSlug)) continue;
      taken.add(formerSlug);
      pages.push({ formerSlug, category });
    }
  }
  return pages;
}
