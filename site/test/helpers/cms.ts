import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { inject } from 'vitest';
import {
  copyThrowawayCmsDir,
  findFreePort,
  makeThrowawayCmsDir,
  seedCommand,
  startCommand,
  throwawayCmsEnv,
  type ThrowawayCmsDir,
} from '../../../scripts/lib/throwaway-cms';
import { runProcess, startProcess, stopProcess, type StartedProcess } from './processes';

export { findFreePort };

/** A real Strapi server on a throwaway SQLite database. */
export interface TestCms {
  url: string;
  /** The read-only "site-build" token's access key (SITE_API_TOKEN). */
  token: string;
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

/** What a test may add to a throwaway CMS: the draft preview's secret, token and site. */
export interface TestCmsOptions {
  preview?: { secret: string; token: string; siteUrl: string };
}

/** The environment of a throwaway CMS: its own database, fresh secrets, no admin panel. */
function cmsEnvironment(
  cmsDir: ThrowawayCmsDir,
  port: number,
  token: string,
  options: TestCmsOptions = {},
): NodeJS.ProcessEnv {
  const { preview } = options;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...throwawayCmsEnv({
      port,
      ...cmsDir,
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
async function seed(cmsDir: ThrowawayCmsDir, args: string[], env: NodeJS.ProcessEnv) {
  const { command, args: commandArgs, cwd } = seedCommand(args);
  const result = await runProcess(command, commandArgs, { cwd, env });
  if (result.code !== 0) {
    await rm(cmsDir.dir, { recursive: true, force: true });
    throw new Error(
      `Seeding the test CMS (${args.join(' ') || 'the sample'}) failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}

/**
 * The sample newsroom, seeded once per run into the folder global-setup names and copied by every
 * file that starts from it. Made by the first file that needs it (files run one at a time), so a
 * run of files without a CMS seeds nothing.
 */
async function sampleTemplate(): Promise<string> {
  const template = inject('sampleCmsDir');
  if (existsSync(template)) return template;
  const fresh = await makeThrowawayCmsDir('toasoan-site-test-sample-');
  // No webhook in the template: a file that wants one declares it when its CMS starts.
  const env = { ...cmsEnvironment(fresh, 0, ''), PUBLISH_WEBHOOK_URL: '', PUBLISH_HOOK_SECRET: '' };
  await seed(fresh, [], env);
  await rename(fresh.dir, template);
  return template;
}

async function waitForHealth(
  url: string,
  server: StartedProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void server.exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) break;
    const healthy = await fetch(`${url}/_health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
  const cmsDir = withSample
    ? await copyThrowawayCmsDir(await sampleTemplate(), 'toasoan-site-test-cms-')
    : await makeThrowawayCmsDir('toasoan-site-test-cms-');
  const port = await findFreePort();
  const token = randomBytes(32).toString('hex');
  const env = cmsEnvironment(cmsDir, port, token, options);

  // The seed is idempotent: on the template it only adds what the arguments ask beyond the sample.
  if (seedArgs && seedArgs.length > 0) await seed(cmsDir, seedArgs, env);

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
    await rm(cmsDir.dir, { recursive: true, force: true });
  };
  const signal = (name: NodeJS.Signals) => {
    if (server?.child.pid) process.kill(-server.child.pid, name);
  };
  try {
    await start();
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, token, halt, start, signal, stop };
}
