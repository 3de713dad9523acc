/**
 * Seeds the CMS database: the sample newsroom (categories, authors, articles with generated
 * illustrative covers), optional synthetic articles for paging tests and benchmarks, and the demo
 * admin. Idempotent: running it again only adds what is missing.
 *
 *   npm run seed -w cms -- [--synthetic N] [--no-sample]
 *
 * Works on whatever database cms/.env (or the environment) selects; needs cms/dist (npm run
 * compile -w cms) but no running server.
 */
import { parseArgs } from 'node:util';
import { isStrongEnough } from './lib/demo-admin';
import { runSeed, type SeedOptions } from './lib/run-seed';
import { readCmsEnv } from '../src/utils/env';
import { destroyStrapi, loadEnvFile, loadStrapi, SeedError } from './lib/strapi';

const USAGE = `Usage: npm run seed -w cms -- [--synthetic N] [--no-sample]

  --synthetic N   make sure N synthetic published articles exist (numbered 1..N; written in
                  bulk, a few hundred a second, without webhooks)
  --no-sample     skip the sample articles (categories and authors are still upserted)
  -h, --help      show this help`;

type Options = Omit<SeedOptions, 'demoAdmin'>;

function parseOptions(argv: string[]): Options | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      synthetic: { type: 'string' },
      'no-sample': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return null;
  const synthetic = values.synthetic === undefined ? 0 : Number(values.synthetic);
  if (!Number.isInteger(synthetic) || synthetic < 0) {
    throw new SeedError(`--synthetic needs a whole number of articles, not "${values.synthetic}".`);
  }
  return { synthetic, sample: !values['no-sample'] };
}

function log(line: string): void {
  console.log(line);
}

function demoAdminFromEnv(): { email: string; password: string } | null {
  const { DEMO_ADMIN_EMAIL: email, DEMO_ADMIN_PASSWORD: password } = readCmsEnv();
  if (!email || !password) return null;
  // Checked before Strapi loads, so a typo in .env fails in a second rather than after seeding.
  if (!isStrongEnough(password)) {
    throw new SeedError(
      'DEMO_ADMIN_PASSWORD is too weak for Strapi: use at least 8 characters with a lower case letter, an upper case letter and a digit.',
    );
  }
  return { email, password };
}

async function main(): Promise<void> {
  let options: Options | null;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    throw error instanceof SeedError
      ? error
      : new SeedError(`${(error as Error).message}\n${USAGE}`);
  }
  if (!options) {
    console.log(USAGE);
    return;
  }

  const started = Date.now();
  loadEnvFile();
  const demoAdmin = demoAdminFromEnv();
  const strapi = await loadStrapi();
  log(
    `Strapi loaded (${strapi.config.get('database.connection.client')}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  try {
    await runSeed(strapi, { ...options, demoAdmin }, log);
  } finally {
    await destroyStrapi(strapi);
  }
  log(`seed done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  if (error instanceof SeedError) {
    console.error(error.message);
  } else {
    console.error(`Seeding failed: ${(error as Error)?.message ?? error}`);
    // The sentence is what a user needs; the stack is for whoever debugs the seed.
    if (process.env.DEBUG) console.error(error);
    else console.error('(run with DEBUG=1 to see the stack trace)');
  }
  process.exit(1);
});
