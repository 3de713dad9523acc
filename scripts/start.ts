// `npm start`: the steps are listed in the root README ("Set up").
import path from 'node:path';
import { parseArgs } from 'node:util';
import { staffLogins } from '../cms/data/newsroom';
import { ConfigError, ensureEnvFiles, loadStartConfig, type StartConfig } from './lib/env';
import { staleReason } from './lib/freshness';
import { getJson, isPortInUse, waitForHttp } from './lib/http';
import { info, paint, seconds, step, StepError } from './lib/log';
import { CMS_DIR, ROOT_DIR, SHARED_DIR, SITE_DIR, shortPath } from './lib/paths';
import { killAllNow, run, start, stopAll, workspaceScript, type Child } from './lib/processes';

const CMS_READY_TIMEOUT_MS = 180_000;
// The first build happens before the publisher starts, so it serves the live release at once.
const SITE_READY_TIMEOUT_MS = 60_000;

let stopping = false;
let stopRequestedAt = 0;
// tsx's CLI (`npm start` runs this file through it) re-sends a signal it saw when this process
// does not confirm it within 30 ms: a second signal this soon is that echo, not a second Ctrl-C.
const SIGNAL_ECHO_MS = 1_000;

async function shutdown(code: number): Promise<never> {
  stopping = true;
  info('stopping…');
  await stopAll();
  process.exit(code);
}

function onSignal(signal: NodeJS.Signals): void {
  if (stopping) {
    if (Date.now() - stopRequestedAt < SIGNAL_ECHO_MS) return;
    killAllNow();
    process.exit(130);
  }
  stopRequestedAt = Date.now();
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
    // strapi build writes both the server code and the admin panel.
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

function sitePortFix(config: StartConfig): string {
  return (
    `Port ${config.sitePort} is already in use (another \`npm start\` or publisher?). Stop the process ` +
    'that holds it, or set PUBLISHER_PORT in site/.env and the same port in PUBLISH_WEBHOOK_URL in cms/.env.'
  );
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
    throw new StepError('check ports', sitePortFix(config));
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

async function liveRelease(config: StartConfig): Promise<string | void> {
  const status = (await getJson(`${config.siteLocalUrl}/_publisher/status`)) as {
    live?: { id?: string; pages?: number } | null;
  } | null;
  if (status?.live?.id) return `release ${status.live.id} (${status.live.pages ?? '?'} pages) live`;
}

async function serveSite(config: StartConfig): Promise<Child> {
  if (await isPortInUse(config.sitePort)) {
    throw new StepError('serve the site', sitePortFix(config));
  }
  // `npm run start -w site`, run without npm and tsx's CLI in between (see workspaceScript).
  const { command, args, cwd, env } = workspaceScript(SITE_DIR, 'start', config.siteEnv);
  const site = start(command, args, { label: 'site', cwd, env });
  await waitForHttp(
    `${config.siteLocalUrl}/`,
    SITE_READY_TIMEOUT_MS,
    site.exited,
    (status) => status === 200,
  );
  return site;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(
      'Usage: npm start\n\nBuilds what is stale, seeds the sample newsroom, runs the CMS on :1337, builds the site and\n' +
        'runs its publisher on :4321, which rebuilds the site whenever something is published in the CMS.',
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
    'Read the [site] lines above; retry with `npm run build:release -w site` while Strapi runs (the live release, if any, stays as it was). A 401 or 403 means STRAPI_TOKEN in site/.env differs from SITE_API_TOKEN in cms/.env.',
    // Without npm and tsx's CLI in between, so that Ctrl-C stops it cleanly (see workspaceScript).
    () => {
      const { command, args, cwd, env } = workspaceScript(
        SITE_DIR,
        'build:release',
        config.siteEnv,
      );
      return run(command, args, { label: 'site', cwd, env });
    },
  );

  let site!: Child;
  await step(
    'serve the site',
    `Read the [site] lines above. Is port ${config.sitePort} free?`,
    async () => {
      site = await serveSite(config);
      return liveRelease(config);
    },
  );

  const statusUrl = `${config.siteLocalUrl}/_publisher/status`;
  info(paint('bold', `Tòa Soạn is running (ready in ${seconds(started)}):`));
  info(`  CMS admin   ${config.adminUrl}`);
  if (config.demoAdmin) {
    info(
      `  demo login  ${config.demoAdmin.email} / ${config.demoAdmin.password}  (Super Admin; from cms/.env)`,
    );
    // The seed gives each newsroom role a user with the same password (cms/data/newsroom.ts).
    for (const { email, roleName } of staffLogins()) {
      info(`              ${email} / the same password  (${roleName})`);
    }
  }
  info(`  Site        ${config.siteUrl}`);
  info(`  Publisher   ${statusUrl}  (live release, last build, queue)`);
  if (config.publishWebhookUrl && config.cmsEnv.PUBLISH_HOOK_SECRET?.trim()) {
    info(
      'Publishing in the admin rebuilds the site within seconds; `npm run rollback` puts the previous release back.',
    );
  } else {
    info(
      paint(
        'yellow',
        'PUBLISH_WEBHOOK_URL or PUBLISH_HOOK_SECRET is empty in cms/.env: publishing reaches the site only ' +
          "through the publisher's periodic check (RECONCILE_INTERVAL_MS). Delete those lines to have them written again.",
      ),
    );
  }
  info('Press Ctrl-C to stop.');

  // Run until Ctrl-C; if a server dies on its own, take the other one down too.
  const which = await Promise.race([
    cms.exited.then(
      () => 'Strapi',
      () => 'Strapi',
    ),
    site.exited.then(
      () => 'the site publisher',
      () => 'the site publisher',
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
