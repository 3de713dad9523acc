import { BuildQueue, type BuildReasons, type RequestOutcome } from './build-queue';
import type { ContentSource } from './content-source';
import { isPublish, type GithubDispatcher } from './github-dispatch';
import { describeRelease, LocalBuilds } from './local-builds';
import type { Logger } from './log';
import type { ReleasePush } from './release-push';
import type { ReleaseStore, RollbackMarker } from './releases';

export { FULL_BUILD, type BuildRecord, type RunningBuild } from './local-builds';

export interface PublisherOptions {
  store: ReleaseStore;
  content: ContentSource | null;
  siteRoot: string;
  buildCommand: string | undefined;
  buildEnv: NodeJS.ProcessEnv;
  standby?: boolean;
  buildTimeoutMs: number;
  logger: Logger;
  /** Forwards each coalesced publish to CI (GitHub's repository_dispatch); none when undefined. */
  dispatcher?: GithubDispatcher;
  /** False in dispatch mode: requests are only forwarded, nothing is built here. */
  buildLocally?: boolean;
  /** This and the build fields above: see LocalBuildsOptions. */
  fullBuildIntervalMs?: number;
  /** Copies each live release to object storage or a CDN (RELEASE_PUSH_COMMAND); none when undefined. */
  releasePush?: ReleasePush;
}

/**
 * Runs build requests one at a time, a turn's requests coalescing into one follow-up: a local
 * build (with a CI dispatch beside it), or in dispatch mode the dispatch alone, awaited.
 */
export class Publisher {
  readonly store: ReleaseStore;
  readonly #options: PublisherOptions;
  readonly #queue: BuildQueue;
  readonly #builds: LocalBuilds | undefined;

  constructor(options: PublisherOptions) {
    this.#options = options;
    this.store = options.store;
    const builds =
      (options.buildLocally ?? true)
        ? new LocalBuilds({ ...options, standby: options.standby ?? false })
        : undefined;
    this.#builds = builds;
    const dispatcher = options.dispatcher;
    this.#queue = new BuildQueue(async (reasons: BuildReasons) => {
      const forwarded = dispatcher && isPublish(reasons) ? dispatcher.forward(reasons) : undefined;
      // Not awaited beside a local build: a slow or failing GitHub never holds up the release.
      if (!builds) return void (await forwarded);
      await builds.run(reasons);
      // After the switch and never awaited: this server stays the origin whatever the push does.
      options.releasePush?.pushLive();
      // Spares are bundled, and old releases removed, between builds, never beside one.
      if (!this.#queue.state().pending) builds.onIdle();
    });
  }

  describeBuilds(): string | undefined {
    return this.#builds?.describe();
  }

  /** Asks for a build; never waits for it. */
  request(reason: string): RequestOutcome {
    const outcome = this.#queue.request(reason);
    if (outcome === 'queued') this.#builds?.prepareNext();
    return outcome;
  }

  /** Resolves when no build runs or waits and no dispatch is on its way (tests, shutdown). */
  async idle(): Promise<void> {
    await this.#queue.idle();
    await this.#options.dispatcher?.idle();
  }

  /** Consecutive failed builds and when the last one ended, so the reconcile timer can back off. */
  failures(): { consecutive: number; lastAt: number | undefined } {
    return this.#builds?.failures() ?? { consecutive: 0, lastAt: undefined };
  }

  isBusy(): boolean {
    return this.#queue.state().running;
  }

  async fullBuildDue(): Promise<boolean> {
    return (await this.#builds?.fullBuildDue()) ?? false;
  }

  async rollback(to?: string): Promise<RollbackMarker> {
    const marker = await this.store.rollback(to);
    this.#options.logger.info(
      `rolled back from ${marker.from ?? 'nothing'} to ${marker.to}; the next publish ends the rollback`,
    );
    return marker;
  }

  async status() {
    const [live, releases, rolledBack] = await Promise.all([
      this.store.live(),
      this.store.list(),
      this.store.rollbackMarker(),
    ]);
    const queue = this.#queue.state();
    const builds = this.#builds?.status();
    return {
      mode: builds ? ('build' as const) : ('dispatch' as const),
      live: live ? describeRelease(live) : null,
      rolledBack: rolledBack ?? null,
      releases: releases.map((release) => release.id),
      queue: {
        building: builds?.building ?? null,
        pending: queue.pending,
        pendingReasons: queue.pendingReasons,
        standby: builds?.standby ?? ('none' as const),
        spares: builds?.spares ?? 0,
      },
      lastBuild: builds?.lastBuild ?? null,
      lastError: builds?.lastError ?? null,
      builds: builds?.builds ?? { succeeded: 0, failed: 0 },
      dispatch: this.#options.dispatcher?.state() ?? null,
    };
  }

  /** Stops accepting builds and stops the running one (SIGTERM, then SIGKILL after `graceMs`). */
  async close(graceMs = 5_000): Promise<void> {
    this.#queue.close();
    await (this.#builds?.close(graceMs, this.#queue.idle()) ?? this.#queue.idle());
  }
}

export type PublisherStatus = Awaited<ReturnType<Publisher['status']>>;
