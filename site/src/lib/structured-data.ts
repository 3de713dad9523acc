import { toIsoGmt7 } from '@toasoan/shared';
import { creditedPeople, modifiedTime, type ArticleTimes } from './article-meta';
import { absoluteUrl, authorPath } from './urls';

/** What the NewsArticle of a page needs of its article. */
export interface StructuredArticle extends ArticleTimes {
  title: string;
  sapo: string;
  tags?: string[] | null;
  category: { name: string };
  credits: { role: string; author: { name: string; slug: string } | null }[];
}

export interface StructuredArticleContext {
  /** Absolute URL of the article page. */
  url: string;
  /** Absolute URL of the cover image, if it has one. */
  imageUrl?: string;
  siteName: string;
  siteUrl: string;
}

/**
 * schema.org `NewsArticle` of an article page, as Google's article rich results read it:
 * headline, image, dates with Vietnam's +07:00 offset, the credited people as `Person`s, and the
 * newspaper as publisher. https://developers.google.com/search/docs/appearance/structured-data/article
 */
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

/**
 * JSON for a `<script type="application/ld+json">`, made safe to put in HTML as is: `<`, `>`
 * and `&` become JSON escapes, so no text of an article can close the script or open a comment.
 * This escaping is what lets the page print it with set:html.
 *
 * @example
 * serializeJsonLd({ headline: '</script>' })
 * //=> '{"headline":"\\u003c/script\\u003e"}'
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
