import { factories } from '@strapi/strapi';

// Readers and the site build only ever see published content (see src/middlewares/published-only.ts).
export default factories.createCoreRouter('api::article.article', {
  config: {
    find: { middlewares: ['global::published-only'] },
    findOne: { middlewares: ['global::published-only'] },
  },
});
