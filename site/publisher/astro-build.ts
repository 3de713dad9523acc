import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledCodePaths } from '../src/lib/incremental/code-version';
import { PARTNER_FROM_ARTICLES, PARTNER_SHARE } from '../src/lib/incremental/render-share';
import { BuildProcess } from './build-process';
import { consoleLogger, type Logger } from './log';
import { isAlive, isRunning, signalGroup, spawnGroup } from './process-groups';

const STANDBY_SCRIPT = fileURLToPath(new URL('./astro-standby.mjs', import.meta.url));

/**
 * Where builds get their private working directories. Under site/, because Astro puts a build's
 * server chunks there and they import packages, found through site/node_modules and upwards.
 */
export const scratchRoot = (siteRoot: string) => path.join(siteRoot, '.cache', 'publisher-builds');

/** A message to a waiting process; one that died meanwhile is noticed when it is needed. */
function send(child: ChildProcess, message: object): void {
  try {
    child.send(message, () => undefined);
  } catch {
    // Its channel closed: it exited.
  }
}

/**
 * A build allocates short-lived strings by the gigabyte (pages, props, hashes): a young generation
 * of 64 MB instead of V8's 16 MB cut a publish's garbage collection at 20,000 articles from 10.8 s
 * to 4.0 s of CPU (bench/README.md).
 */
const BUILD_NODE_FLAGS = ['--max-semi-space-size=64'];

/** The lines a prepared process printed before its job: shown if the build then fails. */
const PRELUDE_LINES = 40;

/**
 * The site's code that changed last, and when (milliseconds), to tell a stale bundle. Folders
 * count too: adding, removing or renaming a file changes its folder's time, not a file's.
 */
async function lastCodeChange(siteRoot: string): Promise<{ path: string; at: number }> {
  const paths = await Promise.all(
    bundledCodePaths(siteRoot).map(async (root) => {
      const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
      return [
        root,
        ...entries
          .filter((entry) => entry.isFile() || entry.isDirectory())
          .map((entry) => path.join(entry.parentPath, entry.name)),
      ];
    }),
  );
  const times = await Promise.all(
    paths.flat().map((file) =>
      stat(file).then(
        (info) => ({ path: file, at: info.mtimeMs }),
        // Missing (a root that does not exist, a file removed meanwhile): never the newest.
        () => ({ path: file, at: 0 }),
      ),
    ),
  );
  return times.reduce((newest, time) => (time.at > newest.at ? time : newest));
}

export interface AstroLauncherOptions {
  siteRoot: string;
  /** The releases folder: each build writes into a temporary folder there, renamed at the end. */
  releasesDir: string;
  env: NodeJS.ProcessEnv;
  /** Keep the next builds' processes started and the site bundled between builds (the server does). */
  standby: boolean;
  /** Says when a waiting process is thrown away because the code changed (default: stdout). */
  logger?: Logger;
}

/** Where the next build stands: `bundling` until it waits for its job, `ready` then. */
export type StandbyState = 'none' | 'bundling' | 'ready';

/**
 * Bundled processes kept waiting between builds. Two: in a storm of publishes the follow-up
 * build (build-queue.ts) takes the second instead of waiting for a bundle (10–15 s of CPU). An
 * idle one holds ~250 MB.
 */
const SPARES = 2;

/** A full build's request for a partner (astro-standby.mjs `askForPartner`). */
interface PartnerRequest {
  articles: number;
  dataFile: string;
}

interface Standby {
  child: ChildProcess;
  state: StandbyState;
  /** When it started bundling: a change to the code after that makes its bundle stale. */
  startedAt: number;
  /** Its working directory and its temporary output folder: removed if it never builds. */
  folders: string[];
  prelude: string[];
}

/**
 * Starts the real site's `astro build` for the publisher. Two things set it apart from running
 * the CLI in site/:
 * - each build runs in a working directory of its own (see astro-standby.mjs), so two builds of
 *   the same site (the publisher's, a test's, a developer's) cannot delete each other's files;
 * - with `standby`, the processes of the next builds are started ahead: each loads Astro and
 *   bundles the site with Vite (which depends on the code, not on the content), then waits. A
 *   publish then costs only the CMS fetch and the rendering. They are bundled one at a time and
 *   only while no build runs (`refill`), so a build has the cores to itself: a spare bundling
 *   beside it, even at niceness 10, made 20,000-article publishes, storms and edits 40–150 %
 *   slower (bench/README.md).
 * A standby process fetches nothing and renders nothing until it is handed its job, and runs one
 * build at most, so builds stay as isolated from each other as separate CLI runs.
 */
