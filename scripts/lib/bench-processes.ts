// The benchmarks' children: output kept and shown only on failure, one process group each.
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
  /** null when killed by a signal. */
  exited: Promise<number | null>;
  /** Stdout and stderr interleaved. */
  tail(): string;
}

const running = new Set<QuietChild>();

export interface QuietOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Each stdout line, e.g. to follow a seed's progress. */
  onLine?: (line: string) => void;
}

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

/** SIGTERM to the group, SIGKILL after `graceMs` and to stragglers once the leader is gone. */
export async function stopQuiet(child: QuietChild, graceMs = 10_000): Promise<void> {
  await stopGroup(child.process, graceMs);
  await child.exited;
}

export async function stopAllQuiet(): Promise<void> {
  await Promise.all([...running].map((child) => stopQuiet(child)));
}

const workDirs = new Set<string>();

export async function makeBenchWorkDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  workDirs.add(dir);
  return dir;
}

export async function removeBenchWorkDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  workDirs.delete(dir);
}

export async function cleanUpBench(): Promise<void> {
  await stopAllQuiet();
  for (const dir of [...workDirs]) await removeBenchWorkDir(dir);
}

let interrupted = false;

/** What fails after Ctrl-C (the children it stops) is no news. */
export const benchInterrupted = () => interrupted;

/** Stops the children, removes the work folders, exits with 130; a second signal exits at once. */
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

/** Until `check` returns something other than undefined; fails early when `child` exits. */
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
