// The one place the root scripts read cms/.env, site/.env and the environment (which wins).
import { randomBytes, randomInt } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { cmsEnv, EnvError, publisherEnv, scriptsEnv, type EnvSchema } from '@toasoan/shared';
import { CMS_ENV_FILE, DOCKER_ENV_FILE, SITE_ENV_FILE, shortPath } from './paths';
import { strapiSecrets } from './throwaway-cms';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type EnvValues = Record<string, string>;

/** Unless NO_COLOR is set (https://no-color.org). */
export function wantsColor(): boolean {
  return Boolean(process.stdout.isTTY) && !scriptsEnv.parse(process.env).NO_COLOR;
}

function check<S extends EnvSchema<any>>(schema: S, env: NodeJS.ProcessEnv, file: string) {
  try {
    return schema.parse(env) as ReturnType<S['parse']>;
  } catch (error) {
    if (error instanceof EnvError)
      throw new ConfigError(`${shortPath(file)} or the environment: ${error.message}`);
    throw error;
  }
}

export const DEFAULT_CMS_PORT = 1337;
export const DEFAULT_SITE_PORT = 4321;
/** Answered by site/publisher/control-endpoints.ts. */
export const PUBLISHER_HOOK_PATH = '/_publisher/hook';
export const DEFAULT_DEMO_ADMIN_EMAIL = 'admin@toasoan.local';

function readEnvFile(file: string): EnvValues | null {
  if (!existsSync(file)) return null;
  return parseEnv(readFileSync(file, 'utf8')) as EnvValues;
}

/** Hex: safe in an HTTP header, a .env file and a shell without quoting. */
function hookSecret(): string {
  return randomBytes(32).toString('hex');
}

/** Strapi's rule: 8+ characters with lower case, upper case and a digit. */
function demoPassword(): string {
  return `ToaSoan-${randomBytes(6).toString('hex')}-${randomInt(10, 100)}`;
}

export function generateCmsSecrets(): EnvValues {
  return {
    ...strapiSecrets(),
    // Hex, like the keys Strapi generates itself.
    SITE_API_TOKEN: randomBytes(64).toString('hex'),
    COMMENT_API_TOKEN: randomBytes(64).toString('hex'),
    PREVIEW_API_TOKEN: randomBytes(64).toString('hex'),
    PREVIEW_SECRET: randomBytes(32).toString('hex'),
  };
}

function format(values: EnvValues): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
}

export interface EnsuredEnvFile {
  file: string;
  /** 'completed': missing keys appended. */
  action: 'created' | 'completed' | 'kept';
  added: string[];
}

/** A file that exists only gets the keys it lacks: values someone set are never touched. */
function ensureEnvFile(
  file: string,
  header: string,
  wanted: EnvValues,
  addedBy = 'npm start',
): EnsuredEnvFile {
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
    `${separator}\n# Added by ${addedBy} on ${new Date().toISOString()}\n${format(missing)}\n`,
  );
  return { file, action: 'completed', added };
}

