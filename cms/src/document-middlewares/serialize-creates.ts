import type { Core } from '@strapi/strapi';
import { isAppContentType } from '../utils/content-types';
import { scopedMiddleware, type DocumentMiddleware } from '../utils/document-middleware';

/**
 * Runs creates (and clones) of our documents one at a time, so two concurrent creates cannot both
 * pick the same generated slug or article number between the check and the insert (drafts skip
 * Strapi's unique validation). Calls already inside a database transaction are not queued: on
 * SQLite the transaction holds the only connection, and waiting for the queue could deadlock.
 */
export const createSerializeCreatesMiddleware = (strapi: Core.Strapi): DocumentMiddleware => {
  let queue: Promise<unknown> = Promise.resolve();

  return scopedMiddleware(
    { uids: isAppContentType, actions: ['create', 'clone'] },
    (context, next) => {
      if (strapi.db.inTransaction()) return next();

      const previous = queue;
      const result = (async () => {
        await previous;
        return next();
      })();
      // The queue only orders the work; each caller still sees its own result or error.
      queue = result.catch(() => undefined);
      return result;
    },
  );
};
