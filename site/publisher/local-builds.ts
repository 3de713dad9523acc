import { readBuildStats, type BuildStats } from '../src/lib/incremental/release-files';
import { AstroLauncher } from './astro-build';
import { installedAstro, isTestedAstro, plainAstroBuild, TESTED_ASTRO } from './astro-version';
import { BuildProcess, describeExit, spawnShellBuild } from './build-process';
import { describeReasons, type BuildReasons } from './build-queue';
import type { ContentSnapshot, ContentSource } from './content-source';
import { formatDuration, type Logger } from './log';
import type { ReleaseInfo, ReleaseStore } from './releases';
import { InvalidReleaseError, validateRelease, type PageCount } from './validate-release';

export interface LocalBuildsOptions {
  store: ReleaseStore;
  /** The CMS: checked before each build and counted against its pages. Null skips both. */
  content: ContentSource | null;
  siteRoot: string;
  /** A shell command instead of `astro build` (see config.ts). */
  buildCommand: string | undefined;
  /** The builds' environment: see `buildEnvironment` in config.ts. */
  buildEnv: NodeJS.ProcessEnv;
  /** Start `astro build`'s processes and bundle ahead while idle (the server; not one-shot builds). */
  standby: boolean;
  buildTimeoutMs: number;
  logger: Logger;
  /** Render every page when the last full build is older than this (or FULL_BUILD is a reason). */
  fullBuildIntervalMs?: number;
}

/** A build request that renders every page (`npm run build:release -w site -- --full`, nightly). */
export const FULL_BUILD = 'full build';

/** The outcome of one build, for the status endpoint. */
export interface BuildRecord {
  id: string;
  ok: boolean;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  reasons: BuildReasons;
  error?: string;
}

export interface RunningBuild {
  /** Undefined for the few milliseconds before its folder exists. */
  id: string | undefined;
  startedAt: string;
  reasons: BuildReasons;
  pid: number | undefined;
}

/** A build that did not produce a valid release; `detail` holds the tail of its output. */
class BuildFailure extends Error {
  readonly detail: string;
  constructor(message: string, detail = '') {
    super(message);
    this.name = 'BuildFailure';
    this.detail = detail;
  }
}

const indent = (text: string) => text.replace(/^/gm, '    ');

/** Builds on this machine (PUBLISHER_MODE=build); a failed build leaves the live release alone. */
export class LocalBuilds {
  readonly #options: LocalBuildsOptions;
  /** Runs `astro build` in processes started ahead; undefined with a build command line. */
  readonly #astro: AstroLauncher | undefined;
  readonly #command: string | undefined;
  #running: (RunningBuild & { process?: BuildProcess }) | undefined;
  #lastBuild: BuildRecord | undefined;
  #lastError: { at: string; releaseId: string | undefined; message: string } | undefined;
  #succeeded = 0;
  #failed = 0;
  #consecutiveFailures = 0;
  #closing = false;
  /** Removing old releases, started when the queue went idle. */
  #pruning: Promise<void> | undefined;