/** Creates or completes cms/.env and site/.env, whose shared values must be equal. */
export function ensureEnvFiles(): EnsuredEnvFile[] {
  const cms = readEnvFile(CMS_ENV_FILE) ?? {};
  const site = readEnvFile(SITE_ENV_FILE) ?? {};
  const secrets = generateCmsSecrets();
  // Whichever file already has a shared value decides it, so the two stay equal.
  const token = cms.SITE_API_TOKEN || site.STRAPI_TOKEN || secrets.SITE_API_TOKEN;
  const commentToken = cms.COMMENT_API_TOKEN || site.COMMENT_API_TOKEN || secrets.COMMENT_API_TOKEN;
  const publishSecret = cms.PUBLISH_HOOK_SECRET || site.PUBLISH_HOOK_SECRET || hookSecret();
  const previewToken = cms.PREVIEW_API_TOKEN || site.PREVIEW_API_TOKEN || secrets.PREVIEW_API_TOKEN;
  const previewSecret = cms.PREVIEW_SECRET || site.PREVIEW_SECRET || secrets.PREVIEW_SECRET;
  const { PORT: port, PUBLISHER_PORT: sitePort } = check(
    scriptsEnv,
    { PORT: cms.PORT, PUBLISHER_PORT: site.PUBLISHER_PORT, ...process.env },
    CMS_ENV_FILE,
  );

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
        COMMENT_API_TOKEN: commentToken,
        PREVIEW_API_TOKEN: previewToken,
        PREVIEW_SECRET: previewSecret,
        SITE_URL: `http://localhost:${sitePort}`,
        DEMO_ADMIN_EMAIL: DEFAULT_DEMO_ADMIN_EMAIL,
        DEMO_ADMIN_PASSWORD: demoPassword(),
        PUBLISH_WEBHOOK_URL: `http://127.0.0.1:${sitePort}${PUBLISHER_HOOK_PATH}`,
        PUBLISH_HOOK_SECRET: publishSecret,
      },
    ),
    ensureEnvFile(
      SITE_ENV_FILE,
      [
        '# Tòa Soạn site settings, created by `npm start`. STRAPI_TOKEN must equal SITE_API_TOKEN',
        '# in cms/.env (the read-only token the CMS creates at start-up), and PUBLISH_HOOK_SECRET',
        '# must equal the one in cms/.env (the CMS sends it with each publish webhook).',
      ].join('\n'),
      {
        STRAPI_URL: `http://127.0.0.1:${port}`,
        STRAPI_TOKEN: token,
        COMMENT_API_TOKEN: commentToken,
        SITE_URL: `http://localhost:${sitePort}`,
        PUBLISH_HOOK_SECRET: publishSecret,
        PREVIEW_API_TOKEN: previewToken,
        PREVIEW_SECRET: previewSecret,
      },
    ),
  ];
}

