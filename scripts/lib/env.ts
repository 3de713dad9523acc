/**
 * The one place the root scripts read configuration: cms/.env, site/.env and the process
 * environment (which wins, as with dotenv). Also creates those files with fresh secrets when they
 * are missing, so `npm start` needs no set-up.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { CMS_ENV_FILE, DOCKER_ENV_FILE, SITE_ENV_FILE, shortPath } from './paths';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type EnvValues = Record<string, string>;

/** Colours in the terminal, unless NO_COLOR is set (https://no-color.org). */
export function wantsColor(): boolean {
  return Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
}

export const DEFAULT_CMS_PORT = 1337;
export const SITE_PORT = 4321;
export const DEFAULT_DEMO_ADMIN_EMAIL = 'admin@toasoan.local';

function readEnvFile(file: string): EnvValues | null {
  if (!existsSync(file)) return null;
  return parseEnv(readFileSync(file, 'utf8')) as EnvValues;
}

function secret(bytes = 32): string {
  return randomBytes(bytes).toString('base64');
}

/** Satisfies Strapi's admin password rule: 8+ characters with lower case, upper case and digit. */
function demoPassword(): string {
  return `ToaSoan-${randomBytes(6).toString('hex')}-${randomInt(10, 100)}`;
}

/** The random values Strapi needs; SITE_API_TOKEN becomes the site's STRAPI_TOKEN. */
export function generateCmsSecrets(): EnvValues {
  return {
    APP_KEYS: Array.from({ length: 4 }, () => secret(16)).join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    // Hex like the keys Strapi generates itself; the access key of the read-only "site-build" token.
    SITE_API_TOKEN: randomBytes(64).toString('hex'),
  };
}

function format(values: EnvValues): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
}

export interface EnsuredEnvFile {
  file: string;
  /** 'created', 'completed' (missing keys appended) or 'kept'. */
  action: 'created' | 'completed' | 'kept';
  added: string[];
}

/**
 * Writes `wanted` to `file` when the file is missing; otherwise appends only the keys it lacks
 * (never touching values someone set).
 */
function ensureEnvFile(file: string, header: string, wanted: EnvValues): EnsuredEnvFile {
  const existing = readEnvFile(file);
  if (!existing) {
    writeFileSync(file, `${header}\n${format(wanted)}\n`, { mode: 0o600 });
    return { file, action: 'created', added: Object.keys(wanted) };
  }
  const missing = Object.fromEntries(Object.entries(wanted).filter(([key]) => !(key in existing)));
  const added = Object.keys(missing);
  if (added.length === 0) return { file, action: 'kept', added };
  const text = readFileSync(file, 'utf8');
  const separator = text.endsWith('\n') || text === '' ? '' : '\n';
  appendFileSync(
    file,
    `${separator}\n# Added by npm start on ${new Date().toISOString()}\n${format(missing)}\n`,
  );
  return { file, action: 'completed', added };
}

/** Creates or completes cms/.env and site/.env; they share the site token. */
export function ensureEnvFiles(): EnsuredEnvFile[] {
  const cms = readEnvFile(CMS_ENV_FILE) ?? {};
  const site = readEnvFile(SITE_ENV_FILE) ?? {};
  const secrets = generateCmsSecrets();
  // Whichever file already has the token decides it, so the two stay equal.
  const token = cms.SITE_API_TOKEN || site.STRAPI_TOKEN || secrets.SITE_API_TOKEN;
  const port = process.env.PORT ?? cms.PORT ?? String(DEFAULT_CMS_PORT);

  return [
    ensureEnvFile(
      CMS_ENV_FILE,
      [
        '# Tòa Soạn CMS settings, created by `npm start` with random secrets for this machine.',
        '# Keep it private. Every variable is described in .env.example at the repository root.',
        '# Uncomment to use PostgreSQL instead of the SQLite file cms/.tmp/data.db:',
        '# DATABASE_URL=postgres://toasoan:password@localhost:5432/toasoan',
      ].join('\n'),
      {
        ...secrets,
        SITE_API_TOKEN: token,
        DEMO_ADMIN_EMAIL: DEFAULT_DEMO_ADMIN_EMAIL,
        DEMO_ADMIN_PASSWORD: demoPassword(),
      },
    ),
    ensureEnvFile(
      SITE_ENV_FILE,
      [
        '# Tòa Soạn site settings, created by `npm start`. STRAPI_TOKEN must equal SITE_API_TOKEN',
        '# in cms/.env (the read-only token the CMS creates at start-up).',
      ].join('\n'),
      {
        STRAPI_URL: `http://127.0.0.1:${port}`,
        STRAPI_TOKEN: token,
        SITE_URL: `http://localhost:${SITE_PORT}`,
      },
    ),
  ];
}

