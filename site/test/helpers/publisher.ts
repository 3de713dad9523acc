import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { transform } from 'esbuild';
import { readSiteConfig } from '../../src/lib/config';
import type { PublisherConfig } from '../../publisher/config';
import type { ContentSnapshot, ContentSource } from '../../publisher/content-source';
import type { Logger } from '../../publisher/log';
import { startPublisher, type RunningPublisher } from '../../publisher/server';
import type { PublisherStatus } from '../../publisher/publisher';
import type { ReconcileState } from '../../publisher/reconcile';
import type { FakeBuildControl } from './publisher-fake-build';
import { siteRoot } from './paths';
import { vi } from 'vitest';

const fakeBuildSource = path.join(siteRoot, 'test', 'helpers', 'publisher-fake-build.ts');

let fakeBuildCode: Promise<string> | undefined;
/**
 * The fake build as plain JavaScript, compiled once per test file: the publisher tests run dozens
 * of builds, and `node --import tsx` costs each of them half a second of CPU.
 */
const compiledFakeBuild = () =>
  (fakeBuildCode ??= readFile(fakeBuildSource, 'utf8').then(
    async (source) => (await transform(source, { loader: 'ts', format: 'esm' })).code,
  ));

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * A throwaway releases folder plus everything the fake build reads: its control file, the
 * CMS figures the publisher checks pages against (a JSON file standing in for Strapi), the gate
 * file a held build waits for, and the log of builds.
 */
export class FakeSite {
  readonly workDir: string;
  readonly releasesDir: string;
  readonly gate: string;

  private constructor(workDir: string) {
    this.workDir = workDir;
    this.releasesDir = path.join(workDir, 'releases');
    this.gate = path.join(workDir, 'gate');
  }

  static async create(control: Partial<FakeBuildControl> = {}): Promise<FakeSite> {
    const site = new FakeSite(await mkdtemp(path.join(os.tmpdir(), 'toasoan-publisher-test-')));
    await writeFile(site.#fakeBuildScript, await compiledFakeBuild());
    await site.setControl({ articles: 3, marker: 'v1', ...control });
    await site.setCms({ articles: 3, signature: 'cms-1' });
    await site.openGate();
    return site;
  }

  /** The shell command the publisher runs instead of `astro build`. */
  get buildCommand(): string {
    return `FAKE_BUILD_DIR=${quote(this.workDir)} ${quote(process.execPath)} ${quote(this.#fakeBuildScript)}`;
  }

  get #fakeBuildScript(): string {
    return path.join(this.workDir, 'fake-build.mjs');
  }

  async setControl(control: FakeBuildControl): Promise<void> {
    await writeFile(
      path.join(this.workDir, 'control.json'),
      JSON.stringify({ gate: this.gate, ...control }),
    );
  }

  async control(): Promise<FakeBuildControl> {
    return JSON.parse(
      await readFile(path.join(this.workDir, 'control.json'), 'utf8'),
    ) as FakeBuildControl;
  }

  async updateControl(changes: Partial<FakeBuildControl>): Promise<void> {
    await this.setControl({ ...(await this.control()), ...changes });
  }

  async setCms(figures: { articles: number; signature: string }): Promise<void> {
    await writeFile(path.join(this.workDir, 'cms.json'), JSON.stringify(figures));
  }

  /** What the publisher believes the CMS holds: read from cms.json at each call. */
  contentSource(): ContentSource {
    const file = path.join(this.workDir, 'cms.json');
    return {
      async snapshot(): Promise<ContentSnapshot> {
        const figures = JSON.parse(await readFile(file, 'utf8')) as {
          articles: number;
          signature: string;
        };
        return { ...figures, takenAt: new Date().toISOString() };
      },
    };
  }

  /** Builds that started and ended, from the fake build's own log. */
  async builds(): Promise<{ started: number; ended: number }> {
    const text = await readFile(path.join(this.workDir, 'builds.log'), 'utf8').catch(() => '');
    const lines = text.split('\n');
    return {
      started: lines.filter((line) => line.startsWith('start ')).length,
      ended: lines.filter((line) => line.startsWith('end ')).length,
    };
  }