export interface StartConfig {
  cmsEnv: NodeJS.ProcessEnv;
  siteEnv: NodeJS.ProcessEnv;
  cmsPort: number;
  cmsLocalUrl: string;
  adminUrl: string;
  siteUrl: string;
  sitePort: number;
  siteLocalUrl: string;
  /** Null when unset: publishing then waits for the publisher's reconcile timer. */
  publishWebhookUrl: string | null;
  demoAdmin: { email: string; password: string } | null;
  database: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A local webhook URL on another port than PUBLISHER_PORT would make publishing silently do
 * nothing; a URL to another machine (a proxy, a publisher elsewhere) is left alone.
 */
function checkWebhookUrl(raw: string | null, sitePort: number): string | null {
  if (!raw) return null;
  const url = new URL(raw);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (LOOPBACK_HOSTS.has(url.hostname) && port !== sitePort) {
    throw new ConfigError(
      `PUBLISH_WEBHOOK_URL (${raw}, ${shortPath(CMS_ENV_FILE)}) points at port ${port}, but the site's ` +
        `publisher listens on PUBLISHER_PORT ${sitePort}: publishing would not rebuild the site. Set it to ` +
        `http://127.0.0.1:${sitePort}${PUBLISHER_HOOK_PATH}.`,
    );
  }
  return raw;
}

/** Call after ensureEnvFiles. */
export function loadStartConfig(): StartConfig {
  const common = { STRAPI_TELEMETRY_DISABLED: 'true' };
  const cmsVars: NodeJS.ProcessEnv = { ...readEnvFile(CMS_ENV_FILE), ...process.env, ...common };
  const siteVars: NodeJS.ProcessEnv = { ...readEnvFile(SITE_ENV_FILE), ...process.env, ...common };
  // A wrong value stops `npm start` at once, before anything is built.
  const cms = check(cmsEnv, cmsVars, CMS_ENV_FILE);
  const site = check(publisherEnv, siteVars, SITE_ENV_FILE);

  if (cms.SITE_API_TOKEN !== site.STRAPI_TOKEN) {
    throw new ConfigError(
      `STRAPI_TOKEN (${shortPath(SITE_ENV_FILE)}) differs from SITE_API_TOKEN (${shortPath(CMS_ENV_FILE)}): ` +
        'the site build would be refused. Make them equal, or delete site/.env to have it recreated.',
    );
  }
  if (cms.COMMENT_API_TOKEN !== site.COMMENT_API_TOKEN) {
    throw new ConfigError(
      `COMMENT_API_TOKEN differs between ${shortPath(CMS_ENV_FILE)} and ${shortPath(SITE_ENV_FILE)}: ` +
        "the CMS would refuse every reader's comment (they would wait in the site's queue). Make them " +
        'equal, or delete the line from site/.env to have it copied from cms/.env.',
    );
  }
  for (const key of ['PREVIEW_SECRET', 'PREVIEW_API_TOKEN'] as const) {
    if (cms[key] !== site[key]) {
      throw new ConfigError(
        `${key} differs between ${shortPath(CMS_ENV_FILE)} and ${shortPath(SITE_ENV_FILE)}: the site ` +
          "would refuse the admin's draft previews. Make them equal, or delete the line from " +
          'site/.env to have it copied from cms/.env.',
      );
    }
  }
  if (cms.PUBLISH_HOOK_SECRET !== site.PUBLISH_HOOK_SECRET) {
    throw new ConfigError(
      `PUBLISH_HOOK_SECRET differs between ${shortPath(CMS_ENV_FILE)} and ${shortPath(SITE_ENV_FILE)}: ` +
        'the site would refuse every publish webhook of the CMS (401). Make them equal, or delete the ' +
        'line from site/.env to have it copied from cms/.env.',
    );
  }
  // The schemas allow 0 (any free port, for tests); `npm start` needs to know its ports.
  const { PORT: cmsPort } = cms;
  if (cmsPort === 0) throw new ConfigError('PORT must be a TCP port number, not "0".');
  const { PUBLISHER_PORT: sitePort } = site;
  if (sitePort === 0) throw new ConfigError('PUBLISHER_PORT must be a TCP port number, not "0".');
  const publishWebhookUrl = checkWebhookUrl(cms.PUBLISH_WEBHOOK_URL || null, sitePort);
  const { DEMO_ADMIN_EMAIL: email, DEMO_ADMIN_PASSWORD: password } = cms;

  return {
    cmsEnv: cmsVars,
    siteEnv: siteVars,
    cmsPort,
    cmsLocalUrl: `http://127.0.0.1:${cmsPort}`,
    adminUrl: `${cms.PUBLIC_URL.replace(/\/$/, '')}/admin`,
    siteUrl: site.SITE_URL,
    sitePort,
    siteLocalUrl: `http://127.0.0.1:${sitePort}`,
    publishWebhookUrl,
    demoAdmin: email && password ? { email, password } : null,
    database: cms.DATABASE_URL
      ? `PostgreSQL (${new URL(cms.DATABASE_URL).host})`
      : `SQLite (${path.isAbsolute(cms.DATABASE_FILENAME) ? cms.DATABASE_FILENAME : `cms/${cms.DATABASE_FILENAME}`})`,
  };
}

/** The root .env that docker-compose.yml reads. */
export function createDockerEnvFile(): EnsuredEnvFile {
  const values: EnvValues = {
    // Hex only, so it can sit inside DATABASE_URL without escaping.
    POSTGRES_PASSWORD: randomBytes(18).toString('hex'),
    ...generateCmsSecrets(),
    PUBLISH_HOOK_SECRET: hookSecret(),
    PUBLIC_URL: `http://localhost:${DEFAULT_CMS_PORT}`,
    SITE_URL: `http://localhost:${DEFAULT_SITE_PORT}`,
    DEMO_ADMIN_EMAIL: DEFAULT_DEMO_ADMIN_EMAIL,
    DEMO_ADMIN_PASSWORD: demoPassword(),
  };
  const header = [
    '# Secrets for docker-compose.yml, created by `npx tsx scripts/create-env.ts --docker`.',
    '# Keep it private; every variable is described in .env.example.',
  ].join('\n');
  return ensureEnvFile(DOCKER_ENV_FILE, header, values, 'scripts/create-env.ts --docker');
}
