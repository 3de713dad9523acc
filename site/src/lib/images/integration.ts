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

const WARNINGS_PER_IMAGE = 5;

/** After the Strapi integration, whose data it reads; why not Astro's images: README, "Images". */
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
