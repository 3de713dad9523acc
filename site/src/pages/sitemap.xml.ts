import type { APIRoute } from 'astro';
import { modifiedTime } from '../lib/article-meta';
import { authorListPages, categoryListPages } from '../lib/listing-pages';
import { getSiteIndex } from '../lib/site-index';
import { renderSitemap, type SitemapEntry } from '../lib/sitemaps';
import {
  absoluteUrl,
  articlePath,
  authorPath,
  AUTHORS_PATH,
  categoryPath,
  pagePath,
} from '../lib/urls';
import { xmlResponse } from '../lib/xml';

/** Every page a reader can land on: home, categories, authors and articles. */
export const GET: APIRoute = async () => {
  const { config, data } = await getSiteIndex();
  const url = (path: string) => absoluteUrl(path, config.siteUrl);
  const newest = data.articles[0]?.publicationTime;
  const entries: SitemapEntry[] = [
    { url: url('/'), lastModified: newest },
    { url: url(AUTHORS_PATH) },
    ...(await categoryListPages()).map(({ category, list }) => ({
      url: url(pagePath(categoryPath(category), list.page)),
      lastModified: list.items[0]?.publicationTime,
    })),
    ...(await authorListPages()).map(({ author, list }) => ({
      url: url(pagePath(authorPath(author), list.page)),
      lastModified: list.items[0]?.publicationTime,
    })),
    ...data.articles.map((article) => ({
      url: url(articlePath(article)),
      lastModified: modifiedTime(article),
    })),
  ];
  return xmlResponse(renderSitemap(entries));
};
