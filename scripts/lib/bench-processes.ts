/**
 * Child processes for the benchmarks: quiet (their output is kept, and shown only when something
 * fails), each in its own process group so stopping one stops what npm started below it
 * (npm → sh → node), and a registry so Ctrl-C stops them all and removes the run's work folders.
 */
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { scriptsEnv } from '@toasoan/shared';
import { spawnGroup, stopGroup } from '../../site/publisher/process-groups';

const TAIL_CHARS = 4_000;

export interface QuietChild {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** The last few thousand characters it printed, stdout and stderr interleaved. */
  tail(): string;
}

const running = new Set<QuietChild>();

export interface QuietOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Called with each whole line it prints (stdout), e.g. to follow a seed's progress. */
  onLine?: (line: string) => void;
}

/** Starts `command args…` in its own process group, keeping the tail of its output. */
export function startQuiet(
  name: string,
  command: string,
  args: string[],
  { onLine, ...options }: QuietOptions,
): QuietChild {
  const child = spawnGroup(command, args, options);
  let output = '';
  const keep = (chunk: string) => {
    output = (output + chunk).slice(-TAIL_CHARS);
  };
  child.stdout!.setEncoding('utf8').on('data', keep);
  child.stderr!.setEncoding('utf8').on('data', keep);
  // BENCH_LOG_DIR keeps each process's whole output, to read a run's timeline afterwards.
  const { BENCH_LOG_DIR: logDir } = scriptsEnv.parse(process.env);
  if (logDir) {
    mkdirSync(logDir, { recursive: true });
    const log = createWriteStream(path.join(logDir, `${name}.log`), { flags: 'a' });
    child.stdout!.on('data', (chunk) => log.write(chunk));
    child.stderr!.on('data', (chunk) => log.write(chunk));
  }
  if (onLine) createInterface({ input: child.stdout!, crlfDelay: Infinity }).on('line', onLine);
  const quiet: QuietChild = {
    name,
    process: child,
    exited: new Promise((resolve) => {
      child.once('error', (error) => {
        keep(`${error.message}\n`);
        resolve(null);
      });
      child.once('close', (code) => resolve(code));
    }),
    tail: () => output.trim(),
  };
  running.add(quiet);
  void quiet.exited.then(() => running.delete(quiet));
  return quiet;
}

/** Runs a command to its end; throws with the tail of its output unless it exits with 0. */
export async function runQuiet(
  name: string,
  command: string,
  args: string[],
  options: QuietOptions,
): Promise<void> {
  const child = startQuiet(name, command, args, options);
  const code = await child.exited;
  if (code !== 0) throw new Error(`${name} exited with code ${code}:\n${child.tail()}`);
}

/** SIGTERM to the group, SIGKILL after `graceMs`, and SIGKILL to stragglers once the leader is gone. */
export async function stopQuiet(child: QuietChild, graceMs = 10_000): Promise<void> {
  await stopGroup(child.process, graceMs);
  await child.exited;
}

/** Stops every child still running (Ctrl-C, an error). */
export async function stopAllQuiet(): Promise<void> {
  await Promise.all([...running].map((child) => stopQuiet(child)));
}

const workDirs = new Set<string>();

/** A new folder in the system's temp dir for one stack's CMS and site; cleanUpBench removes it. */
export async function makeBenchWorkDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  workDirs.add(dir);
  return dir;
}

/** Removes a work folder as soon as its stack is measured (a run of several sizes makes several). */
export async function removeBenchWorkDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  workDirs.delete(dir);
}

/** Stops every child still running and removes every work folder: end of a run, error, Ctrl-C. */
export async function cleanUpBench(): Promise<void> {
  await stopAllQuiet();
  for (const dir of [...workDirs]) await removeBenchWorkDir(dir);
}

let interrupted = false;

/** True once Ctrl-C (or SIGTERM) arrived: what fails then (the children it stops) is no news. */
export const benchInterrupted = () => interrupted;

/**
 * On SIGINT or SIGTERM: stops the children, removes the work folders and exits with 130; a
 * second signal exits at once.
 */
export function cleanUpOnInterrupt(): void {
  const interrupt = (signal: NodeJS.Signals) => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.log(`\n${signal}: stopping the CMS and the publisher, removing the temp folders…`);
    void cleanUpBench().finally(() => process.exit(130));
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
}

/**
 * Polls `check` every `intervalMs` until it returns something other than undefined; an error it
 * throws ends the wait. Fails early when `child` exits meanwhile, with what it printed.
 */
export async function pollUntil<T>(
  what: string,
  check: () => Promise<T | undefined>,
  {
    timeoutMs,
    intervalMs = 50,
    child,
  }: { timeoutMs: number; intervalMs?: number; child?: QuietChild },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void child?.exited.then((code) => (exitCode = code));
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (exitCode !== undefined) {
      throw new Error(
        `${child!.name} exited (code ${exitCode}) while waiting for ${what}:\n${child!.tail()}`,
      );
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}` +
          (child ? `; ${child.name} printed:\n${child.tail()}` : ''),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
