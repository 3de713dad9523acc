import type { Core } from '@strapi/strapi';
import { readCmsEnv } from '../src/utils/env';
import { uploadSizeLimit } from './plugins';

/** The admin's (PUBLIC_URL) and the site's (SITE_URL) origins: the only ones CORS answers. */
export const allowedOrigins = (): string[] => {
  const env = readCmsEnv();
  // PUBLIC_URL may be a bare path (an admin behind a prefix on the site's host): no origin of its own.
  const origins = [env.PUBLIC_URL, env.SITE_URL].flatMap((url) =>
    URL.canParse(url) ? [new URL(url).origin] : [],
  );
  return [...new Set(origins)];
};

// No strapi::poweredBy: X-Powered-By only tells an attacker which software to try.
const config = (): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  { name: 'strapi::cors', config: { origin: allowedOrigins() } },
  'global::login-limit',
  'strapi::query',
  // Before strapi::body, so the body parser's refusals are put in Vietnamese too.
  'global::upload-errors',
  { name: 'strapi::body', config: { formidable: { maxFileSize: uploadSizeLimit() } } },
  'global::picture-uploads',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
