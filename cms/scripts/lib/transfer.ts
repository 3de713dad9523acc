/**
 * Backups through Strapi's own data transfer (what `strapi export` and `strapi import` run), driven
 * from a Strapi the script loaded itself: the CLI commands compile the TypeScript into cms/dist
 * first, which must not happen under a running CMS. An archive holds the content (every content
 * type, links, media library records), the uploaded files and the configuration (core store:
 * admin list and edit views, upload settings; webhooks); admin users, roles and API tokens are
 * not in it — the bootstrap makes the roles, the tokens and the webhook again at each start.
 */
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { readCmsEnv } from '../../src/utils/env';
import { APP_DIR, SeedError, waitForQuietDatabase } from './strapi';

const require = createRequire(import.meta.url);
const dataTransfer = require('@strapi/data-transfer') as typeof import('@strapi/data-transfer');

/**
 * Admin users, roles, permissions and API tokens (`admin::*`) and content releases never travel, as
 * with `strapi export` and `strapi import`: the bootstrap makes the roles and tokens again from the
 * environment, and restoring the source's would add a second copy of each beside them.
 */
const transfers = (uid: string) => !dataTransfer.strapi.isIgnoredOfficialTransferType(uid);
const TRANSFORMS = {
  entities: [{ filter: (entity: { type: string }) => transfers(entity.type) }],
  links: [
    {
      filter: (link: { left: { type: string }; right: { type: string } }) =>
        transfers(link.left.type) && transfers(link.right.type),
    },
  ],
};

/** How long the restore's transaction may take to commit once the transfer has ended. */
const COMMIT_TIMEOUT_MS = 120_000;

/** The content types whose rows make a CMS "not empty" for a restore. */
export const CONTENT_UIDS = [
  'api::article.article',
  'api::author.author',
  'api::category.category',
  'api::comment.comment',
  'plugin::upload.file',
] as const;

/** How many rows each content type holds (drafts and published versions both count). */
export async function countContent(strapi: Core.Strapi): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const uid of CONTENT_UIDS) counts[uid] = await strapi.db.query(uid).count({});
  return counts;
}

export interface ArchiveOptions {
  /** Encrypts (export) or decrypts (import) with this key (BACKUP_ENCRYPTION_KEY). */
  key?: string;
}

/** Where backups go: BACKUP_DIR (relative to cms/), else cms/backups. */
export function backupDir(): string {
  return path.resolve(APP_DIR, readCmsEnv().BACKUP_DIR);
}

/** 2026-11-27T14:23:05.123Z → 20261127T142305Z: archives sort by name in time order. */
export function backupStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
}

/**
 * Exports the CMS into `dir` as `toasoan-<stamp>.tar.gz` (`toasoan-<label>-<stamp>…` with a label),
 * encrypted when BACKUP_ENCRYPTION_KEY is set; returns the archive's path.
 */
export async function writeBackup(strapi: Core.Strapi, dir: string, label = ''): Promise<string> {
  await mkdir(dir, { recursive: true });
  const name = ['toasoan', label, backupStamp(new Date())].filter(Boolean).join('-');
  return exportArchive(strapi, path.join(dir, name), {
    key: readCmsEnv().BACKUP_ENCRYPTION_KEY || undefined,
  });
}

/** The file name an export of `basePath` gets: the transfer adds the extensions itself. */
export function archivePath(basePath: string, options: ArchiveOptions = {}): string {
  return `${basePath}.tar.gz${options.key ? '.enc' : ''}`;
}

/** Writes the whole CMS into `basePath`.tar.gz (.enc with a key) and returns the file's path. */
export async function exportArchive(
  strapi: Core.Strapi,
  basePath: string,
  options: ArchiveOptions = {},
): Promise<string> {
  const source = dataTransfer.strapi.providers.createLocalStrapiSourceProvider({
    getStrapi: () => strapi,
    autoDestroy: false,
  });
  const destination = dataTransfer.file.providers.createLocalFileDestinationProvider({
    file: { path: basePath },
    encryption: { enabled: Boolean(options.key), key: options.key },
    compression: { enabled: true },
  });
  const engine = dataTransfer.engine.createTransferEngine(source, destination, {
    versionStrategy: 'ignore',
    schemaStrategy: 'ignore',
    transforms: TRANSFORMS,
  });
  await runTransfer(engine, 'export');
  return archivePath(basePath, options);
}

