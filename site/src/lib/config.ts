import { existsSync } from 'node:fs';
import path from 'node:path';
import { siteEnv } from '@toasoan/shared';

/** Everything the site reads from the environment, resolved once with the contract's defaults. */
export interface SiteConfig {
  strapiUrl: string;
  /** Access key of the read-only "site-build" API token; empty when unset. */
  strapiToken: string;
  siteUrl: string;
  cacheDir: string;
  siteName: string;
  /** One sentence about the paper: the home page's meta description and the feeds'. */
  siteDescription: string;
  /** The masthead printed in the footer (licence, editor in chief, address…), one entry a line. */
  masthead: string[];
  /** PREVIEW_SECRET: the key the CMS signs preview links with; empty, every preview is refused. */
  previewSecret: string;
  previewToken: string;
  /** SITE_BASE_RELEASE, set by the publisher; unset, a full build. */
  baseRelease: string | undefined;
}

// A placeholder that reads as one: a real paper sets SITE_MASTHEAD to its licence and contacts.
export const DEFAULT_MASTHEAD = [
  'Cơ quan chủ quản: (đặt SITE_MASTHEAD)',
  'Giấy phép hoạt động báo chí điện tử: (đặt SITE_MASTHEAD)',
];

/** An environment variable holds one line, so `|` separates lines; literal newlines work too. */
export function parseMasthead(value: string | undefined): string[] {
  const lines = (value ?? '')
    .split(/\||\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.length > 0 ? lines : DEFAULT_MASTHEAD;
}

// Resolved against the working directory (site/ for npm -w site and `astro`): a bundled page's
// import.meta.url points into dist/.
let envFileLoaded = false;
function loadEnvFileOnce(siteRoot: string): void {
  if (envFileLoaded) return;
  envFileLoaded = true;
  const envFile = path.join(siteRoot, '.env');
  // loadEnvFile never overrides variables already set, so the real environment wins over .env.
  if (existsSync(envFile)) process.loadEnvFile(envFile);
}

/** The only place that touches `process.env`. */
export function readSiteConfig(siteRoot: string = process.cwd()): SiteConfig {
  loadEnvFileOnce(siteRoot);
  const env = siteEnv.parse(process.env);
  return {
    strapiUrl: env.STRAPI_URL,
    strapiToken: env.STRAPI_TOKEN,
    siteUrl: env.SITE_URL,
    cacheDir: path.resolve(siteRoot, env.SITE_CACHE_DIR),
    siteName: env.SITE_NAME.normalize('NFC'),
    siteDescription: env.SITE_DESCRIPTION.normalize('NFC'),
    masthead: parseMasthead(env.SITE_MASTHEAD.normalize('NFC')),
    previewSecret: env.PREVIEW_SECRET,
    previewToken: env.PREVIEW_API_TOKEN,
    baseRelease: env.SITE_BASE_RELEASE ? path.resolve(siteRoot, env.SITE_BASE_RELEASE) : undefined,
  };
}
