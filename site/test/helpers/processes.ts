import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { spawnGroup, stopGroup } from '../../publisher/process-groups';
import { logProcessCpu } from './cpu-log';

// Every child leads its own process group, so stopping it also stops what it started:
// `npm run start` runs a shell that runs strapi that runs node.

/** A child process whose output is kept for assertions and error messages. */
export interface StartedProcess {
  child: ChildProcess;
  output: () => { stdout: string; stderr: string };
  exited: Promise<number | null>;
}

/** Starts a command in its own process group and records its output. */
export function startProcess(
  command: string,
  args: string[],
  options: SpawnOptions,
): StartedProcess {
  const child = spawnGroup(command, args, options);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  logProcessCpu(child.pid, [command, ...args], exited);
  return { child, output: () => ({ stdout, stderr }), exited };
}

/** Runs a command to its end and returns its exit code and output. */
export async function runProcess(
  command: string,
  args: string[],
  options: SpawnOptions,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const started = startProcess(command, args, options);
  const code = await started.exited;
  return { code, ...started.output() };
}

/** Stops a process group: SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
export async function stopProcess(started: StartedProcess, graceMs = 5_000): Promise<void> {
  await stopGroup(started.child, graceMs);
  await started.exited.catch(() => undefined);
}
