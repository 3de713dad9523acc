import { factories } from '@strapi/strapi';
import { createComment } from '../../../utils/comment-submission';
import { COMMENT_UID } from '../../../utils/content-types';

// The "comment-submit" token's create stores only a reader's fields, pending; a full-access token
// (an import) is trusted like the admin and keeps the core's create.
export default factories.createCoreController('api::comment.comment', ({ strapi }) => ({
  async create(ctx) {
    if (ctx.state.auth?.credentials?.type === 'full-access') return super.create(ctx);
    const comment = await createComment(strapi, ctx.request.body?.data);
    // Private fields (email, IP hash, user agent) never leave: the same sanitizer as every read.
    const data = await strapi.contentAPI.sanitize.output(comment, strapi.getModel(COMMENT_UID), {
      auth: ctx.state.auth,
    });
    ctx.status = 201;
    return { data, meta: {} };
  },
}));
