import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../utils/content-types';
import {
  scopedMiddleware,
  writeParamsOf,
  type DocumentMiddleware,
} from '../utils/document-middleware';

type MiddlewareResult = Awaited<ReturnType<DocumentMiddleware>>;
// Strapi's types add `publish` only for content types they know to have draft & publish.
interface DraftAndPublishService {
  publish(params: { documentId: string }): Promise<{ entries: unknown[] }>;
}

// Strapi would publish inside `update`, past the middlewares that must see every publish (former
// paths): save the draft, then `publish`, in one transaction, as the admin's Publish button does.
export const createPublishUpdatesMiddleware = (strapi: Core.Strapi) =>
  scopedMiddleware({ uids: [ARTICLE_UID], actions: ['update'] }, async (context, next) => {
    const { documentId, status } = writeParamsOf(context);
    if (status !== 'published' || !documentId) return next();

    // What to return (fields, populate, locale) stays; what to write was for the draft.
    const {
      data: _data,
      status: _status,
      ...selection
    } = context.params as Record<string, unknown>;
    return strapi.db.transaction(async () => {
      (context as { params: unknown }).params = { ...context.params, status: 'draft' };
      const draft = await next();
      // Strapi publishes nothing when the update found no document; neither do we.
      if (!draft) return draft;
      const articles = strapi.documents(ARTICLE_UID) as unknown as DraftAndPublishService;
      const published = await articles.publish({ ...selection, documentId });
      return published.entries[0] as MiddlewareResult;
    });
  });
