import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentAdminRequest } from '../utils/admin-request';
import { ARTICLE_UID } from '../utils/content-types';
import { scopedMiddleware, writeParamsOf } from '../utils/document-middleware';

const PUBLISH_ACTION = 'plugin::content-manager.explorer.publish';

/**
 * Deleting a published article takes it off the site, which is unpublishing: an admin user who may
 * not publish articles (a reporter) may delete their own drafts, but not an article that is live.
 * Strapi's delete permission cannot say so (its conditions see the draft, never the published
 * version), hence this check; calls from outside the admin (imports, the seed) are not concerned.
 */
export const createPublishedDeleteGuardMiddleware = (strapi: Core.Strapi) =>
  scopedMiddleware({ uids: [ARTICLE_UID], actions: ['delete'] }, async (context, next) => {
    const admin = currentAdminRequest(strapi);
    const { documentId } = writeParamsOf(context);
    if (admin && documentId && !admin.ability.can(PUBLISH_ACTION, ARTICLE_UID)) {
      const live = await strapi.db
        .query(ARTICLE_UID)
        .count({ where: { documentId, publishedAt: { $notNull: true } } });
      if (live > 0) {
        throw new errors.ForbiddenError(
          'Bài đã đăng: chỉ biên tập viên mới gỡ hoặc xóa được bài này.',
        );
      }
    }
    return next();
  });
