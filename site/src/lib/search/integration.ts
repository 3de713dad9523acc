import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readSiteConfig } from '../config';
import { partnerJob } from '../incremental/render-share';
import { getSiteData } from '../strapi/site-data';
import { buildSearchIndex } from './build-index';
import { articleFingerprints, updateSearchIndex } from './update-index';
import { readSearchManifest, writeSearchIndex, writeSearchStats } from './write-index';

export function siteSearch(): AstroIntegration {
  return {
    name: 'toasoan:search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // A full build's second process renders pages for the lead, which writes the index.
        if (await partnerJob()) return;
        const started = performance.now();
        const { articles, categories } = await getSiteData();
        const baseDir = readSiteConfig().baseRelease;
        const base = baseDir ? await readSearchManifest(baseDir) : undefined;
        const fingerprints = articleFingerprints(articles);
        const update =
          baseDir && base
            ? await updateSearchIndex(
                {
                  fingerprints: base.articles,
                  files: Object.keys(base.files),
                  read: (file) => readFile(path.join(baseDir, file), 'utf8'),
                },
                articles,
                categories,
                fingerprints,
              )
            : undefined;
        const index = update ?? {
          files: buildSearchIndex(articles, categories),
          kept: [],
          changed: articles.length,
        };
        const buildMs = Math.round(performance.now() - started);
        const outDir = fileURLToPath(dir);
        const stats = await writeSearchIndex({ ...index, fingerprints }, outDir, baseDir, base);
        const writeMs = Math.round(performance.now() - started - buildMs);
        const mode = update ? 'incremental' : 'full';
        await writeSearchStats(outDir, {
          mode,
          ...stats,
          articles: articles.length,
          changed: index.changed,
          buildMs,
          writeMs,
        });
        logger.info(
          `search index (${mode}, ${index.changed} articles changed): ${articles.length} articles, ` +
            `${stats.files} files (${Math.round(stats.bytes / 1024)} KB), ${stats.written} ` +
            `written, ${stats.kept} kept, built in ${buildMs} ms, written in ${writeMs} ms`,
        );
      },
    },
  };
}
