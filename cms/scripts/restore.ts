/**
 * Brings a backup archive back into the CMS that cms/.env (or the environment) selects, which may
 * be another database than the one it came from (SQLite → PostgreSQL).
 *
 *   npm run restore -- <archive> [--force]
 *
 * A CMS that already holds articles, sections, authors, comments or pictures is refused; with
 * --force its current data is first written to a backup of its own (named "before-restore"), so
 * nothing is ever lost silently. Stop the CMS first: a running one keeps serving what it cached.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCmsEnv } from '../src/utils/env';
import { APP_DIR, destroyStrapi, loadEnvFile, loadStrapi, SeedError } from './lib/strapi';
import { backupDir, countContent, importArchive, writeBackup } from './lib/transfer';

const USAGE = `Usage: npm run restore -- <archive> [--force]

  <archive>   a file written by npm run backup (toasoan-….tar.gz, or .tar.gz.enc with
              BACKUP_ENCRYPTION_KEY set)
  --force     restore over a CMS that holds data (backed up first, into BACKUP_DIR)
  -h, --help  show this help`;

function describe(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([uid, count]) => `${count} ${uid.split('.').pop()}`)
    .join(', ');
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  loadEnvFile();
  const env = readCmsEnv();
  if (positionals.length !== 1) throw new SeedError(`Name one archive.\n\n${USAGE}`);
  // Relative to where npm was run (INIT_CWD), not to cms/ where the script runs.
  const archive = path.resolve(env.INIT_CWD, positionals[0]!);
  if (!existsSync(archive)) throw new SeedError(`There is no archive at ${archive}.`);
  if (archive.endsWith('.enc') && !env.BACKUP_ENCRYPTION_KEY) {
    throw new SeedError(
      `${archive} is encrypted: set BACKUP_ENCRYPTION_KEY to the key it was made with.`,
    );
  }
  // Strapi refuses to load without public/uploads (PUBLIC_DIR, config/server.ts): a fresh machine.
  await mkdir(path.resolve(APP_DIR, env.PUBLIC_DIR, 'uploads'), {
    recursive: true,
  });
  const started = Date.now();
  const strapi = await loadStrapi();
  try {
    const held = describe(await countContent(strapi));
    if (held && !values.force) {
      throw new SeedError(
        `Not restored: this CMS (${strapi.config.get('database.connection.client')}) already holds data ` +
          `(${held}). Restore into an empty database, or add --force to replace it ` +
          `(its current data is backed up first).`,
      );
    }
    if (held) {
      const saved = await writeBackup(strapi, backupDir(), 'before-restore');
      console.log(`The CMS's current data (${held}) is saved in ${saved}.`);
    }
    await importArchive(strapi, archive, { key: env.BACKUP_ENCRYPTION_KEY || undefined });
    console.log(
      `Restored ${describe(await countContent(strapi)) || 'an empty archive'} from ${archive}`,
    );
  } finally {
    await destroyStrapi(strapi);
  }
  console.log(
    `Restore done in ${((Date.now() - started) / 1000).toFixed(1)} s. Start the CMS, then rebuild ` +
      `the site in full (npm run build:release -w site -- --full, or wait for the publisher's check).`,
  );
}

main().catch((error: unknown) => {
  console.error(
    error instanceof SeedError
      ? error.message
      : `Restore failed: ${(error as Error)?.message ?? error}`,
  );
  if (process.env.DEBUG) console.error(error);
  process.exit(1);
});