export class AstroLauncher {
  readonly #options: AstroLauncherOptions;
  /** Oldest first: the oldest is the likeliest to be bundled. */
  #spares: Standby[] = [];
  #running = 0;
  #closed = false;
  /** The release the next build most likely starts from (the live one), read ahead by spares. */
  #preload: string | undefined;

  constructor(options: AstroLauncherOptions) {
    this.#options = options;
  }

  /** The next build's process, for the status endpoint. */
  standbyState(): StandbyState {
    const alive = this.#alive();
    if (alive.some((standby) => standby.state === 'ready')) return 'ready';
    return alive.length ? 'bundling' : 'none';
  }

  /** How many processes are bundled and waiting. */
  readySpares(): number {
    return this.#alive().filter((standby) => standby.state === 'ready').length;
  }

  /** Names the release the next build will most likely start from: the spares read it ahead. */
  preload(releaseDir: string, { ifNone = false } = {}): void {
    if (ifNone && this.#preload) return;
    this.#preload = releaseDir;
    for (const standby of this.#alive()) send(standby.child, { preload: releaseDir });
  }

  /** Starts the next build's process now, unless one is started already. */
  prepare(): void {
    if (this.#closed || this.#alive().length) return;
    this.#spawn();
  }

  /**
   * Hands a build into `outDir` to a waiting process (started now if there is none); with
   * `base`, a release it builds from incrementally.
   */
  async start(outDir: string, timeoutMs: number, base?: string): Promise<BuildProcess> {
    if (this.#closed) throw new Error('the publisher is stopping');
    // Someone edited the site since (a developer running `npm start`): bundle it afresh.
    if (this.#spares.length) {
      const changed = await lastCodeChange(this.#options.siteRoot);
      const stale = this.#spares.filter((standby) => changed.at >= standby.startedAt);
      if (stale.length) {
        (this.#options.logger ?? consoleLogger).info(
          `the site's code changed (${path.relative(this.#options.siteRoot, changed.path)}) ` +
            'since the next build bundled it: bundling again',
        );
        for (const standby of stale) this.#drop(standby);
      }
    }
    if (this.#closed) throw new Error('the publisher is stopping');
    this.prepare();
    const alive = this.#alive();
    const standby = alive.find((candidate) => candidate.state === 'ready') ?? alive[0]!;
    this.#spares = this.#spares.filter((candidate) => candidate !== standby);
    const { child, folders, prelude } = standby;
    for (const stream of [child.stdout!, child.stderr!]) stream.removeAllListeners('data');
    child.stdin!.end(`${JSON.stringify({ outDir, base })}\n`);
    const build = new BuildProcess(child, {
      timeoutMs,
      prelude,
      cleanup: async () => {
        await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
      },
    });
    this.#running++;
    void build.exited.then(() => this.#running--);
    child.on('message', (message: { partnerWanted?: PartnerRequest }) => {
      if (message?.partnerWanted) this.#lendPartner(child, build, message.partnerWanted, timeoutMs);
    });
    return build;
  }

  /**
   * Gives a full build a second process that renders half its pages (render-share.ts): a spare
   * that waits bundled, else, for a large archive, one started now. Its pages stay in its own
   * folder until the lead has linked them, then go with it when the lead exits.
   */
  #lendPartner(
    lead: ChildProcess,
    leadBuild: BuildProcess,
    request: PartnerRequest,
    timeoutMs: number,
  ): void {
    const ready = this.#alive().find((candidate) => candidate.state === 'ready');
    if (this.#closed || (!ready && request.articles < PARTNER_FROM_ARTICLES)) {
      send(lead, { partner: null });
      return;
    }
    if (!ready) this.#spawn();
    const standby = ready ?? this.#spares.at(-1)!;
    this.#spares = this.#spares.filter((candidate) => candidate !== standby);
    const { child, folders, prelude } = standby;
    for (const stream of [child.stdout!, child.stderr!]) stream.removeAllListeners('data');
    const partner = { share: PARTNER_SHARE, dataFile: request.dataFile };
    child.stdin!.end(`${JSON.stringify({ partner })}\n`);
    const build = new BuildProcess(child, { timeoutMs, prelude });
    this.#running++;
    void build.exited.then(({ code, outputTail }) => {
      this.#running--;
      send(lead, { partnerExit: { code, outputTail } });
    });
    void leadBuild.exited.then(async () => {
      build.kill('SIGKILL');
      await build.exited;
      await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
    });
    // The standby's temporary output folder: where it renders, and leaves, its pages.
    send(lead, { partner: folders[1] });
  }

  /**
   * Stops the waiting processes and removes their folders; a running build is the caller's to
   * stop.
   */
  async close(): Promise<void> {
    this.#closed = true;
    const spares = this.#spares;
    this.#spares = [];
    await Promise.all(spares.map((standby) => this.#discard(standby)));
  }

  #alive(): Standby[] {
    for (const standby of this.#spares.filter((candidate) => !isRunning(candidate.child))) {
      this.#drop(standby);
    }
    return this.#spares;
  }

  #drop(standby: Standby): void {
    this.#spares = this.#spares.filter((candidate) => candidate !== standby);
    void this.#discard(standby);
  }

  /**
   * Bundles the next spare, up to SPARES, one at a time and only while no build runs: called by
   * the publisher when its queue is idle, and again here as each spare is bundled.
   */
  refill(): void {
    if (this.#closed || !this.#options.standby || this.#running > 0) return;
    const alive = this.#alive();
    if (alive.length >= SPARES || alive.some((standby) => standby.state === 'bundling')) return;
    this.#spawn();
  }

  #spawn(): void {
    const name = `${process.pid}-${randomBytes(4).toString('hex')}`;
    const cwd = path.join(scratchRoot(this.#options.siteRoot), name);
    // A dot name in the releases folder: never taken for a release, removed at start-up if left.
    const outDir = path.join(this.#options.releasesDir, `.tmp-build-${name}`);
    // Astro deletes `<cwd>/.astro/` once it holds nothing but the server chunks it removes, then
    // fails to list it (a site without client scripts): a .d.ts keeps it, and Astro itself
    // drops .d.ts files before copying the folder into the release.
    mkdirSync(path.join(cwd, '.astro'), { recursive: true });
    writeFileSync(path.join(cwd, '.astro', 'publisher-build.d.ts'), 'export {};\n');
    // Its own process group: the build can be stopped with everything it started.
    const child = spawnGroup(
      process.execPath,
      [...BUILD_NODE_FLAGS, STANDBY_SCRIPT, this.#options.siteRoot, outDir],
      {
        cwd,
        env: { ...this.#options.env, ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: ['pipe', 'pipe', 'pipe', 'ipc'],
      },
    );
    const standby: Standby = {
      child,
      state: 'bundling',
      startedAt: Date.now(),
      folders: [cwd, outDir],
      prelude: [],
    };
    // A standby that died is noticed when it is needed; a write to it must not throw.
    child.stdin!.on('error', () => undefined);
    child.once('error', () => undefined);
    child.on('message', (message: { state?: string }) => {
      if (message?.state !== 'bundled') return;
      standby.state = 'ready';
      this.refill();
    });
    const keep = (chunk: string) => {
      standby.prelude.push(...chunk.split('\n').filter(Boolean));
      standby.prelude.splice(0, Math.max(0, standby.prelude.length - PRELUDE_LINES));
    };
    child.stdout!.setEncoding('utf8').on('data', keep);
    child.stderr!.setEncoding('utf8').on('data', keep);
    // It must not keep the publisher's event loop alive while it waits.
    child.channel?.unref();
    if (this.#preload) send(child, { preload: this.#preload });
    this.#spares.push(standby);
  }

  /** Kills a process that never got its job, then removes its folders. */
  async #discard({ child, folders }: Standby): Promise<void> {
    const exited = new Promise((resolve) => {
      if (!isRunning(child)) return resolve(undefined);
      child.once('exit', resolve);
      signalGroup(child, 'SIGKILL');
    });
    await exited;
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
  }
}

/**
 * Removes the working directories of builds whose publisher is gone (killed mid-build): each is
 * named after the publisher's pid, and a directory of another live publisher is left alone.
 * Called at start-up, before this process builds anything.
 */
export async function removeStaleScratch(siteRoot: string): Promise<string[]> {
  const root = scratchRoot(siteRoot);
  const names = await readdir(root).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(name.split('-', 1)[0]);
    // Our own pid at start-up is a previous life of this container (pid 1 again), not a build.
    if (pid !== process.pid && Number.isInteger(pid) && pid > 0 && isAlive(pid)) continue;
    await rm(path.join(root, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
