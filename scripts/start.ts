/**
 * `npm start`: everything needed to try Tòa Soạn locally, in order — env files with fresh
 * secrets, @toasoan/shared, the Strapi build (only when stale), the sample newsroom (idempotent),
 * Strapi on :1337, the static site build, and the site served on :4321. Ctrl-C stops it all.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, ensureEnvFiles, loadStartConfig, type StartConfig } from './lib/env';
import { staleReason } from './lib/freshness';
import { isPortInUse, waitForHttp } from './lib/http';
import { info, paint, seconds, step, StepError } from './lib/log';
import { CMS_DIR, ROOT_DIR, SHARED_DIR, SITE_DIR, shortPath } from './lib/paths';
import { killAllNow, run, start, stopAll, type Child } from './lib/processes';

const CMS_READY_TIMEOUT_MS = 180_000;
const SITE_READY_TIMEOUT_MS = 60_000;

let stopping = false;

async function shutdown(code: number): Promise<never> {
  stopping = true;
  info('stopping…');
  await stopAll();
  process.exit(code);
}

function onSignal(signal: NodeJS.Signals): void {
  if (stopping) {
    // Second Ctrl-C: do not wait for a graceful stop.
    killAllNow();
    process.exit(130);
  }
  info(`${signal} received`);
  void shutdown(0);
}

const npm = (args: string[], label: string, env: NodeJS.ProcessEnv) =>
  run('npm', args, { label, cwd: ROOT_DIR, env });

async function buildShared(): Promise<string | void> {
  const reason = staleReason(
    [path.join(SHARED_DIR, 'dist', 'index.js'), path.join(SHARED_DIR, 'dist', 'index.cjs')],
    [path.join(SHARED_DIR, 'src'), path.join(SHARED_DIR, 'package.json')],
  );
  if (!reason) return 'up to date, skipped';
  await npm(['run', 'build', '-w', 'shared'], 'shared', process.env);
  return `built (${reason})`;
}

async function buildCms(config: StartConfig): Promise<string | void> {
  const reason = staleReason(
    // The server code and the admin panel bundle (strapi build writes both).
    [
      path.join(CMS_DIR, 'dist', 'src', 'index.js'),
      path.join(CMS_DIR, 'dist', 'build', 'index.html'),
    ],
    ['src', 'config', 'types', 'tsconfig.json', 'package.json'].map((entry) =>
      path.join(CMS_DIR, entry),
    ),
  );
  if (!reason) return 'up to date, skipped';
  await npm(['run', 'build', '-w', 'cms'], 'cms', config.cmsEnv);
  return `built (${reason})`;
}

/** Fails before minutes of building if a server could not start at the end anyway. */
async function checkPorts(config: StartConfig): Promise<string> {
  if (await isPortInUse(config.cmsPort)) {
    throw new StepError(
      'check ports',
      `Port ${config.cmsPort} is already in use (another Strapi?). Stop that process, or set PORT in cms/.env.`,
    );
  }
  if (await isPortInUse(config.sitePort)) {
    throw new StepError(
      'check ports',
      `Port ${config.sitePort} is already in use. Stop the process that holds it.`,
    );
  }
  return `${config.cmsPort} and ${config.sitePort} are free`;
}

async function startCms(config: StartConfig): Promise<Child> {
  // Checked again: something may have taken the port while we were building.
  if (await isPortInUse(config.cmsPort)) {
    throw new StepError(
      'start Strapi',
      `Port ${config.cmsPort} is already in use (another Strapi?). Stop that process, or set PORT in cms/.env.`,
    );
  }
  const cms = start('npm', ['run', 'start', '-w', 'cms'], {
    label: 'cms',
    cwd: ROOT_DIR,
    env: config.cmsEnv,
  });
  await waitForHttp(`${config.cmsLocalUrl}/_health`, CMS_READY_TIMEOUT_MS, cms.exited);
  return cms;
}