export interface StartConfig {
  /** Environment for cms processes (build, seed, start). */
  cmsEnv: NodeJS.ProcessEnv;
  /** Environment for site processes (build, serve). */
  siteEnv: NodeJS.ProcessEnv;
  cmsPort: number;
  /** Where this machine reaches Strapi (health checks). */
  cmsLocalUrl: string;
  adminUrl: string;
  siteUrl: string;
  sitePort: number;
  demoAdmin: { email: string; password: string } | null;
  database: string;
}

/** Reads the env files and the environment into what `npm start` needs; call after ensureEnvFiles. */
export function loadStartConfig(): StartConfig {
  const common = { STRAPI_TELEMETRY_DISABLED: 'true' };
  // The process environment wins over the files, as dotenv does inside Strapi.
  const cmsEnv: NodeJS.ProcessEnv = { ...readEnvFile(CMS_ENV_FILE), ...process.env, ...common };
  const siteEnv: NodeJS.ProcessEnv = { ...readEnvFile(SITE_ENV_FILE), ...process.env, ...common };

  if (cmsEnv.SITE_API_TOKEN !== siteEnv.STRAPI_TOKEN) {
    throw new ConfigError(
      `STRAPI_TOKEN (${shortPath(SITE_ENV_FILE)}) differs from SITE_API_TOKEN (${shortPath(CMS_ENV_FILE)}): ` +
        'the site build would be refused. Make them equal, or delete site/.env to have it recreated.',
    );
  }
  const cmsPort = Number(cmsEnv.PORT ?? DEFAULT_CMS_PORT);
  if (!Number.isInteger(cmsPort) || cmsPort <= 0 || cmsPort > 65535) {
    throw new ConfigError(`PORT must be a TCP port number, not "${cmsEnv.PORT}".`);
  }
  const publicUrl = (cmsEnv.PUBLIC_URL ?? `http://localhost:${cmsPort}`).replace(/\/$/, '');
  const { DEMO_ADMIN_EMAIL: email, DEMO_ADMIN_PASSWORD: password } = cmsEnv;

  return {
    cmsEnv,
    siteEnv,
    cmsPort,
    cmsLocalUrl: `http://127.0.0.1:${cmsPort}`,
    adminUrl: `${publicUrl}/admin`,
    siteUrl: siteEnv.SITE_URL ?? `http://localhost:${SITE_PORT}`,
    sitePort: SITE_PORT,
    demoAdmin: email && password ? { email, password } : null,
    database: cmsEnv.DATABASE_URL
      ? `PostgreSQL (${new URL(cmsEnv.DATABASE_URL).host})`
      : `SQLite (${cmsEnv.DATABASE_FILENAME ?? 'cms/.tmp/data.db'})`,
  };
}

/** Writes the root .env that docker-compose.yml reads, with fresh secrets; refuses to overwrite. */
export function createDockerEnvFile(): string {
  if (existsSync(DOCKER_ENV_FILE)) {
    throw new ConfigError(
      `${shortPath(DOCKER_ENV_FILE)} already exists; delete it first to get fresh secrets.`,
    );
  }
  const values: EnvValues = {
    // Hex only, so it can sit inside DATABASE_URL without escaping.
    POSTGRES_PASSWORD: randomBytes(18).toString('hex'),
    ...generateCmsSecrets(),
    PUBLIC_URL: `http://localhost:${DEFAULT_CMS_PORT}`,
    SITE_URL: `http://localhost:${SITE_PORT}`,
    DEMO_ADMIN_EMAIL: DEFAULT_DEMO_ADMIN_EMAIL,
    DEMO_ADMIN_PASSWORD: demoPassword(),
  };
  const header = [
    '# Secrets for docker-compose.yml, created by `npx tsx scripts/create-env.ts --docker`.',
    '# Keep it private; every variable is described in .env.example.',
  ].join('\n');
  writeFileSync(DOCKER_ENV_FILE, `${header}\n${format(values)}\n`, { mode: 0o600 });
  return DOCKER_ENV_FILE;
}
