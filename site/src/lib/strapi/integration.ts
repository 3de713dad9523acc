import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readSiteConfig, type SiteConfig } from '../config';
import { codeVersion } from '../incremental/code-version';
import { bringOverPages } from '../incremental/compose-release';
import { PageLinker } from '../incremental/page-linker';
import { readBaseRelease, writeReleaseFiles, type BaseRelease } from '../incremental/release-files';
import { finishRenderPlan, hashProps, startRenderPlan } from '../incremental/render-plan';
import {
  askForPartner,
  LEAD_SHARE,
  partnerFinished,
  partnerJob,
  type PartnerJob,
} from '../incremental/render-share';
import { pruneBodies } from './article-bodies';
import { SiteDataError } from './errors';
import { readSiteDataFile } from './site-data-file';
import {
  fetchSiteData,
  getSiteData,
  handOverSiteData,
  saveSiteData,
  siteDataFile,
  type FetchStats,
  type SiteData,
} from './site-data';

/** For a setup mistake the sentence naming the fix is all a reader needs: no stack, no cause. */
function withoutStackTrace(error: SiteDataError): Error {
  const bare = new Error(error.message);
  bare.name = error.name;
  bare.stack = '';
  return bare;
}

/** A partner's data: the lead's, read from the file the lead saved (no CMS request). */
async function readPartnerData(job: PartnerJob) {
  const data = await readSiteDataFile(job.dataFile);
  if (!data) throw new Error(`The lead build's data ${job.dataFile} is gone.`);
  const stats: FetchStats = {
    mode: 'full',
    articlesFetched: 0,
    articlesReused: data.articles.length,
    commentsFetched: 0,
  };
  return { data, stats };
}

/** What every page shows besides its props: the code, the site's settings, the menu, the authors. */
async function globalKey(siteRoot: string, config: SiteConfig, data: SiteData): Promise<string> {
  const { siteUrl, siteName, siteDescription, masthead } = config;
  return hashProps('global', {
    code: await codeVersion(siteRoot),
    settings: { siteUrl, siteName, siteDescription, masthead, strapiUrl: data.strapiUrl },
    categories: data.categories,
    authors: data.authors,
  });
}

interface BuildState {
  config: SiteConfig;
  base: BaseRelease | undefined;
  /** The folder of the partner rendering the other half of this full build (render-share.ts). */
  partnerDir: string | undefined;
  /** Set when this process is the partner: the lead takes its pages, the rest is thrown away. */
  asPartner: PartnerJob | undefined;
  linker: PageLinker | undefined;
  key: string;
  fetch: FetchStats;
  fetchMs: number;
  fetchedAt: number;
  articles: number;
}

/** Fetching before any page renders turns a wrong token or a stopped CMS into one sentence. */
export function strapiData(): AstroIntegration {
  let state: BuildState | undefined;
  return {
    name: 'toasoan:strapi-data',
    hooks: {
      'astro:config:setup': async ({ command, logger, config: astroConfig }) => {
        // `astro check`, `sync` and `preview` render nothing from the CMS.
        if (command !== 'build' && command !== 'dev') return;
        const config = readSiteConfig();
        try {
          const started = performance.now();
          const asPartner = command === 'build' ? await partnerJob() : undefined;
          const base =
            command === 'build' && config.baseRelease && !asPartner
              ? await readBaseRelease(config.baseRelease)
              : undefined;
          if (config.baseRelease && command === 'build' && !base && !asPartner) {
            logger.warn(`${config.baseRelease} kept no build data: building in full.`);
          }
          const { data, stats } = asPartner
            ? await readPartnerData(asPartner)
            : await fetchSiteData(config, base?.data);
          if (!asPartner) await saveSiteData(config.cacheDir, data);
          handOverSiteData(data);
          const fetchMs = Math.round(performance.now() - started);
          logger.info(
            `${data.articles.length} articles (${stats.articlesFetched} fetched, ` +
              `${stats.articlesReused} unchanged), ${data.categories.length} categories, ` +
              `${data.authors.length} authors and ${data.comments.length} approved comments ` +
              `from ${asPartner ? asPartner.dataFile : config.strapiUrl} in ${fetchMs} ms`,
          );
          if (command !== 'build') return;
          const key = await globalKey(fileURLToPath(astroConfig.root), config, data);
          // Pages are reused only when everything they share is as it was.
          const reuse = base && stats.mode === 'incremental' && base.manifest.globalKey === key;
          // Rendering everything: on both cores when the publisher has a process to spare.
          const partnerDir =
            reuse || asPartner
              ? undefined
              : await askForPartner(data.articles.length, siteDataFile(config.cacheDir));
          if (partnerDir) logger.info(`a second process renders half the pages (${partnerDir})`);
          const linker = reuse
            ? new PageLinker(base.dir, fileURLToPath(astroConfig.outDir))
            : undefined;
          startRenderPlan(
            reuse ? base.manifest.pages : undefined,
            asPartner?.share ?? (partnerDir ? LEAD_SHARE : undefined),
            linker && ((files) => linker.link(files)),
          );
          state = {
            config,
            base: reuse ? base : undefined,
            linker,
            partnerDir,
            asPartner,
            key,
            fetch: stats,
            fetchMs,
            fetchedAt: performance.now(),
            articles: data.articles.length,
          };
        } catch (error) {
          throw error instanceof SiteDataError ? withoutStackTrace(error) : error;
        }
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!state) return;
        const { config, base, key, partnerDir } = state;
        const outDir = fileURLToPath(dir);
        const plan = finishRenderPlan();
        if (state.asPartner) {
          logger.info(
            `${[...plan.pages.values()].filter((page) => page.rendered).length} pages rendered for the lead`,
          );
          state = undefined;
          return;
        }
        const reused = [...plan.pages].filter(([, page]) => !page.rendered).map(([file]) => file);
        if (partnerDir) {
          await partnerFinished();
          await bringOverPages(reused, partnerDir, outDir);
        } else if (state.linker) {
          if (state.linker.outDir !== outDir) {
            throw new Error(`Pages were linked into ${state.linker.outDir}, not ${outDir}.`);
          }
          await state.linker.finished();
        }
        // A full fetch may be a one-off (a nightly check): pruning after it would make the next
        // build from the live release fetch everything again.
        if (state.fetch.mode === 'incremental') {
          await pruneBodies(config.cacheDir, (await getSiteData()).articles);
        }
        // A partner's pages were rendered for this build too: none is reused.
        const rendered = plan.pages.size - (partnerDir ? 0 : reused.length);
        const removed = base
          ? Object.keys(base.manifest.pages).filter((file) => !plan.pages.has(file)).length
          : 0;
        const renderMs = Math.round(performance.now() - (plan.startedAt ?? state.fetchedAt));
        await writeReleaseFiles(outDir, {
          dataFile: siteDataFile(config.cacheDir),
          manifest: {
            globalKey: key,
            pages: Object.fromEntries([...plan.pages].map(([file, page]) => [file, page.hash])),
          },
          stats: {
            mode: base ? 'incremental' : 'full',
            fetchMs: state.fetchMs,
            renderMs,
            pages: { rendered, reused: partnerDir ? 0 : reused.length, removed },
            processes: partnerDir ? 2 : 1,
            articles: state.articles,
            articlesFetched: state.fetch.articlesFetched,
            maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
          },
        });
        logger.info(
          base
            ? `incremental: ${rendered} pages rendered, ${reused.length} kept from ${base.dir}, ` +
                `${removed} removed`
            : `full build: ${rendered} pages${partnerDir ? ' (on two processes)' : ''}`,
        );
        state = undefined;
      },
    },
  };
}
