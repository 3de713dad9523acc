import { bool, decimal, defineEnv, int, list, mergeEnv, oneOf, secret, text, url } from './env';

// env-schemas.test.ts checks `.env.example` and the root README against these: add here first.

const SITE_URL = url('http://localhost:4321');

/** The CMS (cms/config/*.ts, its bootstrap and the seed), from cms/.env. */
export const cmsEnv = defineEnv({
  HOST: text('0.0.0.0'),
  // 0: any free port (tests).
  PORT: int(1337, 0, 65_535),
  // Strapi also takes a path here (an admin behind a prefix), so no URL check.
  PUBLIC_URL: text('http://localhost:1337'),
  SERVE_ADMIN_PANEL: bool(true),
  PUBLIC_DIR: text('public'),
  APP_KEYS: list(),
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
  SITE_API_TOKEN: secret(),
  COMMENT_API_TOKEN: secret(),
  PREVIEW_API_TOKEN: secret(),
  PREVIEW_SECRET: secret(),
  UPLOAD_SIZE_LIMIT_MB: decimal(10, 0.001),
  TRUSTED_PROXY_HOPS: int(0, 0, 10),
  PUBLISH_WEBHOOK_URL: url('', { example: 'http://127.0.0.1:4321/_publisher/hook' }),
  PUBLISH_HOOK_SECRET: secret(),
  DATABASE_URL: text(''),
  DATABASE_FILENAME: text('.tmp/data.db'),
  DATABASE_SSL: bool(false),
  DATABASE_SSL_REJECT_UNAUTHORIZED: bool(true),
  DATABASE_SCHEMA: text('public'),
  DATABASE_POOL_MIN: int(0, 0, 1_000),
  DATABASE_POOL_MAX: int(10, 1, 1_000),
  DATABASE_CONNECTION_TIMEOUT: int(60_000, 0, 3_600_000),
  FLAG_NPS: bool(false),
  FLAG_PROMOTE_EE: bool(false),
  // Further checked by scheduleCheckRule (whole minutes above 59).
  SCHEDULE_CHECK_SECONDS: int(30, 0, 3_600),
  SITE_URL,
  DEMO_ADMIN_EMAIL: text('', { example: 'admin@toasoan.local' }),
  DEMO_ADMIN_PASSWORD: secret(),
  STRAPI_LOG_LEVEL: oneOf(['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'], 'warn'),
  DEBUG: text(''),
  UPLOAD_PROVIDER: oneOf(['local', 's3'], 'local'),
  S3_BUCKET: text(''),
  S3_REGION: text('us-east-1'),
  S3_ENDPOINT: text(''),
  S3_ACCESS_KEY_ID: secret(),
  S3_SECRET_ACCESS_KEY: secret(),
  S3_PUBLIC_URL: text(''),
  S3_FORCE_PATH_STYLE: bool(false),
  BACKUP_DIR: text('backups'),
  BACKUP_ENCRYPTION_KEY: secret(),
  // Backup and restore resolve command-line paths from where npm ran, not from cms/.
  INIT_CWD: text('', { internal: true }),
  // The env file the seed loads (and Strapi's dotenv reads): cms/.env unless set.
  ENV_PATH: text('', { internal: true }),
});

/** The site build (site/src/lib/config.ts), from site/.env. */
export const siteEnv = defineEnv({
  STRAPI_URL: url('http://127.0.0.1:1337'),
  STRAPI_TOKEN: secret(),
  SITE_URL,
  SITE_CACHE_DIR: text('.cache'),
  SITE_NAME: text('Tòa Soạn'),
  SITE_DESCRIPTION: text('Tin tức, thời sự và đời sống của tỉnh, cập nhật hằng ngày.', {
    example: '',
  }),
  SITE_MASTHEAD: text(''),
  PREVIEW_SECRET: secret(),
  PREVIEW_API_TOKEN: secret(),
  // Set by the publisher for an incremental build: the release it starts from.
  SITE_BASE_RELEASE: text('', { internal: true }),
});

/** The site's server and publisher (site/publisher/config.ts): the site build's and its own. */
export const publisherEnv = mergeEnv(
  siteEnv,
  defineEnv({
    PUBLISHER_HOST: text('0.0.0.0'),
    PUBLISHER_PORT: int(4321, 0, 65_535),
    PUBLISH_HOOK_SECRET: secret(),
    RELEASES_DIR: text('releases'),
    // Fewer than 2 would leave nothing to roll back to.
    KEEP_RELEASES: int(5, 2, 1_000),
    RECONCILE_INTERVAL_MS: int(60_000, 0, 86_400_000),
    PUBLISHER_BUILD_COMMAND: text(''),
    RELEASE_PUSH_COMMAND: text(''),
    BUILD_TIMEOUT_MS: int(900_000, 1_000, 86_400_000),
    FULL_BUILD_INTERVAL_MS: int(86_400_000, 60_000, 30 * 86_400_000),
    GITHUB_DISPATCH_REPO: text(''),
    GITHUB_DISPATCH_TOKEN: secret(),
    GITHUB_API_URL: url('https://api.github.com'),
    PUBLISHER_MODE: oneOf(['build', 'dispatch'], 'build'),
    COMMENT_API_TOKEN: secret(),
    COMMENT_QUEUE_DIR: text('comment-queue'),
    TRUSTED_PROXIES: list(),
    CMS_PUBLIC_URL: url('http://localhost:1337'),
  }),
);

/** scripts/ and the browser tests; `npm start` also checks cms/.env and site/.env above. */
export const scriptsEnv = defineEnv({
  NO_COLOR: text(''),
  // create-env.ts writes the URLs of the two servers from these ports.
  PORT: int(1337, 1, 65_535),
  PUBLISHER_PORT: int(4321, 1, 65_535),
  CHROMIUM_PATH: text('/usr/bin/chromium'),
  BENCH_LOG_DIR: text(''),
});

/** What docker-compose.yml reads from ./.env beyond the CMS's and the site's variables. */
export const dockerEnv = defineEnv({
  POSTGRES_PASSWORD: secret(),
  SEED_ON_START: bool(true),
});

export const ENV_SCHEMAS = { cmsEnv, siteEnv, publisherEnv, scriptsEnv, dockerEnv };
