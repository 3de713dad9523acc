import type { Core } from '@strapi/strapi';

const config = (): Core.Config.Api => ({
  rest: {
    defaultLimit: 25,
    // The site pages through every article at this page size; Strapi caps any request here.
    maxLimit: 100,
    withCount: true,
  },
});

export default config;
