// The tests' and benchmarks' own Strapi: scripts/README.md, "The throwaway CMS".
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CMS_DIR } from './paths';

const secret = (bytes = 32) => randomBytes(bytes).toString('base64');

/** The random values Strapi refuses to start without, as `strapi new` makes them. */
export function strapiSecrets(): Record<string, string> {
  return {
    APP_KEYS: Array.from({ length: 4 }, () => secret(16)).join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
  };
}

export interface ThrowawayCmsOptions {
  /** 0: the OS picks (in-process Strapi). */
  port: number;
  /** '' when `database` gives DATABASE_URL instead. */
  databaseFilename?: string;
  database?: Record<string, string>;
  publicDir: string;
  siteToken: string;
  commentToken?: string;
  previewSecret?: string;
  previewToken?: string;
  siteUrl?: string;
  admin?: { email: string; password: string };
}

/** Each is set, even to '': Strapi's dotenv then cannot fill one in from cms/.env. */
export function throwawayCmsEnv(options: ThrowawayCmsOptions): Record<string, string> {
  const { port } = options;
  return {
    HOST: '127.0.0.1',
    PORT: String(port),
    ...(port ? { PUBLIC_URL: `http://127.0.0.1:${port}` } : {}),
    DATABASE_URL: '',
    DATABASE_FILENAME: options.databaseFilename ?? '',
    ...options.database,
    PUBLIC_DIR: options.publicDir,
    ...strapiSecrets(),
    SITE_API_TOKEN: options.siteToken,
    COMMENT_API_TOKEN: options.commentToken ?? '',
    PREVIEW_SECRET: options.previewSecret ?? '',
    PREVIEW_API_TOKEN: options.previewToken ?? '',
    SITE_URL: options.siteUrl ?? 'http://localhost:4321',
    SERVE_ADMIN_PANEL: 'false',
    DEMO_ADMIN_EMAIL: options.admin?.email ?? '',
    DEMO_ADMIN_PASSWORD: options.admin?.password ?? '',
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
}

/** On tmpfs when there is one: a fresh Strapi schema is thousands of small fsync'd writes. */
export async function makeThrowawayCmsDir(prefix: string): Promise<ThrowawayCmsDir> {
  const parent = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const dir = await mkdtemp(path.join(parent, prefix));
  await mkdir(path.join(dir, 'public', 'uploads'), { recursive: true });
  return throwawayCmsDir(dir);
}

export interface ThrowawayCmsDir {
  dir: string;
  databaseFilename: string;
  publicDir: string;
}

const throwawayCmsDir = (dir: string): ThrowawayCmsDir => ({
  dir,
  databaseFilename: path.join(dir, 'data.db'),
  publicDir: path.join(dir, 'public'),
});

/** A copy of a seeded folder: the sample newsroom in a fraction of a second, without a seed. */
export async function copyThrowawayCmsDir(
  template: string,
  prefix: string,
): Promise<ThrowawayCmsDir> {
  const copy = await makeThrowawayCmsDir(prefix);
  await cp(template, copy.dir, { recursive: true });
  return copy;
}

export interface ThrowawayPostgresDatabase {
  name: string;
  url: string;
  /** Ends connections a failed test may have left open (PostgreSQL 13+). */
  drop(): Promise<void>;
}

/** pg is the CMS's dependency, without types. */
export interface PostgresClient {
  connect(): Promise<void>;
  query(sql: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  end(): Promise<void>;
}

export async function connectPostgres(url: string): Promise<PostgresClient> {
  const { Client } = createRequire(path.join(CMS_DIR, 'package.json'))('pg') as {
    Client: new (options: { connectionString: string }) => PostgresClient;
  };
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

export async function runOnPostgres(serverUrl: string, sql: string): Promise<void> {
  const client = await connectPostgres(serverUrl);
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * The role needs CREATEDB. The server copies a `template` in a fraction of a second (nobody may
 * be connected to it meanwhile).
 */
export async function createThrowawayPostgresDatabase(
  serverUrl: string,
  options: { template?: string; name?: string } = {},
): Promise<ThrowawayPostgresDatabase> {
  const name = options.name ?? `toasoan_test_${randomBytes(6).toString('hex')}`;
  await runOnPostgres(
    serverUrl,
    `CREATE DATABASE ${name}${options.template ? ` TEMPLATE ${options.template}` : ''}`,
  );
  return {
    name,
    url: postgresDatabaseUrl(serverUrl, name),
    drop: () => dropPostgresDatabase(serverUrl, name),
  };
}

export async function dropPostgresDatabase(serverUrl: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnPostgres(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } catch (error) {
      // Without superuser, FORCE cannot end an autovacuum worker (42501, seen on PostgreSQL 15):
      // it is done in moments.
      if ((error as { code?: string }).code !== '42501' || attempt === 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

function postgresDatabaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** `npm run seed -w cms -- <args>` without npm. */
export function seedCommand(args: string[]): { command: string; args: string[]; cwd: string } {
  return {
    command: process.execPath,
    args: ['--import', 'tsx', path.join(CMS_DIR, 'scripts', 'seed.ts'), ...args],
    cwd: CMS_DIR,
  };
}

/** `npm run start -w cms` without npm and Strapi's CLI: the compiled app, as `strapi start`. */
export function startCommand(): { command: string; args: string[]; cwd: string } {
  const script = [
    "const path = require('node:path');",
    "const { createStrapi } = require('@strapi/strapi');",
    "createStrapi({ appDir: process.cwd(), distDir: path.join(process.cwd(), 'dist') }).start();",
  ].join(' ');
  return { command: process.execPath, args: ['-e', script], cwd: CMS_DIR };
}

export async function findFreePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