  constructor(options: LocalBuildsOptions) {
    this.#options = options;
    this.#command = options.buildCommand;
    if (!this.#command) {
      const astro = installedAstro(options.siteRoot);
      if (!isTestedAstro(astro.version)) {
        // A new Astro may move the internals the pre-started builds rely on: slower, not broken.
        options.logger.error(
          `warning: Astro ${astro.version} is not the tested ${TESTED_ASTRO}.x: builds run the ` +
            'plain astro build, without processes started ahead (publisher/astro-version.ts)',
        );
        this.#command = plainAstroBuild(astro.cli);
      }
    }
    if (!this.#command) {
      this.#astro = new AstroLauncher({
        siteRoot: options.siteRoot,
        releasesDir: options.store.dir,
        env: options.buildEnv,
        standby: options.standby,
        logger: options.logger,
      });
      if (options.standby) {
        this.#astro.prepare();
        const astro = this.#astro;
        void options.store.live().then(
          (live) => live && astro.preload(options.store.releaseDir(live.id), { ifNone: true }),
          () => undefined,
        );
      }
    }
  }

  describe(): string {
    return this.#command ?? 'astro build --outDir <release> (in a process started ahead of time)';
  }

  /** A build is due while another runs (a storm): its process bundles meanwhile. */
  prepareNext(): void {
    if (this.#options.standby) this.#astro?.prepare();
  }

  /** Idle: bundle spares and prune now, never beside a build (pruning 20,000 pages takes seconds). */
  onIdle(): void {
    if (this.#options.standby) this.#astro?.refill();
    this.#pruning ??= this.#prune().finally(() => (this.#pruning = undefined));
  }

  async #prune(): Promise<void> {
    try {
      const pruned = await this.#options.store.prune();
      if (pruned.length === 0) return;
      this.#options.logger.info(
        `removed old release${pruned.length > 1 ? 's' : ''} ${pruned.join(', ')}`,
      );
    } catch (error) {
      this.#options.logger.error(
        `could not remove old releases: ${error instanceof Error ? error.message : error}`,
      );
    }
  }

  /** Consecutive failed builds and when the last one ended, so the reconcile timer can back off. */
  failures(): { consecutive: number; lastAt: number | undefined } {
    return {
      consecutive: this.#consecutiveFailures,
      lastAt:
        this.#lastBuild && !this.#lastBuild.ok ? Date.parse(this.#lastBuild.finishedAt) : undefined,
    };
  }

  status() {
    const running = this.#running;
    return {
      building: running
        ? {
            id: running.id ?? null,
            startedAt: running.startedAt,
            reasons: running.reasons,
            pid: running.pid ?? null,
          }
        : null,
      // The next build's process: `ready` once it has bundled the site and waits for a publish.
      standby: this.#astro?.standbyState() ?? ('none' as const),
      spares: this.#astro?.readySpares() ?? 0,
      lastBuild: this.#lastBuild ?? null,
      lastError: this.#lastError ?? null,
      builds: { succeeded: this.#succeeded, failed: this.#failed },
    };
  }

  /** Stops the running build (SIGTERM, then SIGKILL after `graceMs`) and the waiting processes. */
  async close(graceMs: number, idle: Promise<void>): Promise<void> {
    this.#closing = true;
    const standbyGone = this.#astro?.close();
    this.#running?.process?.kill('SIGTERM');
    const timer = setTimeout(() => this.#running?.process?.kill('SIGKILL'), graceMs);
    await idle;
    clearTimeout(timer);
    await standbyGone;
    await this.#pruning;
  }

  async fullBuildDue(): Promise<boolean> {
    const live = await this.#options.store.live();
    const interval = this.#options.fullBuildIntervalMs ?? 24 * 60 * 60 * 1000;
    return !live?.lastFullAt || Date.now() - Date.parse(live.lastFullAt) >= interval;
  }

  /** One build into a fresh release folder, validated, then switched to; a failure leaves the live release. */
  async run(reasons: BuildReasons): Promise<void> {
    const started = Date.now();
    const startedAt = new Date(started).toISOString();
    const running: RunningBuild & { process?: BuildProcess } = {
      id: undefined,
      startedAt,
      reasons,
      pid: undefined,
    };
    this.#running = running;
    let id: string | undefined;
    try {
      const release = await this.#options.store.create(new Date(started));
      id = running.id = release.id;
      this.#options.logger.info(`build ${id} started (${describeReasons(reasons)})`);
      const content = await this.#snapshot('before the build');
      if (this.#closing) throw new BuildFailure('the publisher is stopping');

      // Incremental from the live release, unless a full build is asked for or due.
      const live = await this.#options.store.live();
      const full = Object.keys(reasons).some((reason) => reason.startsWith(FULL_BUILD));
      const base = live && !full && !(await this.fullBuildDue()) ? live : undefined;
      const baseDir = base && this.#options.store.releaseDir(base.id);
      const { buildEnv, buildTimeoutMs, siteRoot } = this.#options;
      const build = this.#astro
        ? await this.#astro.start(release.dir, buildTimeoutMs, baseDir)
        : new BuildProcess(
            spawnShellBuild({
              command: this.#command!,
              siteRoot,
              outDir: release.dir,
              base: baseDir,
              env: buildEnv,
            }),
            { timeoutMs: buildTimeoutMs },
          );
      running.process = build;
      running.pid = build.pid;
      const exit = await build.exited;
      if (exit.code !== 0 || exit.signal || exit.timedOut) {
        throw new BuildFailure(
          `the build ${describeExit(exit, this.#options.buildTimeoutMs)}`,
          exit.outputTail,
        );
      }

      const stats = await readBuildStats(release.dir);
      const count = await this.#validate(release.dir, content, stats);
      const finished = Date.now();
      const incremental = stats?.mode === 'incremental' && base;
      const info: ReleaseInfo = {
        id,
        startedAt,
        finishedAt: new Date(finished).toISOString(),
        durationMs: finished - started,
        ...count,
        reasons,
        content,
        lastFullAt: incremental ? base.lastFullAt : startedAt,
        build: stats ?? null,
      };
      // Worked out before the switch: nothing after it may fail and discard a live release.
      const how =
        (incremental
          ? ` (${stats.pages.rendered} rendered, ${stats.pages.reused} kept from ${base.id}, ` +
            `${stats.pages.removed} removed`
          : ' (full build') +
        (stats
          ? `; fetch ${formatDuration(stats.fetchMs)}, render ${formatDuration(stats.renderMs)})`
          : ')');
      await this.#options.store.complete(info);
      await this.#options.store.publish(id);
      this.#astro?.preload(release.dir);
      this.#record({
        id,
        ok: true,
        startedAt,
        finishedAt: info.finishedAt,
        durationMs: info.durationMs,
        reasons,
      });
      this.#succeeded++;
      this.#consecutiveFailures = 0;
      this.#options.logger.info(
        `build ${id} is live after ${formatDuration(info.durationMs)}: ${count.pages} pages, ` +
          `${count.articlePages} articles${how}`,
      );
    } catch (error) {
      const finished = Date.now();
      const message = error instanceof Error ? error.message : String(error);
      if (id) await this.#options.store.discard(id).catch(() => undefined);
      this.#record({
        id: id ?? '-',
        ok: false,
        startedAt,
        finishedAt: new Date(finished).toISOString(),
        durationMs: finished - started,
        reasons,
        error: message,
      });
      this.#lastError = { at: new Date(finished).toISOString(), releaseId: id, message };
      this.#failed++;
      this.#consecutiveFailures++;
      const live = await this.#options.store.liveId().catch(() => undefined);
      const detail =
        error instanceof BuildFailure && error.detail ? `\n${indent(error.detail)}` : '';
      this.#options.logger.error(
        `build ${id ?? ''} failed after ${formatDuration(finished - started)}: ${message}; ` +
          `${live ? `release ${live} stays live` : 'no release is live yet'}${detail}`,
      );
    } finally {
      this.#running = undefined;
    }
  }

  async #snapshot(when: string): Promise<ContentSnapshot | null> {
    if (!this.#options.content) return null;
    try {
      return await this.#options.content.snapshot();
    } catch (error) {
      throw new BuildFailure(
        `could not read the CMS ${when}: ${error instanceof Error ? error.message : error}`,
      );
    }
  }

  /**
   * Validates against the data the build rendered, so publishes meanwhile cannot fail it; a custom
   * command without build.json is checked against the CMS's article count then, or else now.
   */
  async #validate(
    dir: string,
    content: ContentSnapshot | null,
    stats: BuildStats | undefined,
  ): Promise<PageCount> {
    if (stats) return validateRelease(dir, [stats.articles], 'the data it was built from has');
    try {
      return await validateRelease(dir, content ? [content.articles] : null);
    } catch (error) {
      if (!(error instanceof InvalidReleaseError) || !content) throw error;
      const after = await this.#snapshot('after the build');
      if (!after || after.articles === content.articles) throw error;
      return validateRelease(dir, [content.articles, after.articles]);
    }
  }

  #record(build: BuildRecord): void {
    this.#lastBuild = build;
  }
}

export function describeRelease(release: ReleaseInfo) {
  return {
    id: release.id,
    builtAt: release.finishedAt,
    startedAt: release.startedAt,
    durationMs: release.durationMs,
    pages: release.pages,
    articlePages: release.articlePages,
  };
}
