import type { Author, Category } from '@toasoan/shared';
import { ARTICLES_PER_PAGE } from '../consts';
import { paginate, type ListPage } from './pagination';
import { getSiteIndex } from './site-index';
import type { RoutableArticle } from './strapi/site-data';

// Type aliases, not interfaces: they are route props, which Astro types as an index signature.
export type CategoryListPage = { category: Category; list: ListPage<RoutableArticle> };
export type AuthorListPage = { author: Author; list: ListPage<RoutableArticle> };

/** A category without articles gets one empty page: the menu links to it. */
export async function categoryListPages(): Promise<CategoryListPage[]> {
  const { data, byCategory } = await getSiteIndex();
  return data.categories.flatMap((category) =>
    paginate(byCategory.get(category.slug) ?? [], ARTICLES_PER_PAGE).map((list) => ({
      category,
      list,
    })),
  );
}

export async function authorListPages(): Promise<AuthorListPage[]> {
  const { data, byAuthor } = await getSiteIndex();
  return data.authors.flatMap((author) =>
    paginate(byAuthor.get(author.slug) ?? [], ARTICLES_PER_PAGE).map((list) => ({
      author,
      list,
    })),
  );
}
