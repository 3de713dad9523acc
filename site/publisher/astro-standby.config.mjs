// @ts-check
/**
 * The site's own Astro config (../astro.config.mjs) as the publisher's pre-started builds use it,
 * with one change: the CMS data is fetched when the publish arrives, after Vite has bundled the
 * site, instead of before. Bundling depends only on the code, never on the content, so a build
 * process started ahead of time bundles while nobody waits (about 4 s on a 2-core machine), then
 * pauses until it is handed its job: only fetching and rendering are left on the clock.
 *
 * astro-standby.mjs loads it with `configFile`; `npm run build` and `astro dev` never see it.
 */
import siteConfig from '../astro.config.mjs';
import { preloadBaseRelease } from '../src/lib/incremental/release-files.ts';

const DATA_INTEGRATION = 'toasoan:strapi-data';
const SETUP = 'astro:config:setup';
const BUNDLED = 'astro:build:ssr';
const GENERATED = 'astro:build:generated';

/**
 * What astro-standby.mjs shares with this config (both run in its process): `job` resolves when
 * the publisher hands over the build, `bundled()` tells the publisher the build waits for it.
 * @typedef {{ job: Promise<unknown>, bundled(): void, onPreload(listener: (dir: string) => void): void }} StandbyGate
 * @typedef {import('astro').AstroIntegration} Integration
 * @typedef {Parameters<NonNullable<Integration['hooks']['astro:config:setup']>>[0]} SetupParams
 */

// Without the gate or the data integration, this build would fetch and render at once, before
// any publish: a release of stale content. Better no build at all.

/** @returns {StandbyGate} */
function standbyGate() {
  const shared = /** @type {Record<symbol, StandbyGate | undefined>} */ (globalThis);
  const gate = shared[Symbol.for('toasoan.publisher.standby')];
  if (!gate) throw new Error('astro-standby.config.mjs is for publisher/astro-standby.mjs only.');
  return gate;
}
const gate = standbyGate();

const integrations = /** @type {Integration[]} */ ((siteConfig.integrations ?? []).flat());
const dataIndex = integrations.findIndex((integration) => integration?.name === DATA_INTEGRATION);
if (dataIndex === -1) {
  throw new Error(
    `astro.config.mjs has no integration named "${DATA_INTEGRATION}": the publisher cannot ` +
      'tell when its builds fetch the CMS (see publisher/astro-standby.config.mjs).',
  );
}

/**
 * Moves the set-up of the data integration, and of those after it (they read its data, like the
 * images one), to the end of Vite's bundling, once the job has arrived: Astro awaits the
 * `astro:build:ssr` hook after both bundles (the server's and the client scripts') and before it
 * renders a page, and pages read the data only when they render.
 * Those set-ups may prepare data but not change the config: Vite has already used it.
 * @param {Integration[]} deferred
 * @returns {Integration[]}
 */
function setUpOnceHandedTheJob(deferred) {
  /** @type {Promise<void> | undefined} */
  let done;
  /** @param {SetupParams} params */
  const setUpAll = async (params) => {
    gate.bundled();
    // Bundled: the wait for a publish reads the release it will most likely start from.
    gate.onPreload(preloadBaseRelease);
    await gate.job;
    const tooLate = () => {
      throw new Error('A data integration cannot change the Astro config in a publisher build.');
    };
    for (const integration of deferred) {
      await integration.hooks[SETUP]?.({
        ...params,
        logger: params.logger.fork(integration.name),
        updateConfig: tooLate,
      });
    }
  };
  /** @type {SetupParams | undefined} */
  let setupParams;
  return deferred.map((integration, index) => ({
    name: integration.name,
    hooks: {
      ...integration.hooks,
      [SETUP]: async (params) => {
        if (params.command !== 'build') return integration.hooks[SETUP]?.(params);
        if (index === 0) setupParams = params;
      },
      // After both of Vite's bundles (the server's, then the client scripts'), before any page.
      [BUNDLED]: async (params) => {
        if (index === 0 && setupParams) await (done ??= setUpAll(setupParams));
        await integration.hooks[BUNDLED]?.(params);
      },
      [GENERATED]: async (params) => {
        if (index === 0 && setupParams && !done) {
          throw new Error(
            `Astro rendered the pages before its "${BUNDLED}" hook: this Astro version breaks ` +
              "the publisher's builds started ahead (see publisher/astro-standby.config.mjs).",
          );
        }
        await integration.hooks[GENERATED]?.(params);
      },
    },
  }));
}

export default {
  ...siteConfig,
  integrations: [
    ...integrations.slice(0, dataIndex),
    ...setUpOnceHandedTheJob(integrations.slice(dataIndex)),
  ],
};
