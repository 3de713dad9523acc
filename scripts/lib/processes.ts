// `npm start`'s children: prefixed output, one process group each (scripts/README.md).
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import {
  runningGroups,
  signalGroup,
  spawnGroup,
  stopGroup,
} from '../../site/publisher/process-groups';
import { paint } from './log';
import { ROOT_DIR } from './paths';

export interface RunOptions {
  /** "cms" → "[cms] …" */
  label: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export class ChildExitError extends Error {
  constructor(
    readonly command: string,
    readonly code: number | null,
    readonly signal: NodeJS.Signals | null,
  ) {
    super(`${command} ${signal ? `was killed by ${signal}` : `exited with code ${code}`}`);
    this.name = 'ChildExitError';
  }
}

const running = new Set<ChildProcess>();

function pipeLines(stream: NodeJS.ReadableStream, prefix: string, out: NodeJS.WriteStream): void {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    out.write(`${prefix} ${line}\n`);
  });
}

export interface Child {
  process: ChildProcess;
  /** Rejects unless the exit code is 0. */
  exited: Promise<void>;
}

export function start(command: string, args: string[], options: RunOptions): Child {
  // Own group: Ctrl-C in the terminal reaches only us, and we stop the whole group.
  const child = spawnGroup(command, args, { cwd: options.cwd, env: options.env });
  running.add(child);
  const prefix = paint('dim', `[${options.label}]`);
  pipeLines(child.stdout!, prefix, process.stdout);
  pipeLines(child.stderr!, prefix, process.stderr);
  const commandLine = [command, ...args].join(' ');
  const exited = new Promise<void>((resolve, reject) => {
    child.once('error', (error) => {
      running.delete(child);
      reject(new Error(`could not run ${commandLine}: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve();
      else reject(new ChildExitError(commandLine, code, signal));
    });
  });
  // Callers may only look at `exited` later; never let an early exit become an unhandled rejection.
  exited.catch(() => {});
  return { process: child, exited };
}

export interface CommandLine {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * A workspace's npm script; one that is just `tsx <file> [args]` runs as `node --import tsx`,
 * without npm and tsx's CLI, so that a stop signal arrives once (scripts/README.md).
 */
export function workspaceScript(
  workspaceDir: string,
  script: string,
  env: NodeJS.ProcessEnv,
): CommandLine {
  const manifest = JSON.parse(readFileSync(path.join(workspaceDir, 'package.json'), 'utf8')) as {
    name: string;
    scripts?: Record<string, string>;
  };
  const line = manifest.scripts?.[script]?.trim() ?? '';
  const words = line.split(/\s+/);
  if (words[0] === 'tsx' && words.length >= 2 && !/[^\w@%+=:,./-]/.test(words.slice(1).join(''))) {
    const bins = [workspaceDir, ROOT_DIR].map((dir) => path.join(dir, 'node_modules', '.bin'));
    return {
      command: process.execPath,
      args: ['--import', 'tsx', ...words.slice(1)],
      cwd: workspaceDir,
      env: { ...env, PATH: [...bins, env.PATH ?? ''].join(path.delimiter) },
    };
  }
  return { command: 'npm', args: ['run', script, '-w', manifest.name], cwd: ROOT_DIR, env };
}

export function run(command: string, args: string[], options: RunOptions): Promise<void> {
  return start(command, args, options).exited;
}

/** SIGTERM to every group, then SIGKILL to what is left after `graceMs`. */
export async function stopAll(graceMs = 10_000): Promise<void> {
  await Promise.all([...running].map((child) => stopGroup(child, graceMs)));
}

/** Last resort (a second Ctrl-C): SIGKILL to every group, synchronously. */
export function killAllNow(): void {
  for (const child of runningGroups()) signalGroup(child, 'SIGKILL');
}
