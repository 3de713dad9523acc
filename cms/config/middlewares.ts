import type { Core } from '@strapi/strapi';
import { readCmsEnv } from '../src/utils/env';
import { uploadSizeLimit } from './plugins';

/**
 * The only origins whose browsers may read the CMS's answers: the admin's (PUBLIC_URL) and the
 * site's (SITE_URL); the defaults are `npm start`'s. Any other origin gets no
 * Access-Control-Allow-Origin.
 */
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
  // Password spraying: failed logins are also limited per address, across emails.
  'global::login-limit',
  'strapi::query',
  // Refused uploads are explained in Vietnamese: the journalist sees the message in the admin.
  'global::upload-errors',
  // A file over the upload limit is refused while it arrives (413), not after it is stored.
  { name: 'strapi::body', config: { formidable: { maxFileSize: uploadSizeLimit() } } },
  // Uploads are pictures by their content, whatever their name says.
  'global::picture-uploads',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
