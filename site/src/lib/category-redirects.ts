export interface RenamedCategory {
  slug: string;
  formerSlugs: string[];
}

// A slug as the CMS makes them; anything else (a hand-edited entry) would become a folder name.
const SLUG = /^[a-z0-9-]+$/;

/** A former slug a category holds now keeps its page; one two categories had leads to the first. */
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
