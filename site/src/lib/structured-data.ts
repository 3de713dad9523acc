import { toIsoGmt7 } from '@toasoan/shared';
import { creditedPeople, modifiedTime, type ArticleTimes } from './article-meta';
import { absoluteUrl, authorPath } from './urls';

export interface StructuredArticle extends ArticleTimes {
  title: string;
  sapo: string;
  tags?: string[] | null;
  category: { name: string };
  credits: { role: string; author: { name: string; slug: string } | null }[];
}

export interface StructuredArticleContext {
  url: string;
  imageUrl?: string;
  siteName: string;
  siteUrl: string;
}

/** As https://developers.google.com/search/docs/appearance/structured-data/article reads it. */
export function newsArticleJsonLd(
  article: StructuredArticle,
  { url, imageUrl, siteName, siteUrl }: StructuredArticleContext,
): Record<string, unknown> {
  const publisher = { '@type': 'Organization', name: siteName, url: absoluteUrl('/', siteUrl) };
  const people = creditedPeople(article.credits).map((person) => ({
    '@type': 'Person',
    name: person.name,
    url: absoluteUrl(authorPath(person), siteUrl),
  }));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: article.title,
    ...(article.sapo ? { description: article.sapo } : {}),
    ...(imageUrl ? { image: [imageUrl] } : {}),
    datePublished: toIsoGmt7(article.publicationTime),
    dateModified: toIsoGmt7(modifiedTime(article)),
    // An article without credits is the newsroom's own.
    author: people.length > 0 ? people : [publisher],
    publisher,
    articleSection: article.category.name,
    ...(article.tags?.length ? { keywords: article.tags.join(', ') } : {}),
    inLanguage: 'vi',
  };
}

/** `<`, `>` and `&` as JSON escapes: no article text can close the script, so set:html is safe. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
