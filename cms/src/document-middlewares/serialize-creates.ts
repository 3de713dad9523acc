import type { Core } from '@strapi/strapi';
import { withTransactionLock } from '../utils/advisory-lock';
import { isAppContentType } from '../utils/content-types';
import { scopedMiddleware, type DocumentMiddleware } from '../utils/document-middleware';

/**
 * Runs creates (and clones) of our documents one at a time, so two concurrent creates cannot both
 * pick the same generated slug or article number between the check and the insert (drafts skip
 * Strapi's unique validation). Calls already inside a database transaction are not queued: on
 * SQLite the transaction holds the only connection, and waiting for the queue could deadlock.
 * On PostgreSQL each create also holds an advisory lock until it commits: one at a time across
 * every CMS instance on the database, not only in this process.
 */
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
