import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  // The address readers' browsers and the site build use to reach Strapi (media URLs, admin links).
  url: env('PUBLIC_URL', 'http://localhost:1337'),
  logger: {
    // Strapi is pinned on purpose (see DESIGN.md): no npm look-up and upgrade banner at every start.
    updates: { enabled: false },
  },
  dirs: {
    // Where uploads land (public/uploads): a mounted volume in production, a temp dir in tests.
    public: env('PUBLIC_DIR', 'public'),
  },
  app: {
    // Empty when unset: Strapi then refuses to start with "App keys are required".
    keys: env.array('APP_KEYS', []),
  },
});

export default config;
