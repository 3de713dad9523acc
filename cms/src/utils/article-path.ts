import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from './content-types';

/** The fields of an article row that make its address, plus the list of former ones. */
export interface ArticleVersion {
  id: number;
  slug: string | null;
  number: number | null;
  publishedAt: string | Date | null;
  formerPaths: unknown;
  category: { slug: string | null } | null;
}

/** As articlePath in site/src/lib/urls.ts; null without a category (not on the site). */
export function articlePathOf(version: ArticleVersion | undefined): string | null {
  if (!version?.slug || version.number == null || !version.category?.slug) return null;
  return `/${version.category.slug}/${version.slug}-${version.number}.html`;
}

/** The draft and the published version of an article (either may be missing). */
export async function findArticleVersions(
  strapi: Core.Strapi,
  documentId: string,
): Promise<{ draft?: ArticleVersion; published?: ArticleVersion }> {
  const rows: ArticleVersion[] = await strapi.db.query(ARTICLE_UID).findMany({
    select: ['id', 'slug', 'number', 'publishedAt', 'formerPaths'],
    where: { documentId },
    populate: { category: { select: ['slug'] } },
  });
  return {
    draft: rows.find((row) => row.publishedAt == null),
    published: rows.find((row) => row.publishedAt != null),
  };
}
