import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

// Every child is started in its own process group (detached), so stopping it also stops what
// it started: `npm run start` runs a shell that runs strapi that runs node.
const running = new Set<ChildProcess>();

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

// If the test run itself dies, do not leave a Strapi listening behind.
process.once('exit', () => {
  for (const child of running) signalGroup(child, 'SIGKILL');
});

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
  const child = spawn(command, args, {
    ...options,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      running.delete(child);
      resolve(code);
    });
  });
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
  signalGroup(started.child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(started.child, 'SIGKILL'), graceMs);
  await started.exited.catch(() => undefined);
  clearTimeout(timer);
  // The group leader may exit before its children (npm before strapi): finish them off.
  signalGroup(started.child, 'SIGKILL');
}
