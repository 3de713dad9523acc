import type { Core } from '@strapi/strapi';
import { readCmsEnv } from '../src/utils/env';
import { createPreviewHandler } from '../src/utils/preview-url';

// Secrets have no defaults: Strapi stops naming the missing one (npm start writes them at first).
const config = (): Core.Config.Admin => {
  const env = readCmsEnv();
  return {
    auth: {
      secret: env.ADMIN_JWT_SECRET,
    },
    apiToken: {
      // Also the salt bootstrap uses to hash SITE_API_TOKEN into the "site-build" token.
      salt: env.API_TOKEN_SALT,
    },
    transfer: {
      token: {
        salt: env.TRANSFER_TOKEN_SALT || undefined,
      },
    },
    secrets: {
      encryptionKey: env.ENCRYPTION_KEY || undefined,
    },
    flags: {
      nps: env.FLAG_NPS,
      promoteEE: env.FLAG_PROMOTE_EE,
    },
    // allowedOrigins lets the admin show the site in its preview frame (CSP frame-src).
    preview: {
      enabled: Boolean(env.PREVIEW_SECRET),
      config: {
        allowedOrigins: [new URL(env.SITE_URL).origin],
        handler: createPreviewHandler({ siteUrl: env.SITE_URL, secret: env.PREVIEW_SECRET }),
      },
    },
    // Tests, the seed and headless servers skip the admin bundle (no `strapi build` needed).
    serveAdminPanel: env.SERVE_ADMIN_PANEL,
  };
};

export default config;
