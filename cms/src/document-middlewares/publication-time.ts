import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../utils/content-types';
import {
  isBlank,
  replaceData,
  writeParamsOf,
  type DocumentMiddleware,
} from '../utils/document-middleware';
import { findStoredValues } from '../utils/unique-value';

/**
 * Sets an article's publicationTime (the time readers see) when it is published without one.
 * A given time is kept: imported archives are back-dated. Publishing happens through `publish`,
 * or through create/update with `status: 'published'`, which call the internal publish directly
 * (without middlewares), so all three are handled here.
 */
export const createPublicationTimeMiddleware =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (context, next) => {
    if (context.uid !== ARTICLE_UID) return next();
    const { documentId, status, data = {} } = writeParamsOf(context);

    if (context.action === 'publish' && documentId) {
      await stampDraft(strapi, documentId);
      return next();
    }

    const publishesNow =
      (context.action === 'create' || context.action === 'update') && status === 'published';
    if (!publishesNow || !isBlank(data.publicationTime)) return next();

    if (context.action === 'update' && documentId && !('publicationTime' in data)) {
      const stored = await findStoredValues(strapi, ARTICLE_UID, documentId, ['publicationTime']);
      if (!isBlank(stored?.publicationTime)) return next();
    }
    replaceData(context, { ...data, publicationTime: new Date() });
    return next();
  };

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
