import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

/** How a build process ended. */
export interface BuildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The last lines it printed (stdout and stderr interleaved), for the log of a failure. */
  outputTail: string;
}

export interface BuildProcessOptions {
  siteRoot: string;
  outDir: string;
  /** A shell command line to run instead of `astro build`; it gets the folder as $PUBLISH_OUT_DIR. */
  command: string | undefined;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
}

const TAIL_LINES = 40;

/** Astro's CLI entry, run with this Node: no npm or shell in between to swallow signals. */
function astroCli(): string {
  const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
  return path.join(path.dirname(astroPackage), 'astro.js');
}

/** `astro build` of the real site into `outDir`: site/ is its root, so its astro.config.mjs applies. */
export function describeBuildCommand(options: Pick<BuildProcessOptions, 'command'>): string {
  return options.command ?? 'astro build --outDir <release>';
}

/**
 * A running build. It is started in its own process group, so `kill` reaches everything it
 * started (Astro's workers, a shell's children), and nothing of it outlives the build: once the
 * leader exits, stragglers of its group are killed too, as they might still write into the folder.
 */
export class BuildProcess {
  readonly pid: number | undefined;
  readonly exited: Promise<BuildExit>;
  readonly #child: ChildProcess;
  #timedOut = false;

  constructor(options: BuildProcessOptions) {
    const env = { ...options.env, PUBLISH_OUT_DIR: options.outDir, ASTRO_TELEMETRY_DISABLED: '1' };
    this.#child = options.command
      ? spawn(options.command, {
          shell: true,
          cwd: options.siteRoot,
          env,
          detached: true,
          stdio: ['ignore', 'pipe', 'pipe'],
        })
      : spawn(process.execPath, [astroCli(), 'build', '--outDir', options.outDir], {
          cwd: options.siteRoot,
          env,
          detached: true,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
    this.pid = this.#child.pid;

    const lines: string[] = [];
    let partial = '';
    const collect = (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts);
      if (lines.length > TAIL_LINES) lines.splice(0, lines.length - TAIL_LINES);
    };
    this.#child.stdout!.setEncoding('utf8').on('data', collect);
    this.#child.stderr!.setEncoding('utf8').on('data', collect);

    const timer = setTimeout(() => {
      this.#timedOut = true;
      this.kill('SIGKILL');
    }, options.timeoutMs);

    this.exited = new Promise<BuildExit>((resolve) => {
      let settled = false;
      const finish = (code: number | null, signal: NodeJS.Signals | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const tail = [...lines, partial].join('\n').trim();
        // ANSI colours read badly in a log file and in JSON.
        const outputTail = tail.replace(/\u001b\[[0-9;]*m/g, '');
        resolve({ code, signal, timedOut: this.#timedOut, outputTail });
      };
      this.#child.once('error', (error) => {
        collect(`${error.message}\n`);
        finish(null, null);
      });
      this.#child.once('exit', (code, signal) => {
        this.kill('SIGKILL');
        // Wait for the pipes to drain (the last lines are the error), but not for a process
        // outside the group that might hold them open.
        const drained = setTimeout(() => finish(code, signal), 2_000);
        this.#child.once('close', () => {
          clearTimeout(drained);
          finish(code, signal);
        });
      });
    });
  }

  /** Signals the whole process group (SIGTERM for a graceful stop, SIGKILL when it must end now). */
  kill(signal: NodeJS.Signals): void {
    if (this.pid === undefined) return;
    try {
      process.kill(-this.pid, signal);
    } catch {
      // Already gone.
    }
  }
}

/** `exit code 1`, `killed by SIGKILL`, `timed out after …` */
export function describeExit(exit: BuildExit, timeoutMs: number): string {
  if (exit.timedOut) return `timed out after ${Math.round(timeoutMs / 1000)} s and was killed`;
  if (exit.signal) return `was killed by ${exit.signal}`;
  if (exit.code === null) return 'could not be started';
  return `exited with code ${exit.code}`;
}
