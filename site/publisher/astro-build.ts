import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BuildProcess } from './build-process';

const STANDBY_SCRIPT = fileURLToPath(new URL('./astro-standby.mjs', import.meta.url));

/**
 * Where builds get their private working directories. Under site/, because Astro puts a build's
 * server chunks there and they import packages, found through site/node_modules and upwards.
 */
export const scratchRoot = (siteRoot: string) => path.join(siteRoot, '.cache', 'publisher-builds');

/** Started (a failed spawn has no pid) and not exited. */
const isAlive = (child: ChildProcess) =>
  child.pid !== undefined && child.exitCode === null && child.signalCode === null;

function pidIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface AstroLauncherOptions {
  siteRoot: string;
  env: NodeJS.ProcessEnv;
  /** Keep the next build's process started and Astro loaded between builds (the server does). */
  standby: boolean;
}

/**
 * Starts the real site's `astro build` for the publisher. Two things set it apart from running
 * the CLI in site/:
 * - each build runs in a working directory of its own (see astro-standby.mjs), so two builds of
 *   the same site (the publisher's, a test's, a developer's) cannot delete each other's files;
 * - with `standby`, the process of the next build is started as soon as the previous one ends,
 *   and has loaded Astro by the time a publish arrives: that start-up is off the clock.
 * A standby process runs no build until it is handed one, and runs one at most, so builds stay as
 * isolated from each other as separate CLI runs.
 */
export class AstroLauncher {
  readonly #options: AstroLauncherOptions;
  #standby: ChildProcess | undefined;
  #closed = false;

  constructor(options: AstroLauncherOptions) {
    this.#options = options;
  }

  /** Starts the next build's process now, unless one waits already. */
  prepare(): void {
    if (this.#closed || (this.#standby && isAlive(this.#standby))) return;
    const child = spawn(process.execPath, [STANDBY_SCRIPT], {
      cwd: this.#options.siteRoot,
      env: { ...this.#options.env, ASTRO_TELEMETRY_DISABLED: '1' },
      // Its own process group: the build can be stopped with everything it started.
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // A standby that died is noticed when it is needed; a write to it must not throw.
    child.stdin!.on('error', () => undefined);
    child.once('error', () => undefined);
    this.#standby = child;
  }

  /** Hands a build into `outDir` to the waiting process (started now if there is none). */
  async start(outDir: string, timeoutMs: number): Promise<BuildProcess> {
    if (this.#closed) throw new Error('the publisher is stopping');
    const cwd = path.join(
      scratchRoot(this.#options.siteRoot),
      `${process.pid}-${path.basename(outDir)}-${randomBytes(3).toString('hex')}`,
    );
    // Astro deletes `<cwd>/.astro/` once it holds nothing but the server chunks it removes, then
    // fails to list it (a site without client scripts): a .d.ts keeps it, and Astro itself
    // drops .d.ts files before copying the folder into the release.
    await mkdir(path.join(cwd, '.astro'), { recursive: true });
    await writeFile(path.join(cwd, '.astro', 'publisher-build.d.ts'), 'export {};\n');
    if (this.#closed) {
      await rm(cwd, { recursive: true, force: true });
      throw new Error('the publisher is stopping');
    }
    this.prepare();
    const child = this.#standby!;
    this.#standby = undefined;
    child.stdin!.end(`${JSON.stringify({ root: this.#options.siteRoot, cwd, outDir })}\n`);
    const build = new BuildProcess(child, {
      timeoutMs,
      cleanup: () => rm(cwd, { recursive: true, force: true }),
    });
    if (this.#options.standby) void build.exited.then(() => this.prepare());
    return build;
  }

  /** Stops the waiting process; a running build is the caller's to stop. */
  close(): void {
    this.#closed = true;
    const child = this.#standby;
    this.#standby = undefined;
    if (child?.pid !== undefined && isAlive(child)) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
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
    if (pid !== process.pid && Number.isInteger(pid) && pid > 0 && pidIsRunning(pid)) continue;
    await rm(path.join(root, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
