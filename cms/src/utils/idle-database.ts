import type { Core } from '@strapi/strapi';

/** The counters of knex's connection pool (tarn) that tell whether a query is still running. */
interface PoolCounters {
  numUsed(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

// Before `strapi.destroy()`: Strapi loads an entry for its `entry.*` event in the background, and
// destroying the pool under that query makes knex reject it ("Error: aborted", on PostgreSQL).
export async function waitForIdleDatabase(strapi: Core.Strapi, timeoutMs = 5000): Promise<void> {
  const pool = (strapi.db.connection.client as unknown as { pool?: PoolCounters }).pool;
  if (!pool) return;

  const deadline = Date.now() + timeoutMs;
  let idleChecks = 0;
  // Several idle checks in a row: the background work chains query → sanitize → emit.
  while (idleChecks < 3 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    const busy = pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0;
    idleChecks = busy ? 0 : idleChecks + 1;
  }
}
