import type { Core } from '@strapi/strapi';

/**
 * PostgreSQL advisory locks that make work single-writer across every CMS instance sharing one
 * database (several instances behind a load balancer). Keys are (TOASOAN, concern): no other
 * application on the database picks the same pair by chance.
 */
const TOASOAN = 0x546f6153; // "ToaS"

export const ADVISORY_LOCKS = {
  /** Creating a document: picking a free slug and the next article number, then inserting. */
  creates: 1,
  /** An instance's start: the roles, tokens, views and webhook it makes when missing. */
  bootstrap: 2,
} as const;

export const isPostgres = (strapi: Core.Strapi): boolean =>
  strapi.config.get('database.connection.client') === 'postgres';

/**
 * Runs `work` inside a transaction that first takes the advisory lock `concern`, held until that
 * transaction (or the one already open around the call) commits: another instance's `work` under
 * the same lock waits and then sees the rows this one wrote. Elsewhere than PostgreSQL (SQLite:
 * one machine, one writer) `work` just runs.
 */
export async function withTransactionLock<T>(
  strapi: Core.Strapi,
  concern: keyof typeof ADVISORY_LOCKS,
  work: () => T,
): Promise<Awaited<T>> {
  if (!isPostgres(strapi)) return await work();
  return strapi.db.transaction(async ({ trx }): Promise<Awaited<T>> => {
    await trx.raw('SELECT pg_advisory_xact_lock(?, ?)', [TOASOAN, ADVISORY_LOCKS[concern]]);
    return await work();
  });
}

/** The lock's key pair, for a test or an operator looking at pg_locks (classid, objid). */
export const advisoryLockKey = (concern: keyof typeof ADVISORY_LOCKS): [number, number] => [
  TOASOAN,
  ADVISORY_LOCKS[concern],
];
