import { modifiedTime } from '../../lib/article-meta';
import { authorListPages, categoryListPages } from '../../lib/listing-pages';
import { getSiteIndex } from '../../lib/site-index';
import { splitSitemap, type SitemapFile } from '../../lib/sitemaps';
import {
  absoluteUrl,
  articlePath,
  authorPath,
  AUTHORS_PATH,
  categoryPath,
  pagePath,
} from '../../lib/urls';

/** Where a file of the sitemap index is written: `/sitemaps/articles-3.xml`. */
export const sitemapFilePath = (name: string) => `/sitemaps/${name}.xml`;

/** Not the pages at old addresses, which are noindex. */
export async function sitemapFiles(): Promise<SitemapFile[]> {
  const { config, data } = await getSiteIndex();
  const url = (path: string) => absoluteUrl(path, config.siteUrl);
  const pages = [
    { url: url('/'), lastModified: data.articles[0]?.publicationTime },
    { url: url(AUTHORS_PATH) },
    ...(await categoryListPages()).map(({ category, list }) => ({
      url: url(pagePath(categoryPath(category), list.page)),
      lastModified: list.items[0]?.publicationTime,
    })),
    ...(await authorListPages()).map(({ author, list }) => ({
      url: url(pagePath(authorPath(author), list.page)),
      lastModified: list.items[0]?.publicationTime,
    })),
  ];
  const articles = data.articles.map((article) => ({
    number: article.number,
    url: url(articlePath(article)),
    lastModified: modifiedTime(article),
  }));
  return splitSitemap(pages, articles);
}
