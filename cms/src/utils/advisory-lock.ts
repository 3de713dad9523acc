import type { Core } from '@strapi/strapi';

// Keys are (TOASOAN, concern): no other application on the database picks the pair by chance.
const TOASOAN = 0x546f6153; // "ToaS"

export const ADVISORY_LOCKS = {
  /** Creating a document: picking a free slug and the next article number, then inserting. */
  creates: 1,
  /** An instance's start: the roles, tokens, views and webhook it makes when missing. */
  bootstrap: 2,
} as const;

export const isPostgres = (strapi: Core.Strapi): boolean =>
  strapi.config.get('database.connection.client') === 'postgres';

// The lock is held until the (outermost) transaction commits: another instance waits, then sees
// the rows this one wrote. SQLite has one writer anyway: `work` just runs.
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
