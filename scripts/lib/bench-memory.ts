// Peak RSS of a build that does not report its own, from /proc (Linux only; bench/README.md).
import { readdir, readFile } from 'node:fs/promises';

interface ProcessEntry {
  ppid: number;
  pgid: number;
}

/** The command name may hold spaces and parentheses: parse after the last `)`. */
async function readStat(pid: number): Promise<ProcessEntry | undefined> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (!text) return undefined;
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(fields[1]), pgid: Number(fields[2]) };
}

async function readPeakKb(pid: number): Promise<number | undefined> {
  const text = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  const match = text?.match(/^VmHWM:\s+(\d+)\s+kB/m);
  return match ? Number(match[1]) : undefined;
}

export class ProcessTreeMemory {
  readonly #rootPid: number;
  readonly #seen = new Map<number, { pgid: number; peakKb: number }>();
  readonly available = process.platform === 'linux';

  constructor(rootPid: number) {
    this.#rootPid = rootPid;
  }

  async sample(): Promise<void> {
    if (!this.available) return;
    const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
    const entries = new Map<number, ProcessEntry>();
    await Promise.all(
      pids.map(async (pid) => {
        const entry = await readStat(pid);
        if (entry) entries.set(pid, entry);
      }),
    );
    const children = new Map<number, number[]>();
    for (const [pid, { ppid }] of entries) {
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    }
    const below: number[] = [];
    const queue = [...(children.get(this.#rootPid) ?? [])];
    while (queue.length > 0) {
      const pid = queue.pop()!;
      below.push(pid);
      queue.push(...(children.get(pid) ?? []));
    }
    await Promise.all(
      below.map(async (pid) => {
        const peakKb = await readPeakKb(pid);
        if (peakKb === undefined) return;
        const known = this.#seen.get(pid);
        this.#seen.set(pid, {
          pgid: entries.get(pid)!.pgid,
          peakKb: Math.max(peakKb, known?.peakKb ?? 0),
        });
      }),
    );
  }

  /** A build runs in a process group of its own. */
  peakMbOfGroup(pgid: number): number | undefined {
    let peakKb: number | undefined;
    for (const entry of this.#seen.values()) {
      if (entry.pgid === pgid) peakKb = Math.max(peakKb ?? 0, entry.peakKb);
    }
    return peakKb === undefined ? undefined : Math.round(peakKb / 1024);
  }
}
