/** Process groups, so a stop reaches all a child started; execa signals only the child (execa#96). */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** Whether process `pid` exists (EPERM: it does, but belongs to another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Started (a failed spawn has no pid) and not exited. */
export const isRunning = (child: ChildProcess): boolean =>
  child.pid !== undefined && child.exitCode === null && child.signalCode === null;

/** Signals every process of `child`'s group; a group already gone is no error. */
export function signalGroup(
  child: ChildProcess | number | undefined,
  signal: NodeJS.Signals,
): void {
  const pid = typeof child === 'number' ? child : child?.pid;
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

const leaders = new Set<ChildProcess>();
// If this process dies some other way, leave no Strapi listening and no build writing behind.
process.once('exit', () => {
  for (const child of leaders) signalGroup(child, 'SIGKILL');
});

/** Spawns `command` leading a new process group, killed with it should this process exit first. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
    detached: true,
  });
  leaders.add(child);
  child.once('exit', () => leaders.delete(child));
  child.once('error', () => leaders.delete(child));
  return child;
}

/** Every group leader still running (a script's Ctrl-C stops them all). */
export const runningGroups = (): ChildProcess[] => [...leaders];

/** SIGTERM, SIGKILL after `graceMs`, then SIGKILL to the group's rest (npm may exit before strapi). */
export async function stopGroup(child: ChildProcess, graceMs: number): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (!isRunning(child)) resolve();
    else child.once('exit', () => resolve());
  });
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  signalGroup(child, 'SIGKILL');
}
