import { creditedPeople } from './article-meta';
import { absoluteUrl, articlePath } from './urls';
import { escapeXml, xmlElement } from './xml';

export interface FeedItem {
  title: string;
  /** Absolute URL of the article; also its guid. */
  url: string;
  publicationTime: string;
  /** The sapo, as plain text. */
  description: string;
  category: string;
  /** One `dc:creator` each. */
  creators: string[];
}

export interface FeedChannel {
  title: string;
  /** Absolute URL of the page the feed follows (the home page, a category page). */
  url: string;
  /** Absolute URL of the feed itself (atom:link rel="self"). */
  feedUrl: string;
  description: string;
  /** When the items last changed, not the build's clock: a feed changes only with its items. */
  builtAt: string | undefined;
  items: FeedItem[];
}

/** RFC 822 date of RSS 2.0, in GMT (which the format allows and every reader parses). */
export const toRfc822 = (iso: string) => new Date(iso).toUTCString();

export function lastChangeOf(items: readonly { updatedAt: string }[]): string | undefined {
  let newest: string | undefined;
  for (const { updatedAt } of items) if (!newest || updatedAt > newest) newest = updatedAt;
  return newest;
}

interface FeedArticle {
  title: string;
  slug: string;
  number: number;
  sapo: string;
  publicationTime: string;
  category: { slug: string; name: string };
  credits: { role: string; author: { name: string; slug: string } | null }[];
}

export function toFeedItem(article: FeedArticle, siteUrl: string): FeedItem {
  return {
    title: article.title,
    url: absoluteUrl(articlePath(article), siteUrl),
    publicationTime: article.publicationTime,
    description: article.sapo,
    category: article.category.name,
    creators: creditedPeople(article.credits).map((person) => person.name),
  };
}

/** `dc:creator` for names: RSS's own `author` must be an e-mail address, which stays private. */
export function renderRss(channel: FeedChannel): string {
  const items = channel.items.map((item) =>
    [
      '<item>',
      xmlElement('title', item.title),
      xmlElement('link', item.url),
      `<guid isPermaLink="true">${escapeXml(item.url)}</guid>`,
      xmlElement('pubDate', toRfc822(item.publicationTime)),
      item.description && xmlElement('description', item.description),
      xmlElement('category', item.category),
      ...item.creators.map((name) => xmlElement('dc:creator', name)),
      '</item>',
    ]
      .filter(Boolean)
      .join(''),
  );
  return [
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    xmlElement('title', channel.title),
    xmlElement('link', channel.url),
    xmlElement('description', channel.description),
    '<language>vi</language>',
    ...(channel.builtAt ? [xmlElement('lastBuildDate', toRfc822(channel.builtAt))] : []),
    `<atom:link href="${escapeXml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel>',
    '</rss>',
  ].join('\n');
}
