import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject, vi } from 'vitest';
import {
  copyThrowawayCmsDir,
  createThrowawayPostgresDatabase,
  dropPostgresDatabase,
  findFreePort,
  makeThrowawayCmsDir,
  seedCommand,
  startCommand,
  throwawayCmsEnv,
  type ThrowawayCmsDir,
} from '../../../scripts/lib/throwaway-cms';
import { runProcess, startProcess, stopProcess, type StartedProcess } from './processes';

export { findFreePort };

/** A real Strapi server on a throwaway database (SQLite, or PostgreSQL: see `TestCmsOptions`). */
export interface TestCms {
  url: string;
  /** Where its data lives: the SQLite file or the PostgreSQL URL, and the uploads' public folder. */
  storage: TestCmsStorage;
  /** The read-only "site-build" token's access key (SITE_API_TOKEN). */
  token: string;
  /** The environment it runs with: a CMS script given it works on this CMS's database. */
  env: NodeJS.ProcessEnv;
  /**
   * Stops the server and keeps its database; `start()` brings it back on the same port and SQLite
   * file with the same secrets (tokens and admin logins stay valid): a CMS that went down.
   */
  halt(): Promise<void>;
  start(): Promise<void>;
  /** Sends a signal to the server's process group: SIGSTOP and SIGCONT make a CMS that hangs. */
  signal(signal: NodeJS.Signals): void;
  /** Stops the server and removes its database. */
  stop(): Promise<void>;
}

export interface TestCmsStorage {
  publicDir: string;
  /** The SQLite file; '' on PostgreSQL. */
  databaseFilename: string;
  /** The PostgreSQL database's URL; '' on SQLite. */
  databaseUrl: string;
}

/**
 * What a test may add to a throwaway CMS: the draft preview's secret, token and site; and the
 * database, by default PostgreSQL when the run has a postgres:// DATABASE_URL (a throwaway
 * database on that server, as the CMS's tests do), else SQLite.
 */
export interface TestCmsOptions {
  preview?: { secret: string; token: string; siteUrl: string };
  database?: 'sqlite' | 'postgres';
  /** A given port (one a halted test CMS left) instead of a free one the OS picks. */
  port?: number;
  /** Runs once before the server first starts, with its environment (e.g. a restore). */
  beforeStart?: (env: NodeJS.ProcessEnv) => Promise<void>;
}

/** The PostgreSQL server of this run (DATABASE_URL names a database the role may connect to). */
function postgresServer(): string | undefined {
  const url = process.env.DATABASE_URL;
  return url?.startsWith('postgres') ? url : undefined;
}

function requirePostgresServer(): string {
  const url = postgresServer();
  if (!url) {
    throw new Error(
      'A test asked for a PostgreSQL CMS but DATABASE_URL names no PostgreSQL server ' +
        '(postgres://user:password@host:port/database, with CREATEDB).',
    );
  }
  return url;
}

const storageOf = (cmsDir: ThrowawayCmsDir, databaseUrl = ''): TestCmsStorage => ({
  publicDir: cmsDir.publicDir,
  databaseFilename: databaseUrl ? '' : cmsDir.databaseFilename,
  databaseUrl,
});

/** The environment of a throwaway CMS: its own database, fresh secrets, no admin panel. */
function cmsEnvironment(
  storage: TestCmsStorage,
  port: number,
  token: string,
  options: TestCmsOptions = {},
): NodeJS.ProcessEnv {
  const { preview } = options;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...throwawayCmsEnv({
      port,
      publicDir: storage.publicDir,
      databaseFilename: storage.databaseFilename,
      database: storage.databaseUrl ? { DATABASE_URL: storage.databaseUrl } : undefined,
      siteToken: token,
      previewSecret: preview?.secret,
      previewToken: preview?.token,
      siteUrl: preview?.siteUrl,
    }),
  };
  // vitest sets NODE_ENV=test; the CMS should run as `npm start` runs it.
  delete env.NODE_ENV;
  return env;
}

