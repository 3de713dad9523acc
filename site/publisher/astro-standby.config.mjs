// @ts-check
/** ../astro.config.mjs with the CMS fetch moved after Vite's bundling; for astro-standby.mjs only. */
import siteConfig from '../astro.config.mjs';
import { preloadBaseRelease } from '../src/lib/incremental/release-files.ts';

const DATA_INTEGRATION = 'toasoan:strapi-data';
const SETUP = 'astro:config:setup';
const BUNDLED = 'astro:build:ssr';
const GENERATED = 'astro:build:generated';

/**
 * Shared with astro-standby.mjs: `job` resolves with the build's job; `bundled()` says it waits.
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
 * Defers the set-up of the data integration, and those after it (they read its data), to
 * `astro:build:ssr`: after both bundles, before any page. They may no longer change the config.
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
