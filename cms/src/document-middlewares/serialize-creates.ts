import type { Core } from '@strapi/strapi';
import { withTransactionLock } from '../utils/advisory-lock';
import { isAppContentType } from '../utils/content-types';
import { scopedMiddleware, type DocumentMiddleware } from '../utils/document-middleware';

// Two creates must not pick the same slug or number (drafts skip Strapi's unique check). A call
// inside a transaction is not queued: on SQLite it holds the only connection (deadlock).
export const createSerializeCreatesMiddleware = (strapi: Core.Strapi): DocumentMiddleware => {
  let queue: Promise<unknown> = Promise.resolve();

  return scopedMiddleware(
    { uids: isAppContentType, actions: ['create', 'clone'] },
    (context, next) => {
      const locked = () => withTransactionLock(strapi, 'creates', next);
      if (strapi.db.inTransaction()) return locked();

      const previous = queue;
      const result = (async () => {
        await previous;
        return locked();
      })();
      // The queue only orders the work; each caller still sees its own result or error.
      queue = result.catch(() => undefined);
      return result;
    },
  );
};
