import path from 'node:path';
import { siteRoot } from './paths';
import { plainBuildCommand } from './site';
import { startProcess, stopProcess, type StartedProcess } from './processes';
import { waitForHttp } from '../../../scripts/lib/http';

export interface PublisherProcess {
  process: StartedProcess;
  url: string;
  stop(): Promise<void>;
}

interface PublisherProcessOptions {
  /** The CMS to read: its URL and the site-build token (a site TestCms, or any other). */
  cms: { url: string; token: string };
  port: number;
  secret: string;
  workDir: string;
  /** Where the admin runs (CMS_PUBLIC_URL): its origin alone may frame the draft preview. */
  adminUrl?: string;
  /** Builds as plain `astro build`s (helpers/site.ts plainBuildCommand), none bundled ahead. */
  plainBuilds?: boolean;
  /** With plainBuilds: where the builds' stderr goes (else into the publisher's log of a failure). */
  buildStderrFile?: string;
}

/** startPublisherProcess, then waits until it serves a release; a failure shows its output. */
export async function startLivePublisherProcess(
  options: PublisherProcessOptions,
  withinMs: number,
): Promise<PublisherProcess> {
  const publisher = startPublisherProcess(options);
  // The home page answers 200 once a release is live (503 before).
  const live = (status: number) => status === 200;
  await waitForHttp(`${publisher.url}/`, withinMs, publisher.process.exited, live).catch(
    (error: unknown) => {
      const { stdout, stderr } = publisher.process.output();
      throw new Error(`${error}\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`);
    },
  );
  return publisher;
}

/** Runs `publisher/main.ts` as `npm start -w site` would, against a CMS, on a given port and folder. */
export function startPublisherProcess(options: PublisherProcessOptions): PublisherProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    STRAPI_URL: options.cms.url,
    STRAPI_TOKEN: options.cms.token,
    SITE_CACHE_DIR: path.join(options.workDir, 'cache'),
    PUBLISHER_HOST: '127.0.0.1',
    PUBLISHER_PORT: String(options.port),
    PUBLISH_HOOK_SECRET: options.secret,
    RELEASES_DIR: path.join(options.workDir, 'releases'),
    // The check at start-up only: the tests say when to build.
    RECONCILE_INTERVAL_MS: '0',
    PUBLISHER_BUILD_COMMAND: options.plainBuilds ? plainBuildCommand(options.buildStderrFile) : '',
    ASTRO_TELEMETRY_DISABLED: '1',
    ...(options.adminUrl && { CMS_PUBLIC_URL: options.adminUrl }),
  };
  // vitest sets NODE_ENV=test; the publisher should run as `npm start` runs it.
  delete env.NODE_ENV;
  const started = startProcess(process.execPath, ['--import', 'tsx', 'publisher/main.ts'], {
    cwd: siteRoot,
    env,
  });
  return {
    process: started,
    url: `http://127.0.0.1:${options.port}`,
    stop: () => stopProcess(started, 15_000),
  };
}
