/**
 * Writes one archive of the CMS — content, uploaded pictures and configuration — named by the
 * time it was made (UTC): `cms/backups/toasoan-20261127T142305Z.tar.gz`.
 *
 *   npm run backup [-- --out DIR]
 *
 * Works on whatever database cms/.env (or the environment) selects, also while the CMS runs;
 * needs cms/dist (npm run compile -w cms). BACKUP_ENCRYPTION_KEY encrypts the archive (.enc).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCmsEnv } from '../src/utils/env';
import { destroyStrapi, loadEnvFile, loadStrapi, SeedError } from './lib/strapi';
import { backupDir, writeBackup } from './lib/transfer';

const USAGE = `Usage: npm run backup [-- --out DIR]

  --out DIR   where the archive goes (default BACKUP_DIR, else cms/backups)
  -h, --help  show this help`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  loadEnvFile();
  const started = Date.now();
  const strapi = await loadStrapi();
  let file: string;
  try {
    // --out is relative to where npm was run (INIT_CWD), not to cms/ where the script runs.
    const dir = values.out ? path.resolve(readCmsEnv().INIT_CWD, values.out) : backupDir();
    file = await writeBackup(strapi, dir);
  } finally {
    await destroyStrapi(strapi);
  }
  console.log(`Backup written: ${file} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

main().catch((error: unknown) => {
  console.error(
    error instanceof SeedError
      ? error.message
      : `Backup failed: ${(error as Error)?.message ?? error}`,
  );
  if (process.env.DEBUG) console.error(error);
  process.exit(1);
});
