import { factories } from '@strapi/strapi';

// Comments have no drafts, but the article they populate does (see src/middlewares/published-only.ts).
export default factories.createCoreRouter('api::comment.comment', {
  config: {
    find: { middlewares: ['global::published-only'] },
    findOne: { middlewares: ['global::published-only'] },
  },
});
