import type { APIRoute } from 'astro';
import { FEED_ITEM_COUNT } from '../consts';
import { lastChangeOf, renderRss, toFeedItem } from '../lib/rss';
import { getSiteIndex } from '../lib/site-index';
import { absoluteUrl } from '../lib/urls';
import { xmlResponse } from '../lib/xml';

/** The whole site's RSS 2.0 feed: the latest articles of every category. */
export const GET: APIRoute = async () => {
  const { config, data } = await getSiteIndex();
  const latest = data.articles.slice(0, FEED_ITEM_COUNT);
  const body = renderRss({
    title: config.siteName,
    url: absoluteUrl('/', config.siteUrl),
    feedUrl: absoluteUrl('/rss.xml', config.siteUrl),
    description: config.siteDescription,
    builtAt: lastChangeOf(latest),
    items: latest.map((article) => toFeedItem(article, config.siteUrl)),
  });
  return xmlResponse(body, 'application/rss+xml');
};
