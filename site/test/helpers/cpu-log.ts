import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

// With TOASOAN_TEST_CPU_LOG=<file>, each process the tests start (a Strapi, a seed, an astro
// build, a publisher, with what they start) appends one JSON line: its test file, kind, wall and
// CPU seconds; test/setup/cpu-per-file.ts adds each file's total. Off by default (site/README.md).
const logFile = process.env.TOASOAN_TEST_CPU_LOG;
const TICKS = 100; // USER_HZ on Linux

/** utime + stime (seconds) of `root` and every live process descending from it. */
function treeCpu(root: number): Map<number, number> {
  const parents = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / TICKS);
    } catch {
      // Gone meanwhile.
    }
  }
  const seen = new Map<number, number>();
  for (const [pid, value] of cpu) {
    for (let at: number | undefined = pid; at && at > 1; at = parents.get(at)) {
      if (at === root) {
        seen.set(pid, value);
        break;
      }
    }
  }
  return seen;
}

/** utime + stime + cutime + cstime of this process (what it and its reaped children spent). */
export function ownCpu(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields.slice(11, 15).reduce((sum, value) => sum + Number(value), 0) / TICKS;
}

/** What a command is, for the log: the first pattern that matches its command line. */
const KINDS: [string, RegExp][] = [
  ['strapi', /createStrapi/],
  ['seed', /seed/],
  ['astro build', /astro\.js['"]? build/],
  ['astro preview', /astro\.js preview/],
  ['publisher', /publisher\/main\.ts/],
];

/**
 * Samples the CPU of process `root` and its descendants each second until `exited`, then logs it
 * (what a process spent after the last sample is lost: under a second each).
 */
export function logProcessCpu(
  root: number | undefined,
  command: string[],
  exited: Promise<unknown>,
) {
  if (!logFile || root === undefined) return;
  const testPath = expect.getState().testPath ?? 'global';
  const started = Date.now();
  const last = new Map<number, number>();
  const sample = () => {
    for (const [pid, cpu] of treeCpu(root)) last.set(pid, cpu);
  };
  sample();
  const timer = setInterval(sample, 1_000);
  timer.unref();
  void exited.finally(() => {
    clearInterval(timer);
    const cpu = [...last.values()].reduce((sum, value) => sum + value, 0);
    const kind = KINDS.find(([, pattern]) => pattern.test(command.join(' ')))?.[0] ?? 'other';
    appendCpuLog({
      file: path.basename(testPath),
      kind,
      wall: (Date.now() - started) / 1000,
      cpu,
    });
  });
}

/** One line of the log. */
export function appendCpuLog(line: object) {
  if (logFile) appendFileSync(logFile, JSON.stringify(line) + '\n');
}
