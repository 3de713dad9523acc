import { articlePath } from './urls';

export interface MovableArticle {
  slug: string;
  number: number;
  category: { slug: string };
  formerPaths: string[];
}

export interface RenamableCategory {
  slug: string;
  formerSlugs: string[];
}

/** An old address that must lead to `article`: `/<categorySlug>/<fileStem>.html`. */
export interface ArticleRedirect<A> {
  categorySlug: string;
  fileStem: string;
  path: string;
  article: A;
}

// An old article address, as the CMS records it. Anything else is skipped: the path becomes a
// file name, and a hand-edited entry must not write outside the article folders.
const ARTICLE_PATH = /^\/([a-z0-9-]+)\/([a-z0-9-]+-(\d+))\.html$/;

/** A slug given up and taken by another category joins both groups (numbers keep pages apart). */
function slugAliases(categories: readonly RenamableCategory[]): Map<string, Set<string>> {
  const aliases = new Map<string, Set<string>>();
  for (const category of categories) {
    const group = [category.slug, ...category.formerSlugs];
    for (const slug of group) {
      const known = aliases.get(slug) ?? new Set<string>();
      for (const alias of group) known.add(alias);
      aliases.set(slug, known);
    }
  }
  return aliases;
}

/** Every former address, and the current one under each former category slug, so no link breaks. */
export function findRedirects<A extends MovableArticle>(
  articles: readonly A[],
  categories: readonly RenamableCategory[],
): ArticleRedirect<A>[] {
  const aliases = slugAliases(categories);
  const taken = new Set(articles.map(articlePath));
  const redirects: ArticleRedirect<A>[] = [];

  for (const article of articles) {
    for (const known of [articlePath(article), ...article.formerPaths]) {
      const match = ARTICLE_PATH.exec(known.normalize('NFC'));
      // The number is the article's own: a path with another would lead readers astray.
      if (!match || Number(match[3]) !== article.number) continue;
      const [, categorySlug, fileStem] = match as unknown as [string, string, string];
      for (const alias of aliases.get(categorySlug) ?? [categorySlug]) {
        const path = `/${alias}/${fileStem}.html`;
        if (taken.has(path)) continue;
        taken.add(path);
        redirects.push({ categorySlug: alias, fileStem, path, article });
      }
    }
  }
  return redirects;
}
