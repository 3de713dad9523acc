import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSiteConfig, type SiteConfig } from '../src/lib/config';
import { DEFAULT_GITHUB_API_URL, type GithubDispatchConfig } from './github-dispatch';

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
  /** Builds are incremental, but every page is rendered again when the last full build is this old. */
  fullBuildIntervalMs: number;
  /** `build`: build and serve releases here; `dispatch`: only forward publishes to CI. */
  mode: PublisherMode;
  /** Where to forward each coalesced publish (GitHub's repository_dispatch); undefined: nowhere. */
  githubDispatch: GithubDispatchConfig | undefined;
  /** Readers' comments (the on-demand route); undefined: the route answers 503. */
  comments?: CommentsConfig;
}

export interface CommentsConfig {
  /** The "comment-submit" token's key, the CMS's COMMENT_API_TOKEN; empty: comments wait. */
  token: string;
  /** The durable queue of comments on their way to the CMS. */
  queueDir: string;
  /** Proxies whose X-Forwarded-For is believed (exact addresses); empty: none. */
  trustedProxies: string[];
}

export type PublisherMode = 'build' | 'dispatch';

export const DEFAULTS = {
  host: '0.0.0.0',
  port: 4321,
  releasesDir: 'releases',
  keepReleases: 5,
  reconcileIntervalMs: 60_000,
  buildTimeoutMs: 15 * 60_000,
  fullBuildIntervalMs: 24 * 60 * 60_000,
  commentQueueDir: 'comment-queue',
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

const REPO = /^[\w.-]+\/[\w.-]+$/;

/** GITHUB_DISPATCH_REPO and its token, both or neither; PUBLISHER_MODE=dispatch needs them. */
function readGithubDispatch(env: NodeJS.ProcessEnv, mode: PublisherMode) {
  const repo = env.GITHUB_DISPATCH_REPO?.trim();
  const token = env.GITHUB_DISPATCH_TOKEN?.trim();
  if (!repo) {
    if (mode === 'dispatch') {
      throw new ConfigError(
        'PUBLISHER_MODE=dispatch forwards publishes to GitHub: set GITHUB_DISPATCH_REPO=owner/name and GITHUB_DISPATCH_TOKEN.',
      );
    }
    return undefined;
  }
  if (!REPO.test(repo))
    throw new ConfigError(`GITHUB_DISPATCH_REPO must look like owner/name, not "${repo}".`);
  if (!token) {
    throw new ConfigError(
      `GITHUB_DISPATCH_REPO is set but GITHUB_DISPATCH_TOKEN is not: give a token that may dispatch to ${repo}.`,
    );
  }
  const apiUrl = env.GITHUB_API_URL?.trim() || DEFAULT_GITHUB_API_URL;
  if (!/^https?:\/\//.test(apiUrl))
    throw new ConfigError(`GITHUB_API_URL must be an http(s) URL, not "${apiUrl}".`);
  return { apiUrl: apiUrl.replace(/\/+$/, ''), repo, token };
}

function readMode(env: NodeJS.ProcessEnv): PublisherMode {
  const mode = env.PUBLISHER_MODE?.trim() || 'build';
  if (mode !== 'build' && mode !== 'dispatch')
    throw new ConfigError(`PUBLISHER_MODE must be "build" or "dispatch", not "${mode}".`);
  return mode;
}

/**
 * Reads the publisher's configuration: site/.env first (through the site's own reader, which
 * never overrides the real environment), then the publisher's variables. The only place the
 * publisher touches `process.env`.
 */
export function readPublisherConfig(siteRoot: string = SITE_ROOT): PublisherConfig {
  const site = readSiteConfig(siteRoot);
  const env = process.env;
  const mode = readMode(env);
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
    fullBuildIntervalMs: integer(
      env,
      'FULL_BUILD_INTERVAL_MS',
      DEFAULTS.fullBuildIntervalMs,
      60_000,
      30 * 86_400_000,
    ),
    mode,
    githubDispatch: readGithubDispatch(env, mode),
    comments: {
      token: env.COMMENT_API_TOKEN?.trim() ?? '',
      queueDir: path.resolve(siteRoot, env.COMMENT_QUEUE_DIR?.trim() || DEFAULTS.commentQueueDir),
      trustedProxies: (env.TRUSTED_PROXIES ?? '')
        .split(',')
        .map((address) => address.trim())
        .filter(Boolean),
    },
  };
}

/**
 * The environment of a build: the publisher's own (which holds site/.env's values, loaded by
 * readSiteConfig) with the cache folder made absolute, since a build runs in a working directory
 * of its own (see astro-build.ts) and would resolve a relative one against that.
 */
export function buildEnvironment(config: PublisherConfig): NodeJS.ProcessEnv {
  return { ...process.env, SITE_CACHE_DIR: config.site.cacheDir };
}
