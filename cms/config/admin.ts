import type { Core } from '@strapi/strapi';
import { createPreviewHandler } from '../src/utils/preview-url';

/** The site's public address: preview links point there. */
const siteUrl = (env: Core.Config.Shared.ConfigParams['env']) =>
  env('SITE_URL', 'http://localhost:4321').replace(/\/+$/, '');

// Secrets have no defaults: Strapi stops with a message naming the missing one (npm start writes
// them into cms/.env on first run).
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET', ''),
  },
  apiToken: {
    // Also the salt bootstrap uses to hash SITE_API_TOKEN into the "site-build" token.
    salt: env('API_TOKEN_SALT', ''),
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY'),
  },
  flags: {
    nps: env.bool('FLAG_NPS', false),
    promoteEE: env.bool('FLAG_PROMOTE_EE', false),
  },
  // The Preview button of an article opens the site's preview route with a signed, expiring
  // link (src/utils/preview-url.ts); without PREVIEW_SECRET there is no preview. allowedOrigins
  // lets the admin show the site in its preview frame (CSP frame-src).
  preview: {
    enabled: Boolean(env('PREVIEW_SECRET', '')),
    config: {
      allowedOrigins: [new URL(siteUrl(env)).origin],
      handler: createPreviewHandler({ siteUrl: siteUrl(env), secret: env('PREVIEW_SECRET', '') }),
    },
  },
  // Tests, the seed and headless servers skip the admin bundle (no `strapi build` needed).
  serveAdminPanel: env.bool('SERVE_ADMIN_PANEL', true),
});

export default config;
