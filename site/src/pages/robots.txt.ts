import type { APIRoute } from 'astro';
import { getSiteIndex } from '../lib/site-index';
import { absoluteUrl } from '../lib/urls';

/** Everything may be crawled; the sitemaps say where. */
export const GET: APIRoute = async () => {
  const { config } = await getSiteIndex();
  const lines = [
    'User-agent: *',
    'Allow: /',
    '',
    `Sitemap: ${absoluteUrl('/sitemap.xml', config.siteUrl)}`,
    `Sitemap: ${absoluteUrl('/news-sitemap.xml', config.siteUrl)}`,
    '',
  ];
  return new Response(lines.join('\n'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
