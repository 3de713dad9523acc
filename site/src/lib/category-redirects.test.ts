import { describe, expect, it } from 'vitest';
import { formerCategoryPages } from './category-redirects';

const slugsOf = (pages: { formerSlug: string; category: { slug: string } }[]) =>
  pages.map(({ formerSlug, category }) => `${formerSlug} → ${category.slug}`);

describe('formerCategoryPages', () => {
  it('leads each former slug to the category that had it', () => {
    expect(
      slugsOf(
        formerCategoryPages([
          { slug: 'kinh-te', formerSlugs: ['kinh-doanh', 'tai-chinh'] },
          { slug: 'thoi-su', formerSlugs: [] },
        ]),
      ),
    ).toEqual(['kinh-doanh → kinh-te', 'tai-chinh → kinh-te']);
  });

  it('never replaces a live category page', () => {
    // "the-thao" was renamed to "bong-da", and a new category took "the-thao" again.
    expect(
      slugsOf(
        formerCategoryPages([
          { slug: 'bong-da', formerSlugs: ['the-thao'] },
          { slug: 'the-thao', formerSlugs: [] },
        ]),
      ),
    ).toEqual([]);
  });

  it('writes a former slug two categories had once, for the first of them', () => {
    expect(
      slugsOf(
        formerCategoryPages([
          { slug: 'a', formerSlugs: ['cu'] },
          { slug: 'b', formerSlugs: ['cu'] },
        ]),
      ),
    ).toEqual(['cu → a']);
  });

  it('skips entries that are not slugs', () => {
    expect(
      slugsOf(formerCategoryPages([{ slug: 'a', formerSlugs: ['../etc', 'Hoa', ''] }])),
    ).toEqual([]);
  });
});
