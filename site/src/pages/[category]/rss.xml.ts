import type { Category } from '@toasoan/shared';
import { selectPages } from '../../lib/incremental/render-plan';
import type { RoutableArticle } from '../../lib/strapi/site-data';
import type { APIRoute, GetStaticPaths } from 'astro';
import { FEED_ITEM_COUNT } from '../../consts';
import { formerCategoryPages } from '../../lib/category-redirects';
import { lastChangeOf, renderRss, toFeedItem } from '../../lib/rss';
import { getSiteIndex } from '../../lib/site-index';
import { absoluteUrl, categoryFeedPath, categoryPath } from '../../lib/urls';
import { xmlResponse } from '../../lib/xml';

// Also at a renamed category's old address: a feed reader cannot follow an HTML redirect, and its
// subscription must not go quiet. The copy names the new feed as its own.
export const getStaticPaths = (async () => {
  const { data, byCategory } = await getSiteIndex();
  const latest = (category: Category) =>
    (byCategory.get(category.slug) ?? []).slice(0, FEED_ITEM_COUNT);
  const feeds = data.categories.map((category) => ({
    params: { category: category.slug },
    props: { category, articles: latest(category) },
  }));
  const formerFeeds = formerCategoryPages(data.categories).map(({ formerSlug, category }) => ({
    params: { category: formerSlug },
    props: { category, articles: latest(category) },
  }));
  return selectPages(
    'category-feed',
    [...feeds, ...formerFeeds],
    ({ params }) => `${params.category}/rss.xml`,
  );
}) satisfies GetStaticPaths;

type Props = { category: Category; articles: RoutableArticle[] };

export const GET: APIRoute<Props> = async ({ props: { category, articles } }) => {
  const { config } = await getSiteIndex();
  const body = renderRss({
    title: `${category.name} - ${config.siteName}`,
    url: absoluteUrl(categoryPath(category), config.siteUrl),
    feedUrl: absoluteUrl(categoryFeedPath(category), config.siteUrl),
    description: category.description || config.siteDescription,
    builtAt: lastChangeOf(articles),
    items: articles.map((article) => toFeedItem(article, config.siteUrl)),
  });
  return xmlResponse(body, 'application/rss+xml');
};
