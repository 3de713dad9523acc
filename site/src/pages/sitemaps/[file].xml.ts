import type { APIRoute, GetStaticPaths } from 'astro';
import { selectPages } from '../../lib/incremental/render-plan';
import { renderSitemap, type SitemapEntry } from '../../lib/sitemaps';
import { xmlResponse } from '../../lib/xml';
import { sitemapFiles } from './_files';

// Props are everything a file shows, and GET reads nothing else: an incremental build rewrites
// only the files whose addresses or dates changed.
export const getStaticPaths = (async () => {
  const files = (await sitemapFiles()).map(({ name, entries }) => ({
    params: { file: name },
    props: { entries },
  }));
  return selectPages('sitemap-file', files, ({ params }) => `sitemaps/${params.file}.xml`);
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ entries: SitemapEntry[] }> = ({ props: { entries } }) =>
  xmlResponse(renderSitemap(entries));
