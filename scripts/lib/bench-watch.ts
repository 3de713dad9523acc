// Follows the publisher's status; each live release's figures are read at once, as the
// publisher prunes old releases.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProcessTreeMemory } from './bench-memory';
import type { PublisherStatus } from './bench-stack';

/** `<release>/.release/build.json`; any field may be missing, older builds write none. */
export interface BuildStats {
  mode?: 'full' | 'incremental';
  fetchMs?: number;
  renderMs?: number;
  pages?: { rendered?: number; reused?: number; removed?: number };
  articles?: number;
  /** An incremental build fetches only what changed. */
  articlesFetched?: number;
  processes?: number;
  maxRssMb?: number;
}

export type RssSource = 'build.json' | 'sampled' | 'unavailable';

export interface ReleaseRecord {
  id: string;
  /** Build start → switch, the publisher's own figure. */
  durationMs: number;
  pages: number;
  articlePages: number;
  seenLiveAt: number;
  stats: BuildStats | null;
  peakRssMb: number | undefined;
  peakRssSource: RssSource;
}

export interface FailedBuild {
  id: string;
  error: string;
  durationMs: number;
}

async function readStats(releasesDir: string, id: string): Promise<BuildStats | null> {
  const file = path.join(releasesDir, id, '.release', 'build.json');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return null;
  try {
    const stats = JSON.parse(text) as unknown;
    return stats && typeof stats === 'object' ? (stats as BuildStats) : null;
  } catch {
    return null;
  }
}

export class PublisherWatch {
  readonly #source: { status(): Promise<PublisherStatus>; releasesDir: string };
  readonly #memory: ProcessTreeMemory | undefined;
  readonly #intervalMs: number;
  readonly #releases = new Map<string, ReleaseRecord>();
  readonly #failures: FailedBuild[] = [];
  readonly #pidByRelease = new Map<string, number>();
  #lastPid: number | undefined;
  #lastFailureKey = '';
  #timer: NodeJS.Timeout | undefined;
  #tick: Promise<void> = Promise.resolve();

  constructor(
    source: { status(): Promise<PublisherStatus>; releasesDir: string },
    memory: ProcessTreeMemory | undefined,
    intervalMs = 200,
  ) {
    this.#source = source;
    this.#memory = memory;
    this.#intervalMs = intervalMs;
  }

  start(): void {
    const loop = () => {
      void this.tick().finally(() => {
        if (this.#timer) this.#timer = setTimeout(loop, this.#intervalMs);
      });
    };
    this.#timer = setTimeout(loop, 0);
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Ticks run one after the other, whether the timer or a caller starts them. */
  tick(): Promise<void> {
    this.#tick = this.#tick.then(() => this.#observe().catch(() => undefined));
    return this.#tick;
  }

  async release(id: string): Promise<ReleaseRecord | undefined> {
    if (!this.#releases.has(id)) await this.tick();
    return this.#releases.get(id);
  }

  releasesSince(since: number): ReleaseRecord[] {
    return [...this.#releases.values()].filter((release) => release.seenLiveAt >= since);
  }

  failures(): FailedBuild[] {
    return [...this.#failures];
  }

  async #observe(): Promise<void> {
    await this.#memory?.sample().catch(() => undefined);
    const status = await this.#source.status();
    const building = status.queue.building;
    if (building?.pid) {
      this.#lastPid = building.pid;
      if (building.id) this.#pidByRelease.set(building.id, building.pid);
    }
    const { live, lastBuild } = status;
    if (live && !this.#releases.has(live.id)) await this.#record(live);
    if (lastBuild && !lastBuild.ok) {
      const key = `${lastBuild.id} ${lastBuild.startedAt}`;
      if (key !== this.#lastFailureKey) {
        this.#lastFailureKey = key;
        this.#failures.push({
          id: lastBuild.id,
          error: lastBuild.error ?? 'unknown',
          durationMs: lastBuild.durationMs,
        });
      }
    }
  }

  async #record(live: NonNullable<PublisherStatus['live']>): Promise<void> {
    const stats = await readStats(this.#source.releasesDir, live.id);
    // A build seen before its release had a name is the last seen, unless its pid is claimed.
    const claimed = new Set(this.#pidByRelease.values());
    const pid =
      this.#pidByRelease.get(live.id) ??
      (this.#lastPid !== undefined && !claimed.has(this.#lastPid) ? this.#lastPid : undefined);
    const sampled = pid === undefined ? undefined : this.#memory?.peakMbOfGroup(pid);
    const fromStats = typeof stats?.maxRssMb === 'number' ? stats.maxRssMb : undefined;
    this.#releases.set(live.id, {
      id: live.id,
      durationMs: live.durationMs,
      pages: live.pages,
      articlePages: live.articlePages,
      seenLiveAt: Date.now(),
      stats,
      peakRssMb: fromStats ?? sampled,
      peakRssSource:
        fromStats !== undefined ? 'build.json' : sampled !== undefined ? 'sampled' : 'unavailable',
    });
  }
}
