import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../utils/content-types';
import {
  isBlank,
  replaceData,
  scopedMiddleware,
  writeParamsOf,
} from '../utils/document-middleware';

/**
 * Sets an article's publicationTime (the time readers see) when it is published without one.
 * A given time is kept: imported archives are back-dated. Publishing happens through `publish`
 * (an update straight to published becomes save + publish, see publish-updates.ts), or through
 * create with `status: 'published'`, which calls the internal publish directly, without
 * middlewares: both are handled here.
 */
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
