/** What the benchmarks print: figures, tables, and the machine they ran on. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { format } from 'prettier';
import { ROOT_DIR } from './paths';

/** `undefined` → `–`: a figure this build does not report. */
export const seconds = (ms: number | undefined) =>
  ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`;

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  platform: string;
  osRelease: string;
  node: string;
  /** 1, 5 and 15 minutes, at the start. */
  loadAverage: number[];
  /** With `+changes` when the working tree differs from the commit. */
  commit: string;
}

function gitCommit(): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: ROOT_DIR, encoding: 'utf8' }).trim();
  try {
    const commit = git('rev-parse', '--short', 'HEAD');
    const changes = git(
      'status',
      '--porcelain',
      '--untracked-files=no',
      '--',
      '.',
      ':!bench/results',
    );
    return changes ? `${commit}+changes` : commit;
  } catch {
    return 'unknown';
  }
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU',
    cores: cpus.length,
    memoryGb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    platform: `${os.platform()} ${os.arch()}`,
    osRelease: os.release(),
    node: process.version,
    loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
    commit: gitCommit(),
  };
}

export function formatMachine(machine: Machine): string {
  return (
    `${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB RAM, Node ${machine.node}, ` +
    `${machine.platform} ${machine.osRelease}, load ${machine.loadAverage[0]} at start, ` +
    `commit ${machine.commit}`
  );
}

/** The first column left-aligned, the others right-aligned; shorter rows end in blanks. */
export function printTable(rows: string[][], indent = ''): void {
  const widths = rows[0]!.map((_, column) =>
    Math.max(...rows.map((row) => (row[column] ?? '').length)),
  );
  for (const row of rows) {
    const cells = widths.map((width, column) =>
      column === 0 ? (row[column] ?? '').padEnd(width) : (row[column] ?? '').padStart(width),
    );
    console.log(`${indent}${cells.join('  ')}`.trimEnd());
  }
}

export const RESULTS_DIR = path.join(ROOT_DIR, 'bench', 'results');

/** bench/results/<name>-<YYYYMMDD-HHmm>.json, in local time. */
export async function saveBenchResult(
  name: string,
  body: unknown,
  at = new Date(),
): Promise<string> {
  const pad = (n: number) => String(n).padStart(2, '0');
  const when =
    `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-` +
    `${pad(at.getHours())}${pad(at.getMinutes())}`;
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}-${when}.json`);
  await writeFile(file, await format(JSON.stringify(body), { parser: 'json' }));
  return file;
}

export function assertBenchPrerequisites(): void {
  for (const [file, command] of [
    ['shared/dist/index.js', 'npm run build -w shared'],
    ['cms/dist/src/index.js', 'npm run compile -w cms'],
  ] as const) {
    if (!existsSync(path.join(ROOT_DIR, file))) {
      throw new Error(`the benchmark runs the built packages: run "${command}" first.`);
    }
  }
}
