import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '@strapi/strapi';
import { readCmsEnv } from '../../src/utils/env';

/** cms/ — this file lives in cms/scripts/lib. */
export const APP_DIR = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST_DIR = path.join(APP_DIR, 'dist');

export class SeedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SeedError';
  }
}

/**
 * Reads cms/.env (or the file ENV_PATH names) into process.env without overriding what is already
 * set — what Strapi's own dotenv does when it loads — so a script can check its settings first.
 */
export function loadEnvFile(): void {
  // Strapi reads ENV_PATH, else .env in the working directory: make it cms/.env wherever we run from.
  process.env.ENV_PATH ??= path.join(APP_DIR, '.env');
  if (existsSync(process.env.ENV_PATH)) process.loadEnvFile(process.env.ENV_PATH);
}

/**
 * Loads the compiled Strapi app (cms/dist) with everything a script needs — database, content
 * types, document middlewares, bootstrap — but without an HTTP server or the admin panel.
 */
export async function loadStrapi(): Promise<Core.Strapi> {
  if (!existsSync(path.join(DIST_DIR, 'src', 'index.js'))) {
    throw new SeedError('cms/dist is missing: run npm run compile -w cms first.');
  }
  loadEnvFile();
  process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';
  // A script never serves the admin, so it must not depend on the admin build (cms/dist/build).
  process.env.SERVE_ADMIN_PANEL = 'false';
  // Through CommonJS: Strapi's ESM entry does not load outside its own CLI (lodash/fp import).
  const { createStrapi } = createRequire(import.meta.url)(
    '@strapi/strapi',
  ) as typeof import('@strapi/strapi');
  const strapi = createStrapi({
    appDir: APP_DIR,
    distDir: DIST_DIR,
    autoReload: false,
    serveAdminPanel: false,
  });
  // Strapi's info lines (migrations, bootstrap) would drown the seed's own progress lines.
  strapi.log.level = readCmsEnv().STRAPI_LOG_LEVEL;
  await strapi.load();
  return strapi;
}

interface PoolStats {
  numUsed(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

/**
 * Resolves once no query has run or waited for a few checks in a row (or after `timeoutMs`), with
 * whether the pool went quiet. Each document-service write emits an event whose payload is read
 * from the database after the write has returned (during a transaction on SQLite, only after it
 * commits); closing the pool under those reads rejects them with "aborted" and crashes the process.
 */
export async function waitForQuietDatabase(
  strapi: Core.Strapi,
  timeoutMs = 30_000,
): Promise<boolean> {
  const pool = (strapi.db.connection as unknown as { client?: { pool?: PoolStats } }).client?.pool;
  const deadline = Date.now() + timeoutMs;
  let quietChecks = 0;
  while (pool && quietChecks < 3 && Date.now() < deadline) {
    const busy = pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates();
    quietChecks = busy === 0 ? quietChecks + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !pool || quietChecks >= 3;
}

/** Stops Strapi once the database is quiet (see waitForQuietDatabase). */
export async function destroyStrapi(strapi: Core.Strapi): Promise<void> {
  await waitForQuietDatabase(strapi);
  await strapi.destroy();
}
