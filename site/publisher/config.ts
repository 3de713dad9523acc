import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSiteConfig, type SiteConfig } from '../src/lib/config';

/** site/, whatever the working directory the publisher was started from. */
export const SITE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A setting that cannot work, with the fix in the message. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Everything the publisher reads from the environment, resolved once. */
export interface PublisherConfig {
  /** The site's own settings (STRAPI_URL, STRAPI_TOKEN, SITE_URL, SITE_CACHE_DIR). */
  site: SiteConfig;
  siteRoot: string;
  host: string;
  port: number;
  /** Bearer secret of the hook and rollback endpoints; empty refuses both. */
  hookSecret: string;
  /** Holds releases/<id>/, their metadata and the `current` symlink. */
  releasesDir: string;
  /** How many releases to keep for rollback (the live one is always kept as well). */
  keepReleases: number;
  /** How often to compare the CMS with the newest release; 0 turns the timer off. */
  reconcileIntervalMs: number;
  /** A shell command that builds into $PUBLISH_OUT_DIR instead of `astro build` (tests, custom builds). */
  buildCommand: string | undefined;
  /** A build running longer than this is killed and counts as failed. */
  buildTimeoutMs: number;
}

export const DEFAULTS = {
  host: '0.0.0.0',
  port: 4321,
  releasesDir: 'releases',
  keepReleases: 5,
  reconcileIntervalMs: 60_000,
  buildTimeoutMs: 15 * 60_000,
} as const;

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  }
  return value;
}

/**
 * Reads the publisher's configuration: site/.env first (through the site's own reader, which
 * never overrides the real environment), then the publisher's variables. The only place the
 * publisher touches `process.env`.
 */
export function readPublisherConfig(siteRoot: string = SITE_ROOT): PublisherConfig {
  const site = readSiteConfig(siteRoot);
  const env = process.env;
  return {
    site,
    siteRoot,
    host: env.PUBLISHER_HOST?.trim() || DEFAULTS.host,
    port: integer(env, 'PUBLISHER_PORT', DEFAULTS.port, 0, 65_535),
    hookSecret: env.PUBLISH_HOOK_SECRET?.trim() ?? '',
    releasesDir: path.resolve(siteRoot, env.RELEASES_DIR?.trim() || DEFAULTS.releasesDir),
    // Fewer than 2 would leave nothing to roll back to.
    keepReleases: integer(env, 'KEEP_RELEASES', DEFAULTS.keepReleases, 2, 1_000),
    reconcileIntervalMs: integer(
      env,
      'RECONCILE_INTERVAL_MS',
      DEFAULTS.reconcileIntervalMs,
      0,
      86_400_000,
    ),
    buildCommand: env.PUBLISHER_BUILD_COMMAND?.trim() || undefined,
    buildTimeoutMs: integer(env, 'BUILD_TIMEOUT_MS', DEFAULTS.buildTimeoutMs, 1_000, 86_400_000),
  };
}
