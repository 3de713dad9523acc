import { existsSync } from 'node:fs';
import path from 'node:path';
import { siteEnv } from '@toasoan/shared';

/** Everything the site reads from the environment, resolved once with the contract's defaults. */
export interface SiteConfig {
  /** Base URL of the Strapi server the build reads from, without a trailing slash. */
  strapiUrl: string;
  /** Access key of the read-only "site-build" API token; empty when unset. */
  strapiToken: string;
  /** Public URL of the site, for canonical links; Astro's `site`. */
  siteUrl: string;
  /** Where a build keeps the fetched CMS data and Astro's own cache between builds. */
  cacheDir: string;
  /** The newspaper's name, in the header, titles, feeds and structured data. */
  siteName: string;
  /** One sentence about the paper: the home page's meta description and the feeds'. */
  siteDescription: string;
  /** The masthead printed in the footer (licence, editor in chief, address…), one entry a line. */
  masthead: string[];
  /** PREVIEW_SECRET: the key the CMS signs preview links with; empty, every preview is refused. */
  previewSecret: string;
  /** PREVIEW_API_TOKEN: the "site-preview" token's key, the only one that may read drafts. */
  previewToken: string;
  /**
   * A release to build from (SITE_BASE_RELEASE, set by the publisher): only what changed since it
   * is fetched and rendered. Unset: a full build.
   */
  baseRelease: string | undefined;
}

// A placeholder that reads as one: a real paper sets SITE_MASTHEAD to its licence and contacts.
export const DEFAULT_MASTHEAD = [
  'Cơ quan chủ quản: (đặt SITE_MASTHEAD)',
  'Giấy phép hoạt động báo chí điện tử: (đặt SITE_MASTHEAD)',
];

/**
 * Splits SITE_MASTHEAD into lines. An environment variable holds one line, so `|` separates them
 * (`Tổng biên tập: …|Địa chỉ: …`); literal newlines, from a quoted .env value, work too.
 *
 * @example
 * parseMasthead('Tổng biên tập: Nguyễn Văn A | Địa chỉ: 1 Lê Lợi')
 * //=> ['Tổng biên tập: Nguyễn Văn A', 'Địa chỉ: 1 Lê Lợi']
 */
export function parseMasthead(value: string | undefined): string[] {
  const lines = (value ?? '')
    .split(/\||\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.length > 0 ? lines : DEFAULT_MASTHEAD;
}

// The site's commands run from site/ (npm -w site and `astro` both use it as the working
// directory), so .env and the default cache folder are resolved against it. A bundled page
// cannot use import.meta.url for that: after the build it points into dist/.
let envFileLoaded = false;
function loadEnvFileOnce(siteRoot: string): void {
  if (envFileLoaded) return;
  envFileLoaded = true;
  const envFile = path.join(siteRoot, '.env');
  // loadEnvFile never overrides variables already set, so the real environment wins over .env.
  if (existsSync(envFile)) process.loadEnvFile(envFile);
}

/**
 * Reads the site's configuration from the environment (and site/.env when present), checked
 * against the site's schema (`siteEnv`, @toasoan/shared: it throws naming a wrong value).
 * The only place that touches `process.env`.
 */
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
