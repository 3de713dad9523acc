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

/** Under site/: a build's server chunks land in its cwd and import packages from site/node_modules. */
export const scratchRoot = (siteRoot: string) => path.join(siteRoot, '.cache', 'publisher-builds');

/** A message to a waiting process; one that died meanwhile is noticed when it is needed. */
function send(child: ChildProcess, message: object): void {
  try {
    child.send(message, () => undefined);
  } catch {
    // Its channel closed: it exited.
  }
}

/** A bigger young generation: 10.8 s → 4.0 s of GC per publish at 20,000 articles (bench/README.md). */
const BUILD_NODE_FLAGS = ['--max-semi-space-size=64'];

/** The lines a prepared process printed before its job: shown if the build then fails. */
const PRELUDE_LINES = 40;

/** The newest code change; folders count, since adding or removing a file changes only its folder. */
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

export type StandbyState = 'none' | 'bundling' | 'ready';

/** Two: a storm's follow-up build takes the second instead of waiting 10–15 s for a bundle. */
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

/** `astro build` in processes of their own, bundled ahead, one build each (README "Builds"). */
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

  standbyState(): StandbyState {
    const alive = this.#alive();
    if (alive.some((standby) => standby.state === 'ready')) return 'ready';
    return alive.length ? 'bundling' : 'none';
  }

  readySpares(): number {
    return this.#alive().filter((standby) => standby.state === 'ready').length;
  }

  preload(releaseDir: string, { ifNone = false } = {}): void {
    if (ifNone && this.#preload) return;
    this.#preload = releaseDir;
    for (const standby of this.#alive()) send(standby.child, { preload: releaseDir });
  }

  prepare(): void {
    if (this.#closed || this.#alive().length) return;
    this.#spawn();
  }

  /** Hands a build into `outDir` (incremental from `base`) to a waiting process. */
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

  /** Gives a full build a second process rendering half its pages (README "Builds"). */
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

  /** Stops the waiting processes; a running build is the caller's to stop. */
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

  /** Bundles spares up to SPARES, one at a time and only while no build runs (bench/README.md). */
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
    // Astro deletes an emptied `<cwd>/.astro/`, then fails to list it: a .d.ts (which Astro keeps out
    // of the release) holds it open.
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

/** At start-up: removes the working directories of dead publishers (named after their pid). */
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