async function serveSite(config: StartConfig): Promise<Child> {
  if (await isPortInUse(config.sitePort)) {
    throw new StepError(
      'serve the site',
      `Port ${config.sitePort} is already in use. Stop the process that holds it.`,
    );
  }
  const site = start('npm', ['run', 'start', '-w', 'site'], {
    label: 'site',
    cwd: ROOT_DIR,
    env: config.siteEnv,
  });
  await waitForHttp(`http://127.0.0.1:${config.sitePort}/`, SITE_READY_TIMEOUT_MS, site.exited);
  return site;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(
      'Usage: npm start\n\nBuilds what is stale, seeds the sample newsroom, and runs the CMS on :1337 and the site on :4321.',
    );
    return;
  }
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', killAllNow);

  const started = Date.now();
  let config!: StartConfig;

  await step(
    'env files',
    'Check that cms/ and site/ are writable and that their .env files are valid.',
    async () => {
      const files = ensureEnvFiles();
      config = loadStartConfig();
      const notes = files.map(({ file, action, added }) =>
        action === 'completed'
          ? `${shortPath(file)} completed (${added.join(', ')})`
          : `${shortPath(file)} ${action}`,
      );
      return `${notes.join(', ')}; database: ${config.database}`;
    },
  );

  await step('check ports', 'Free the ports named above.', () => checkPorts(config));

  await step(
    'build @toasoan/shared',
    'Run `npm run build -w shared` to see the error (and `npm install` if packages are missing).',
    buildShared,
  );

  await step(
    'build the CMS (admin + server)',
    'Run `npm run build -w cms` to see the full error.',
    () => buildCms(config),
  );

  await step(
    'seed the sample newsroom',
    'Run `npm run seed -w cms` to retry. If the SQLite database comes from an older schema, delete cms/.tmp/data.db and start again; with PostgreSQL, check DATABASE_URL.',
    () => npm(['run', 'seed', '-w', 'cms'], 'seed', config.cmsEnv),
  );

  let cms!: Child;
  await step(
    'start Strapi',
    `Read the [cms] lines above. Is port ${config.cmsPort} free? With PostgreSQL, is the server at DATABASE_URL reachable?`,
    async () => {
      cms = await startCms(config);
      return config.cmsLocalUrl;
    },
  );

  await step(
    'build the site',
    'Read the [site] lines above; retry with `npm run build -w site` while Strapi runs. A 401 or 403 means STRAPI_TOKEN in site/.env differs from SITE_API_TOKEN in cms/.env.',
    () => npm(['run', 'build', '-w', 'site'], 'site', config.siteEnv),
  );

  let site!: Child;
  await step(
    'serve the site',
    `Read the [site] lines above. Is port ${config.sitePort} free?`,
    async () => {
      site = await serveSite(config);
    },
  );

  info(paint('bold', `Tòa Soạn is running (ready in ${seconds(started)}):`));
  info(`  CMS admin   ${config.adminUrl}`);
  if (config.demoAdmin)
    info(`  demo login  ${config.demoAdmin.email} / ${config.demoAdmin.password}  (from cms/.env)`);
  info(`  Site        ${config.siteUrl}`);
  info('Press Ctrl-C to stop.');

  // Run until Ctrl-C; if a server dies on its own, take the other one down too.
  const which = await Promise.race([
    cms.exited.then(
      () => 'Strapi',
      () => 'Strapi',
    ),
    site.exited.then(
      () => 'the site server',
      () => 'the site server',
    ),
  ]);
  if (stopping) return;
  info(paint('red', `${which} stopped unexpectedly (see the lines above); stopping everything.`));
  await shutdown(1);
}

main().catch(async (error: unknown) => {
  if (stopping) return; // Ctrl-C interrupted a step: shutdown() is already exiting.
  if (error instanceof StepError) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    info(paint('red', `✖ ${error.step} failed${cause}`));
    // A ConfigError's message already says what to change.
    if (!(error.cause instanceof ConfigError)) info(`  How to fix: ${error.fix}`);
  } else if (error instanceof ConfigError) {
    info(paint('red', `✖ ${error.message}`));
  } else {
    info(paint('red', `✖ npm start failed: ${(error as Error)?.message ?? error}`));
  }
  await shutdown(1);
});
