import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

/**
 * How far a spare build process steps back while it bundles ahead: a running build, the site's
 * server and the CMS come first, and the spare takes the core they leave idle.
 */
export const SPARE_NICENESS = 10;

const CAP_SYS_NICE = 23n;

/**
 * Whether this process may raise a priority it lowered (Linux: CAP_SYS_NICE among its effective
 * capabilities; root has it, an unprivileged user and a default Docker container do not).
 */
export function mayRaisePriority(): boolean {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const effective = /^CapEff:\s*([0-9a-f]+)$/m.exec(status)?.[1];
    return effective !== undefined && ((BigInt(`0x${effective}`) >> CAP_SYS_NICE) & 1n) === 1n;
  } catch {
    return false;
  }
}

/** A process's threads: Linux sets the niceness of each thread, not of the whole process. */
function threadsOf(pid: number): number[] {
  try {
    // Ascending: the main thread (its id is the pid) comes first.
    return readdirSync(`/proc/${pid}/task`)
      .map(Number)
      .sort((a, b) => a - b);
  } catch {
    return [pid];
  }
}

/**
 * Sets the niceness of every thread of `pid`, the main thread first, so threads it starts later
 * inherit it. False when the system refused one of them: raising a priority again needs
 * CAP_SYS_NICE, which an unprivileged user or a default Docker container lacks.
 */
export function setNiceness(pid: number, niceness: number): boolean {
  let all = true;
  for (const thread of threadsOf(pid)) {
    try {
      os.setPriority(thread, niceness);
    } catch (error) {
      // ESRCH: the thread ended meanwhile. Anything else: not allowed.
      if ((error as { info?: { code?: string } }).info?.code !== 'ESRCH') all = false;
    }
  }
  return all;
}
