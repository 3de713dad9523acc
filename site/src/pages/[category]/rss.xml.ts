import type { Category } from '@toasoan/shared';
import type { APIRoute, GetStaticPaths } from 'astro';
import { FEED_ITEM_COUNT } from '../../consts';
import { formerCategoryPages } from '../../lib/category-redirects';
import { renderRss, toFeedItem } from '../../lib/rss';
import { getSiteIndex } from '../../lib/site-index';
import { absoluteUrl, categoryFeedPath, categoryPath } from '../../lib/urls';
import { xmlResponse } from '../../lib/xml';

// One RSS 2.0 feed per category, at /<category-slug>/rss.xml (empty for an empty category). A
// renamed category's feed is also written at its old address: a feed reader cannot follow an
// HTML redirect, and its subscription must not go quiet. The copy names the new feed as its own.
export const getStaticPaths = (async () => {
  const { data } = await getSiteIndex();
  const feeds = data.categories.map((category) => ({
    params: { category: category.slug },
    props: { category },
  }));
  const formerFeeds = formerCategoryPages(data.categories).map(({ formerSlug, category }) => ({
    params: { category: formerSlug },
    props: { category },
  }));
  return [...feeds, ...formerFeeds];
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ category: Category }> = async ({ props: { category } }) => {
  const { config, data, byCategory } = await getSiteIndex();
  const body = renderRss({
    title: `${category.name} - ${config.siteName}`,
    url: absoluteUrl(categoryPath(category), config.siteUrl),
    feedUrl: absoluteUrl(categoryFeedPath(category), config.siteUrl),
    description: category.description || config.siteDescription,
    builtAt: data.fetchedAt,
    items: (byCategory.get(category.slug) ?? [])
      .slice(0, FEED_ITEM_COUNT)
      .map((article) => toFeedItem(article, config.siteUrl)),
  });
  return xmlResponse(body, 'application/rss+xml');
};
