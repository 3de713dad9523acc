import { createReadStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readSiteConfig } from '../config';
import { getSiteData } from '../strapi/site-data';
import { collectCmsImages } from './cms-media';
import { IMAGES_FOLDER, VARIANT_FILE_NAME } from './image-names';
import { prepareImages } from './prepare-images';
import { imagesCacheDir, type PreparedImage } from './prepared-image';
import { publishImages } from './publish-images';

/**
 * Serves the site's images from the CMS's files, never by linking to the CMS: before the pages
 * render, every cover, body image and author photo is fetched once and converted to WebP in
 * several widths, kept in the cache between builds (SITE_CACHE_DIR/images); the pages then point
 * at /_images/…, and the finished build gets the files it uses.
 *
 * Not Astro's own remote-image pipeline: it revalidates each cached transform with the CMS once
 * the upload's short Cache-Control has passed (thousands of requests per publish), needs the
 * image's size before it can render, and fails the whole build on a deleted upload. Strapi's file
 * names are unique for good, so here a warm build makes no request at all, and a missing file
 * only costs its page that one picture, with a warning naming the article.
 *
 * Must come after the Strapi integration, which fetches the data this reads.
 */
const WARNINGS_PER_IMAGE = 5;

export function siteImages(): AstroIntegration {
  let ready: PreparedImage[] = [];
  let imagesDir = '';
  return {
    name: 'toasoan:images',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const started = performance.now();
        const config = readSiteConfig();
        imagesDir = imagesCacheDir(config.cacheDir);
        const uses = collectCmsImages(await getSiteData());
        const result = await prepareImages([...uses.keys()], imagesDir);
        ready = result.ready;
        for (const { url, reason } of result.unavailable) {
          // A shared picture (one cover for a whole series) would otherwise fill the log.
          const all = uses.get(url) ?? [];
          const named = all.slice(0, WARNINGS_PER_IMAGE);
          const more = all.length - named.length;
          for (const use of named) {
            logger.warn(`The ${use} cannot be shown and is left out of the page: ${reason}.`);
          }
          if (more > 0) logger.warn(`The same image is left out of ${more} more pages.`);
        }
        logger.info(
          `${result.ready.length} images ready (${result.made} converted, the rest from the cache), ` +
            `${result.unavailable.length} unavailable, in ${Math.round(performance.now() - started)} ms`,
        );
      },
      // `astro dev` has no build folder: it serves the variants straight from the cache.
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(`/${IMAGES_FOLDER}/`, (request, response, next) => {
          const file = decodeURIComponent((request.url ?? '').split('?')[0]!.replace(/^\//, ''));
          if (!VARIANT_FILE_NAME.test(file)) return next();
          response.setHeader('Content-Type', 'image/webp');
          createReadStream(path.join(imagesDir, file))
            .on('error', () => next())
            .pipe(response);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const count = await publishImages(ready, imagesDir, fileURLToPath(dir));
        logger.info(`${count} image files in /${IMAGES_FOLDER}/`);
      },
    },
  };
}
