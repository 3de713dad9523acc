import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSiteConfig, type SiteConfig } from '../src/lib/config';
import { EnvError, publisherEnv, type EnvValues } from '@toasoan/shared';
import type { GithubDispatchConfig } from './github-dispatch';
import type { SecurityHeadersOptions } from './security-headers';

/** site/, whatever the working directory the publisher was started from. */
export const SITE_ROOT = fileURLToPath(new URL('..', import.meta.url));

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface PublisherConfig {
  /** The site's own settings (STRAPI_URL, STRAPI_TOKEN, SITE_URL, SITE_CACHE_DIR). */
  site: SiteConfig;
  siteRoot: string;
  host: string;
  port: number;
  hookSecret: string;
  releasesDir: string;
  keepReleases: number;
  reconcileIntervalMs: number;
  buildCommand: string | undefined;
  buildTimeoutMs: number;
  fullBuildIntervalMs: number;
  mode: PublisherMode;
  /** Where to forward each coalesced publish (GitHub's repository_dispatch); undefined: nowhere. */
  githubDispatch: GithubDispatchConfig | undefined;
  /** A shell command that copies each live release elsewhere (release-push.ts); undefined: none. */
  releasePushCommand?: string;
  /** Readers' comments (the on-demand route); undefined: the route answers 503. */
  comments?: CommentsConfig;
  /** What the security headers depend on (security-headers.ts). */
  security: SecurityHeadersOptions;
}

export interface CommentsConfig {
  /** The "comment-submit" token's key, the CMS's COMMENT_API_TOKEN; empty: comments wait. */
  token: string;
  queueDir: string;
  /** Proxies whose X-Forwarded-For is believed (exact addresses); empty: none. */
  trustedProxies: string[];
}

export type PublisherMode = 'build' | 'dispatch';

const REPO = /^[\w.-]+\/[\w.-]+$/;

type PublisherEnv = EnvValues<(typeof publisherEnv)['fields']>;

/** GITHUB_DISPATCH_REPO and its token, both or neither; PUBLISHER_MODE=dispatch needs them. */
function readGithubDispatch(env: PublisherEnv): GithubDispatchConfig | undefined {
  const { GITHUB_DISPATCH_REPO: repo, GITHUB_DISPATCH_TOKEN: token } = env;
  if (!repo) {
    if (env.PUBLISHER_MODE === 'dispatch') {
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
  return { apiUrl: env.GITHUB_API_URL, repo, token };
}

function parseEnvironment(): PublisherEnv {
  try {
    return publisherEnv.parse(process.env);
  } catch (error) {
    if (error instanceof EnvError) throw new ConfigError(error.message);
    throw error;
  }
}

/** site/.env (never over the real environment), then publisherEnv: the one reader of process.env. */
export function readPublisherConfig(siteRoot: string = SITE_ROOT): PublisherConfig {
  const site = readSiteConfig(siteRoot);
  const env = parseEnvironment();
  return {
    site,
    siteRoot,
    host: env.PUBLISHER_HOST,
    port: env.PUBLISHER_PORT,
    hookSecret: env.PUBLISH_HOOK_SECRET,
    releasesDir: path.resolve(siteRoot, env.RELEASES_DIR),
    keepReleases: env.KEEP_RELEASES,
    reconcileIntervalMs: env.RECONCILE_INTERVAL_MS,
    buildCommand: env.PUBLISHER_BUILD_COMMAND || undefined,
    buildTimeoutMs: env.BUILD_TIMEOUT_MS,
    fullBuildIntervalMs: env.FULL_BUILD_INTERVAL_MS,
    mode: env.PUBLISHER_MODE,
    githubDispatch: readGithubDispatch(env),
    releasePushCommand: env.RELEASE_PUSH_COMMAND || undefined,
    comments: {
      token: env.COMMENT_API_TOKEN,
      queueDir: path.resolve(siteRoot, env.COMMENT_QUEUE_DIR),
      trustedProxies: env.TRUSTED_PROXIES,
    },
    security: {
      adminOrigin: new URL(env.CMS_PUBLIC_URL).origin,
      trustedProxies: env.TRUSTED_PROXIES,
    },
  };
}

/** The builds' environment, the cache folder made absolute: each build has a cwd of its own. */
export function buildEnvironment(config: PublisherConfig): NodeJS.ProcessEnv {
  return { ...process.env, SITE_CACHE_DIR: config.site.cacheDir };
}