/**
 * Replaces the CMS's content, uploads and configuration with the archive's (Strapi's "restore"
 * strategy deletes what is there first) and returns how many rows of each content type the
 * archive held. The caller decides whether the CMS may be overwritten. Throws when the database
 * holds fewer rows of a type than the archive, or a relation could not be restored, once the
 * restore has committed: never a silent partial restore.
 */
export async function importArchive(
  strapi: Core.Strapi,
  file: string,
  options: ArchiveOptions = {},
): Promise<Record<string, number>> {
  const source = dataTransfer.file.providers.createLocalFileSourceProvider({
    file: { path: file },
    compression: { enabled: /\.gz(\.enc)?$/.test(file) },
    encryption: { enabled: file.endsWith('.enc'), key: options.key },
  });
  const ignored = [
    ...Object.keys(strapi.contentTypes).filter(dataTransfer.strapi.isIgnoredOfficialTransferType),
    ...dataTransfer.strapi.getIgnoredOfficialTransferTypes(),
  ];
  const destination = dataTransfer.strapi.providers.createLocalStrapiDestinationProvider({
    getStrapi: () => strapi,
    autoDestroy: false,
    strategy: 'restore',
    restore: {
      entities: { exclude: ignored },
      assets: true,
      configuration: { webhook: true, coreStore: true },
    },
  });
  // Relations the transfer could not restore (a row they point to is missing) are only a warning.
  const skippedLinks: string[] = [];
  destination.onWarning = (message) => skippedLinks.push(message);
  const engine = dataTransfer.engine.createTransferEngine(source, destination, {
    versionStrategy: 'ignore',
    // The archive comes from this app: a schema it does not match is refused, not guessed at.
    schemaStrategy: 'strict',
    transforms: TRANSFORMS,
  });
  await runTransfer(engine, 'import');
  // The transfer ends its transaction without waiting for the commit: until the pool is idle,
  // another connection (PostgreSQL's) still sees the database as it was before the restore.
  if (!(await waitForQuietDatabase(strapi, COMMIT_TIMEOUT_MS))) {
    throw new SeedError(
      `The restore did not finish writing to the database within ${COMMIT_TIMEOUT_MS / 1000} s: ` +
        `check the database server, then restore again with --force.`,
    );
  }
  const archived = Object.fromEntries(
    Object.entries(engine.progress.data.entities?.aggregates ?? {}).map(([uid, { count }]) => [
      uid,
      count,
    ]),
  );
  await assertRestored(strapi, archived, skippedLinks);
  return archived;
}

/** Fails when the database holds fewer rows of a content type than the archive, or lost links. */
async function assertRestored(
  strapi: Core.Strapi,
  archived: Record<string, number>,
  skippedLinks: string[],
): Promise<void> {
  const missing: string[] = [];
  for (const [uid, count] of Object.entries(archived)) {
    const held = await strapi.db.query(uid as never).count({});
    if (held < count) missing.push(`${uid}: ${held} of ${count}`);
  }
  const lost = [...missing, ...skippedLinks];
  if (lost.length === 0) return;
  throw new SeedError(
    `The restore is incomplete: the database does not hold everything the archive does ` +
      `(${lost.join('; ')}). Do not start the CMS on it: restore again with --force.`,
  );
}

type Engine = ReturnType<typeof dataTransfer.engine.createTransferEngine>;

async function runTransfer(engine: Engine, what: 'export' | 'import'): Promise<void> {
  const problems: string[] = [];
  engine.diagnostics.onDiagnostic((diagnostic) => {
    if (diagnostic.kind === 'error') problems.push(diagnostic.details.message);
  });
  try {
    await engine.transfer();
  } catch (error) {
    const reason = problems[0] ?? (error as Error).message;
    throw new SeedError(`The ${what} failed: ${reason}`, { cause: error });
  }
}
