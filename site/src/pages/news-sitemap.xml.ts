import type { APIRoute } from 'astro';
import { NEWS_SITEMAP_MAX, NEWS_SITEMAP_WINDOW_MS } from '../consts';
import { getSiteIndex } from '../lib/site-index';
import { freshArticles, renderNewsSitemap } from '../lib/sitemaps';
import { absoluteUrl, articlePath } from '../lib/urls';
import { xmlResponse } from '../lib/xml';

/** Two days by the build's clock, not the reader's: the file is static until the next publish. */
export const GET: APIRoute = async () => {
  const { config, data } = await getSiteIndex();
  const fresh = freshArticles(
    data.articles,
    data.fetchedAt,
    NEWS_SITEMAP_WINDOW_MS,
    NEWS_SITEMAP_MAX,
  );
  const body = renderNewsSitemap(
    config.siteName,
    fresh.map((article) => ({
      url: absoluteUrl(articlePath(article), config.siteUrl),
      title: article.title,
      publicationTime: article.publicationTime,
    })),
  );
  return xmlResponse(body);
};
