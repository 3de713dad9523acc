import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../utils/content-types';
import {
  isBlank,
  replaceData,
  scopedMiddleware,
  writeParamsOf,
} from '../utils/document-middleware';

// A given time is kept (imports are back-dated). A create with `status: 'published'` calls the
// internal publish without middlewares, so it is handled here too.
export const createPublicationTimeMiddleware = (strapi: Core.Strapi) =>
  scopedMiddleware(
    { uids: [ARTICLE_UID], actions: ['create', 'publish'] },
    async (context, next) => {
      const { documentId, status, data = {} } = writeParamsOf(context);

      if (context.action === 'publish') {
        if (documentId) await stampDraft(strapi, documentId);
        return next();
      }
      if (status === 'published' && isBlank(data.publicationTime)) {
        replaceData(context, { ...data, publicationTime: new Date() });
      }
      return next();
    },
  );

/** Writes the time on the draft row, so publish copies it and later publishes keep it. */
async function stampDraft(strapi: Core.Strapi, documentId: string): Promise<void> {
  const draft = await strapi.db.query(ARTICLE_UID).findOne({
    select: ['id', 'publicationTime'],
    where: { documentId, publishedAt: null },
  });
  if (draft && isBlank(draft.publicationTime)) {
    await strapi.db.query(ARTICLE_UID).update({
      where: { id: draft.id },
      data: { publicationTime: new Date() },
    });
  }
}
