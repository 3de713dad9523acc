import type { AstroIntegration } from 'astro';
import { readSiteConfig } from '../config';
import { SiteDataError } from './errors';
import { fetchSiteData, saveSiteData } from './site-data';

/**
 * An error that Astro's CLI prints as its bare message. Astro prints the stack trace and the
 * cause of whatever a build throws; for a mistake in the setup (token, URL, empty CMS) the
 * one sentence that names the fix is all the reader needs, so both are left off here.
 */
function withoutStackTrace(error: SiteDataError): Error {
  const bare = new Error(error.message);
  bare.name = error.name;
  bare.stack = '';
  return bare;
}

/**
 * Fetches the CMS content once, before Astro builds (or starts the dev server), and caches
 * it on disk for the routes' getStaticPaths. Failing here, before any page renders, is what
 * turns a wrong token or a stopped CMS into one clear sentence instead of a failed render.
 */
export function strapiData(): AstroIntegration {
  return {
    name: 'toasoan:strapi-data',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        // `astro check`, `sync` and `preview` render nothing from the CMS.
        if (command !== 'build' && command !== 'dev') return;
        const config = readSiteConfig();
        try {
          const data = await fetchSiteData(config);
          await saveSiteData(config.cacheDir, data);
          const comments = Object.values(data.commentsByArticle).flat().length;
          logger.info(
            `${data.articles.length} articles, ${data.categories.length} categories, ` +
              `${data.authors.length} authors and ${comments} approved comments from ${config.strapiUrl}`,
          );
          if (data.articlesWithoutCategory > 0) {
            logger.warn(
              `${data.articlesWithoutCategory} published articles have no category and get no page: ` +
                `give them one in the admin.`,
            );
          }
        } catch (error) {
          throw error instanceof SiteDataError ? withoutStackTrace(error) : error;
        }
      },
    },
  };
}