  /** The release each build was asked to start from, `-` for a full build, oldest first. */
  async bases(): Promise<string[]> {
    const text = await readFile(path.join(this.workDir, 'builds.log'), 'utf8').catch(() => '');
    return text
      .split('\n')
      .filter((line) => line.startsWith('start '))
      .map((line) => line.split(' ')[3]!);
  }

  /** The pid of the latest fake build process. */
  async buildPid(): Promise<number> {
    return Number(await readFile(path.join(this.workDir, 'build.pid'), 'utf8'));
  }

  async openGate(): Promise<void> {
    await writeFile(this.gate, '');
  }

  async closeGate(): Promise<void> {
    await rm(this.gate, { force: true });
  }

  async remove(): Promise<void> {
    await rm(this.workDir, { recursive: true, force: true });
  }
}

export const TEST_SECRET = randomBytes(24).toString('hex');

/** The publisher's configuration for a test: a free port on 127.0.0.1, the fake build, no timer. */
export function testConfig(
  site: FakeSite,
  overrides: Partial<PublisherConfig> = {},
): PublisherConfig {
  return {
    site: readSiteConfig(siteRoot),
    siteRoot,
    host: '127.0.0.1',
    port: 0,
    hookSecret: TEST_SECRET,
    releasesDir: site.releasesDir,
    keepReleases: 5,
    reconcileIntervalMs: 0,
    buildCommand: site.buildCommand,
    buildTimeoutMs: 60_000,
    fullBuildIntervalMs: 86_400_000,
    mode: 'build',
    githubDispatch: undefined,
    security: { adminOrigin: 'http://localhost:1337', trustedProxies: [] },
    ...overrides,
  };
}

/** Starts the real publisher (in this process) on a fake site; its log lines are kept in `logs`. */
export async function startFakePublisher(
  site: FakeSite,
  overrides: Partial<PublisherConfig> = {},
): Promise<RunningPublisher & { logs: string[] }> {
  const logs: string[] = [];
  const logger: Logger = {
    info: (line) => logs.push(line),
    error: (line) => logs.push(`ERROR ${line}`),
  };
  const running = await startPublisher(testConfig(site, overrides), site.contentSource(), logger);
  return Object.assign(running, { logs });
}

/**
 * POSTs a Strapi-shaped webhook body to the publisher, with the right secret unless
 * `authorization` says otherwise (null: no Authorization header at all).
 */
export function postHook(
  baseUrl: string,
  {
    authorization = `Bearer ${TEST_SECRET}`,
    body = PUBLISH_EVENT,
  }: { authorization?: string | null; body?: object } = {},
): Promise<Response> {
  return fetch(`${baseUrl}/_publisher/hook`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(authorization !== null && { Authorization: authorization }),
    },
    body: JSON.stringify(body),
  });
}

const PUBLISH_EVENT = {
  event: 'entry.publish',
  model: 'article',
  uid: 'api::article.article',
  entry: { id: 1 },
};

export async function getStatus(baseUrl: string): Promise<ServerStatus> {
  const response = await fetch(`${baseUrl}/_publisher/status`);
  if (!response.ok) throw new Error(`status answered ${response.status}`);
  return (await response.json()) as ServerStatus;
}

/** GET /_publisher/status: the publisher's own status plus the server's counters. */
type ServerStatus = PublisherStatus & {
  hooks: { accepted: number; refused: number; ignored: number };
  reconcile: ReconcileState | null;
};

/**
 * Polls `check` (vi.waitFor) until it returns a value other than undefined/false, or fails after
 * `timeoutMs` with the last error `check` threw, if any.
 */
export function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  return vi.waitFor(
    async () => {
      const value = await check();
      if (value === undefined || value === false) {
        throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
      }
      return value;
    },
    { timeout: timeoutMs, interval: 25 },
  );
}

/** The text of a page of the running publisher, with its status. */
export async function getPage(
  baseUrl: string,
  urlPath: string,
): Promise<{ status: number; body: string; type: string | null }> {
  const response = await fetch(`${baseUrl}${urlPath}`);
  return {
    status: response.status,
    body: await response.text(),
    type: response.headers.get('content-type'),
  };
}
