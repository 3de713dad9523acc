import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentAdminRequest } from '../utils/admin-request';
import { ARTICLE_UID } from '../utils/content-types';
import { scopedMiddleware, writeParamsOf } from '../utils/document-middleware';

const PUBLISH_ACTION = 'plugin::content-manager.explorer.publish';

// Deleting a live article unpublishes it, which a reporter may not do; Strapi's delete conditions
// see only the draft. Calls from outside the admin (imports, the seed) are not concerned.
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
