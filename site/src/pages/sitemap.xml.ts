import type { APIRoute } from 'astro';
import { getSiteIndex } from '../lib/site-index';
import { renderSitemapIndex } from '../lib/sitemaps';
import { absoluteUrl } from '../lib/urls';
import { xmlResponse } from '../lib/xml';
import { sitemapFilePath, sitemapFiles } from './sitemaps/_files';

/** The sitemap index, at the address robots.txt names: one line per file of /sitemaps/. */
export const GET: APIRoute = async () => {
  const { config } = await getSiteIndex();
  const body = renderSitemapIndex(await sitemapFiles(), (name) =>
    absoluteUrl(sitemapFilePath(name), config.siteUrl),
  );
  return xmlResponse(body);
};
