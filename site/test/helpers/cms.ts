import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths';
import { runProcess, startProcess, stopProcess, type StartedProcess } from './processes';

/** A real Strapi server on a throwaway SQLite database. */
export interface TestCms {
  url: string;
  /** The read-only "site-build" token's access key (SITE_API_TOKEN). */
  token: string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now (the OS picks it; we close it at once). */
export async function findFreePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const secret = () => randomBytes(16).toString('base64');

/** The environment of a throwaway CMS: its own database, fresh secrets, no admin panel. */
function cmsEnvironment(dataDir: string, port: number, token: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    // Set even when empty: Strapi's dotenv never overrides a variable that exists, so a
    // developer's cms/.env cannot point the tests at their own database.
    DATABASE_URL: '',
    DATABASE_FILENAME: path.join(dataDir, 'data.db'),
    // Uploads (seeded covers) go to the throwaway folder, not the developer's cms/public.
    PUBLIC_DIR: path.join(dataDir, 'public'),
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    SITE_API_TOKEN: token,
    SERVE_ADMIN_PANEL: 'false',
    DEMO_ADMIN_EMAIL: '',
    DEMO_ADMIN_PASSWORD: '',
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
  // vitest sets NODE_ENV=test; the CMS should run as `npm start` runs it.
  delete env.NODE_ENV;
  return env;
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
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const { stdout, stderr } = server.output();
  throw new Error(
    `Strapi at ${url} did not become healthy (${exitCode === undefined ? 'timed out' : `exited with ${exitCode}`}):\n${stdout}\n${stderr}`,
  );
}

/**
 * Seeds a fresh SQLite database with `npm run seed -w cms -- <seedArgs>` (skipped when
 * `seedArgs` is null: an empty CMS), then starts `npm run start -w cms` on a free port and
 * waits for /_health.
 */
export async function startTestCms(seedArgs: string[] | null): Promise<TestCms> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'toasoan-site-test-cms-'));
  await mkdir(path.join(dataDir, 'public', 'uploads'), { recursive: true });
  const port = await findFreePort();
  const token = randomBytes(32).toString('hex');
  const env = cmsEnvironment(dataDir, port, token);

  if (seedArgs) {
    const seed = await runProcess('npm', ['run', 'seed', '-w', 'cms', '--', ...seedArgs], {
      cwd: repoRoot,
      env,
    });
    if (seed.code !== 0) {
      await rm(dataDir, { recursive: true, force: true });
      throw new Error(
        `Seeding the test CMS failed (exit ${seed.code}):\n${seed.stdout}\n${seed.stderr}`,
      );
    }
  }

  const server = startProcess('npm', ['run', 'start', '-w', 'cms'], { cwd: repoRoot, env });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopProcess(server);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, server, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, token, stop };
}
