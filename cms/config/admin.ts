import type { Core } from '@strapi/strapi';

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
  // Tests, the seed and headless servers skip the admin bundle (no `strapi build` needed).
  serveAdminPanel: env.bool('SERVE_ADMIN_PANEL', true),
});

export default config;
