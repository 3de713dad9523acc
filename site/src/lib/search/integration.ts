import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readSiteConfig } from '../config';
import { partnerJob } from '../incremental/render-share';
import { getSiteData } from '../strapi/site-data';
import { buildSearchIndex } from './build-index';
import { writeSearchIndex, writeSearchStats } from './write-index';

/**
 * Writes the static search index (`/_search/`) into every build from the data the build already
 * fetched (titles and sapos; no HTML is read again), as part of the release: validated and
 * switched with it. Files the base release already has byte for byte are linked from it.
 */
export function siteSearch(): AstroIntegration {
  return {
    name: 'toasoan:search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // A full build's second process renders pages for the lead, which writes the index.
        if (await partnerJob()) return;
        const started = performance.now();
        const data = await getSiteData();
        const files = buildSearchIndex(data.articles, data.categories);
        const buildMs = Math.round(performance.now() - started);
        const outDir = fileURLToPath(dir);
        const stats = await writeSearchIndex(files, outDir, readSiteConfig().baseRelease);
        const writeMs = Math.round(performance.now() - started - buildMs);
        await writeSearchStats(outDir, {
          ...stats,
          articles: data.articles.length,
          buildMs,
          writeMs,
        });
        logger.info(
          `search index: ${data.articles.length} articles, ${stats.files} files ` +
            `(${Math.round(stats.bytes / 1024)} KB), ${stats.written} written, ${stats.kept} kept, ` +
            `built in ${buildMs} ms, written in ${writeMs} ms`,
        );
      },
    },
  };
}
