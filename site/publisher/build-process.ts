import type { ChildProcess } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { signalGroup, spawnGroup } from './process-groups';

export interface BuildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** The last lines it printed (stdout and stderr interleaved), for the log of a failure. */
  outputTail: string;
}

export interface BuildProcessOptions {
  /** A build running longer than this is killed (SIGKILL to its group) and counts as timed out. */
  timeoutMs: number;
  /** What it printed before it was handed the build (a process started ahead of time). */
  prelude?: string[];
  /** Runs after the process group is gone, before `exited` resolves (removing scratch files). */
  cleanup?: () => Promise<void>;
}

const TAIL_LINES = 40;

/** PUBLISHER_BUILD_COMMAND: a shell line run in site/, the release folder as $PUBLISH_OUT_DIR. */
export function spawnShellBuild(options: {
  command: string;
  siteRoot: string;
  outDir: string;
  /** A release to build from incrementally (SITE_BASE_RELEASE). */
  base?: string;
  env: NodeJS.ProcessEnv;
}): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...options.env,
    PUBLISH_OUT_DIR: options.outDir,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  if (options.base) env.SITE_BASE_RELEASE = options.base;
  else delete env.SITE_BASE_RELEASE;
  return spawnGroup(options.command, [], { shell: true, cwd: options.siteRoot, env });
}

/**
 * A build leading its own process group (spawned `detached`): `kill` reaches all it started, and
 * stragglers die when the leader exits, as they might still write into the folder.
 */
export class BuildProcess {
  readonly pid: number | undefined;
  readonly exited: Promise<BuildExit>;
  #timedOut = false;

  constructor(child: ChildProcess, options: BuildProcessOptions) {
    this.pid = child.pid;

    const lines: string[] = [...(options.prelude ?? [])];
    let partial = '';
    const collect = (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts);
      if (lines.length > TAIL_LINES) lines.splice(0, lines.length - TAIL_LINES);
    };
    child.stdout?.setEncoding('utf8').on('data', collect);
    child.stderr?.setEncoding('utf8').on('data', collect);

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
        const outputTail = stripVTControlCharacters(tail);
        const exit = { code, signal, timedOut: this.#timedOut, outputTail };
        const cleanup = options.cleanup?.().catch(() => undefined) ?? Promise.resolve();
        void cleanup.then(() => resolve(exit));
      };
      child.once('error', (error) => {
        collect(`${error.message}\n`);
        finish(null, null);
      });
      child.once('exit', (code, signal) => {
        this.kill('SIGKILL');
        // Wait for the pipes to drain (the last lines are the error), but not for a process
        // outside the group that might hold them open.
        const drained = setTimeout(() => finish(code, signal), 2_000);
        child.once('close', () => {
          clearTimeout(drained);
          finish(code, signal);
        });
      });
    });
  }

  /** Signals the whole process group (SIGTERM for a graceful stop, SIGKILL when it must end now). */
  kill(signal: NodeJS.Signals): void {
    signalGroup(this.pid, signal);
  }
}

/** `exit code 1`, `killed by SIGKILL`, `timed out after …` */
export function describeExit(exit: BuildExit, timeoutMs: number): string {
  if (exit.timedOut) return `timed out after ${Math.round(timeoutMs / 1000)} s and was killed`;
  if (exit.signal) return `was killed by ${exit.signal}`;
  if (exit.code === null) return 'could not be started';
  return `exited with code ${exit.code}`;
}
