import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../utils/content-types';
import {
  isBlank,
  replaceData,
  scopedMiddleware,
  writeParamsOf,
} from '../utils/document-middleware';

// Any publish fulfils the schedule: cleared on the draft before publish copies it, so an article
// published early is not published again when its old time comes.
export const createScheduledTimeMiddleware = (strapi: Core.Strapi) =>
  scopedMiddleware(
    { uids: [ARTICLE_UID], actions: ['create', 'publish'] },
    async (context, next) => {
      const { documentId, status, data = {} } = writeParamsOf(context);
      if (context.action === 'publish') {
        if (documentId) {
          await strapi.db.query(ARTICLE_UID).updateMany({
            where: { documentId, publishedAt: null, scheduledAt: { $notNull: true } },
            data: { scheduledAt: null },
          });
        }
      } else if (status === 'published' && !isBlank(data.scheduledAt)) {
        replaceData(context, { ...data, scheduledAt: null });
      }
      return next();
    },
  );
