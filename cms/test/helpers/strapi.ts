import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '@strapi/strapi';
import { throwawayCmsEnv } from '../../../scripts/lib/throwaway-cms';
import { waitForIdleDatabase } from '../../src/utils/idle-database';
import { createTestDatabase, type TestDatabase } from './test-database';

// Loaded through CommonJS: Strapi's ESM entry fails under vitest ("Directory import …/lodash/fp").
const require = createRequire(import.meta.url);

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const distDir = path.join(cmsDir, 'dist');

export interface TestCms {
  strapi: Core.Strapi;
  /** Base URL of the running server, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The SITE_API_TOKEN the "site-build" token was given. */
  siteToken: string;
  database: TestDatabase;
  /**
   * Stops Strapi and starts it again on the same database (bootstrap runs again); `whileStopped`
   * runs in between (e.g. waiting until a scheduled time has passed).
   */
  restart(
    changes?: Record<string, string>,
    options?: { whileStopped?: () => Promise<void> },
  ): Promise<TestCms>;
  /** Stops Strapi, drops the database and removes the uploads. */
  stop(): Promise<void>;
}

/**
 * Boots the compiled CMS (cms/dist, built once by `npm run compile -w cms`) on a throwaway
 * database and an ephemeral port, without the admin panel. One per test file.
 */
export async function startCms(env: Record<string, string> = {}): Promise<TestCms> {
  assertCompiled();
  const database = await createTestDatabase();
  // Uploads go to a temp dir too: tests must not fill cms/public/uploads.
  const publicDir = await mkdtemp(path.join(os.tmpdir(), 'toasoan-cms-public-'));
  await mkdir(path.join(publicDir, 'uploads'));
  const bootEnv = {
    // Random secrets per file, so nothing depends on a .env; PORT 0: boot() listens on a free one.
    ...throwawayCmsEnv({
      port: 0,
      database: database.env,
      publicDir,
      siteToken: randomBytes(32).toString('hex'),
    }),
    ...env,
  };
  // The files share one worker (isolate: false): what this CMS put into process.env goes back
  // as it was, so no variable of one file reaches the next.
  const envBefore = { ...process.env };
  const cleanUp = async () => {
    restoreEnv(envBefore);
    await database.drop();
    await rm(publicDir, { recursive: true, force: true });
  };
  const id = Symbol('test CMS');
  const booting = boot(database, bootEnv, cleanUp, id).catch(async (error: unknown) => {
    unstopped.delete(id);
    await cleanUp();
    throw error;
  });
  unstopped.set(id, booting);
  return booting;
}

/** Every CMS started and not yet stopped (booting or running), by startCms call. */
const unstopped = new Map<symbol, Promise<TestCms>>();

/**
 * Stops every CMS a test file left running or still booting (its beforeAll timed out): the files
 * share one worker, so the next one must not meet it. test/setup/stop-every-cms.ts calls it after
 * each file.
 */
export async function stopEveryCms(): Promise<void> {
  const left = [...unstopped.values()];
  unstopped.clear();
  for (const booting of left) {
    const cms = await booting.catch(() => undefined);
    await cms?.stop();
  }
}

async function boot(
  database: TestDatabase,
  env: Record<string, string>,
  cleanUp: () => Promise<void>,
  id: symbol,
): Promise<TestCms> {
  // Strapi reads its config from process.env; vitest's threads each have their own copy.
  Object.assign(process.env, env);

  const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  const strapi = createStrapi({
    appDir: cmsDir,
    distDir,
    autoReload: false,
    serveAdminPanel: false,
  });
  strapi.log.level = process.env.TEST_LOG_LEVEL ?? 'warn';
  await strapi.load();
  // server.listen, not strapi.listen(): the latter only adds the startup banner.
  await new Promise<void>((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
  const { port } = strapi.server.httpServer.address() as AddressInfo;

  const stopStrapi = async () => {
    await waitForIdleDatabase(strapi);
    await strapi.destroy();
  };
  return {
    strapi,
    url: `http://127.0.0.1:${port}`,
    siteToken: env.SITE_API_TOKEN,
    database,
    async restart(changes = {}, { whileStopped } = {}) {
      await stopStrapi();
      await whileStopped?.();
      // Same secrets and database: only what the test changes differs, as on a real restart.
      const next = boot(database, { ...env, ...changes }, cleanUp, id);
      unstopped.set(id, next);
      return next;
    },
    async stop() {
      unstopped.delete(id);
      try {
        await stopStrapi();
      } finally {
        await cleanUp();
      }
    },
  };
}

function restoreEnv(values: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(process.env)) if (!(key in values)) delete process.env[key];
  Object.assign(process.env, values);
}

function assertCompiled(): void {
  if (!existsSync(path.join(distDir, 'src', 'index.js'))) {
    throw new Error(
      `The CMS is not compiled (${distDir}/src/index.js is missing). Run \`npm run compile -w cms\` first ` +
        '(the root `npm test` does it).',
    );
  }
}
