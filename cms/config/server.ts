import type { Core } from '@strapi/strapi';
import { readCmsEnv } from '../src/utils/env';
import { publishDueArticles, scheduleCheckRule } from '../src/utils/scheduled-publishing';

const config = (): Core.Config.Server => {
  const env = readCmsEnv();
  const scheduleCheckSeconds = env.SCHEDULE_CHECK_SECONDS;
  return {
    host: env.HOST,
    port: env.PORT,
    url: env.PUBLIC_URL,
    // With 0 the client address is the connection's, whatever X-Forwarded-For says.
    proxy: { koa: env.TRUSTED_PROXY_HOPS > 0, maxIpsCount: env.TRUSTED_PROXY_HOPS },
    logger: {
      // Strapi is pinned on purpose (see DESIGN.md): no npm look-up and upgrade banner at every start.
      updates: { enabled: false },
    },
    dirs: {
      // Where uploads land (public/uploads): a mounted volume in production, a temp dir in tests.
      public: env.PUBLIC_DIR,
    },
    app: {
      // Empty when unset: Strapi then refuses to start with "App keys are required".
      keys: env.APP_KEYS,
    },
    // Scheduled publishing (Strapi's own is paid); 0 leaves only the check at each start.
    cron: {
      enabled: scheduleCheckSeconds > 0,
      tasks:
        scheduleCheckSeconds > 0
          ? {
              publishScheduledArticles: {
                task: ({ strapi }: { strapi: Core.Strapi }) => publishDueArticles(strapi),
                options: { rule: scheduleCheckRule(scheduleCheckSeconds) },
              },
            }
          : {},
    },
  };
};

export default config;