/** `npm run seed -w cms -- <args>` (without npm) on a throwaway CMS's database. */
async function seed(args: string[], env: NodeJS.ProcessEnv) {
  const { command, args: commandArgs, cwd } = seedCommand(args);
  const result = await runProcess(command, commandArgs, { cwd, env });
  if (result.code !== 0) {
    throw new Error(
      `Seeding the test CMS (${args.join(' ') || 'the sample'}) failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}

/**
 * The sample newsroom, seeded once per run and database kind into the folder global-setup names
 * (on PostgreSQL the folder holds the uploads and the database is global-setup's template
 * database) and copied by every file that starts from it. Made by the first file that needs it,
 * so a run of files without a CMS seeds nothing.
 */
async function sampleTemplate(postgres: string | undefined): Promise<string> {
  const template = inject('sampleCmsDir') + (postgres ? '-postgres' : '');
  // Files run in parallel: one seeds (it holds the lock, a folder), the others wait for it.
  const lock = `${template}.lock`;
  while (!existsSync(template)) {
    const locked = await mkdir(lock).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') return false;
        throw error;
      },
    );
    if (!locked) {
      await sleep(500);
      continue;
    }
    try {
      if (!existsSync(template)) await seedSampleTemplate(template, postgres);
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
  return template;
}

async function seedSampleTemplate(template: string, postgres: string | undefined): Promise<void> {
  const fresh = await makeThrowawayCmsDir('toasoan-site-test-sample-');
  let databaseUrl = '';
  if (postgres) {
    // Left over when an earlier file of this run failed to seed it.
    await dropPostgresDatabase(postgres, inject('samplePostgresDatabase'));
    const database = await createThrowawayPostgresDatabase(postgres, {
      name: inject('samplePostgresDatabase'),
    });
    databaseUrl = database.url;
  }
  // No webhook in the template: a file that wants one declares it when its CMS starts.
  const env = {
    ...cmsEnvironment(storageOf(fresh, databaseUrl), 0, ''),
    PUBLISH_WEBHOOK_URL: '',
    PUBLISH_HOOK_SECRET: '',
  };
  try {
    await seed([], env);
  } catch (error) {
    await rm(fresh.dir, { recursive: true, force: true });
    throw error;
  }
  await rename(fresh.dir, template);
}

/** A folder (uploads, SQLite file) and, on PostgreSQL, a database for one test CMS. */
async function makeStorage(
  withSample: boolean,
  postgres: string | undefined,
): Promise<{ storage: TestCmsStorage; drop: () => Promise<void> }> {
  const cmsDir = withSample
    ? await copyThrowawayCmsDir(await sampleTemplate(postgres), 'toasoan-site-test-cms-')
    : await makeThrowawayCmsDir('toasoan-site-test-cms-');
  const removeDir = () => rm(cmsDir.dir, { recursive: true, force: true });
  if (!postgres) return { storage: storageOf(cmsDir), drop: removeDir };
  const database = await createThrowawayPostgresDatabase(postgres, {
    template: withSample ? inject('samplePostgresDatabase') : undefined,
  });
  const drop = async () => {
    await database.drop();
    await removeDir();
  };
  return { storage: storageOf(cmsDir, database.url), drop };
}

/** Waits (vi.waitFor) until the server answers /_health; fails at once if it exits. */
async function waitForHealth(
  url: string,
  server: StartedProcess,
  timeoutMs: number,
): Promise<void> {
  let exitCode: number | null | undefined;
  void server.exited.then((code) => (exitCode = code));
  const healthy = await vi
    .waitFor(
      async () => {
        if (exitCode !== undefined) return false;
        const response = await fetch(`${url}/_health`);
        if (!response.ok) throw new Error(`/_health answered ${response.status}`);
        return true;
      },
      { timeout: timeoutMs, interval: 100 },
    )
    .catch(() => false);
  if (healthy) return;
  const { stdout, stderr } = server.output();
  throw new Error(
    `Strapi at ${url} did not become healthy (${exitCode === undefined ? 'timed out' : `exited with ${exitCode}`}):\n${stdout}\n${stderr}`,
  );
}

/**
 * A CMS on its own SQLite database, started on a free port once /_health answers. `seedArgs` are
 * `npm run seed -w cms` arguments: null for an empty CMS; `[]` (the sample newsroom) copies the
 * run's seeded template; other arguments seed on top of the template (sample included) or, with
 * `--no-sample`, on an empty database.
 */
export async function startTestCms(
  seedArgs: string[] | null,
  options: TestCmsOptions = {},
): Promise<TestCms> {
  const withSample = seedArgs !== null && !seedArgs.includes('--no-sample');
  const usePostgres =
    (options.database ?? (postgresServer() ? 'postgres' : 'sqlite')) === 'postgres';
  const { storage, drop } = await makeStorage(
    withSample,
    usePostgres ? requirePostgresServer() : undefined,
  );
  const port = options.port ?? (await findFreePort());
  const token = randomBytes(32).toString('hex');
  const env = cmsEnvironment(storage, port, token, options);

  // The seed is idempotent: on the template it only adds what the arguments ask beyond the sample.
  if (seedArgs && seedArgs.length > 0) {
    try {
      await seed(seedArgs, env);
    } catch (error) {
      await drop();
      throw error;
    }
  }

  const { command, args, cwd } = startCommand();
  const url = `http://127.0.0.1:${port}`;
  let server: StartedProcess | undefined;
  const halt = async () => {
    if (server) await stopProcess(server);
    server = undefined;
  };
  const start = async () => {
    if (server) throw new Error(`The test CMS at ${url} is already running.`);
    server = startProcess(command, args, { cwd, env });
    await waitForHealth(url, server, 60_000);
  };
  const stop = async () => {
    await halt();
    await drop();
  };
  const signal = (name: NodeJS.Signals) => {
    if (server?.child.pid) process.kill(-server.child.pid, name);
  };
  try {
    await options.beforeStart?.(env);
    await start();
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, storage, token, env, halt, start, signal, stop };
}
