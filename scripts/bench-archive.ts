/**
 * `npm run bench`: the archive benchmark of issue #8. For each archive size it imports N synthetic
 * articles into a throwaway CMS, starts the real publisher, and measures the cold build, publish →
 * live, a storm of publishes and the edit of an old article; prints a table per size and writes
 * bench/results/archive-<N>-<YYYYMMDD-HHmm>.json. What each figure means: bench/README.md.
 *
 *   npm run bench -- [--sizes 1000,20000] [--publishes 3] [--storm 20] [--no-save]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { format } from 'prettier';
import { ProcessTreeMemory } from './lib/bench-memory';
import {
  benchInterrupted,
  cleanUpBench,
  cleanUpOnInterrupt,
  makeBenchWorkDir,
  pollUntil,
  removeBenchWorkDir,
} from './lib/bench-processes';
import {
  assertBenchPrerequisites,
  describeMachine,
  formatMachine,
  median,
  printTable,
  seconds,
  type Machine,
} from './lib/bench-report';
import { BenchNewsroom, type AdminEditor, type PublisherStatus } from './lib/bench-stack';
import { PublisherWatch, type ReleaseRecord } from './lib/bench-watch';
import {
  describeIndexBuild,
  describeSearch,
  measureSearch,
  readSearchStats,
  type SearchFigures,
} from './lib/bench-search';
import type { SearchBuildStats } from '../site/src/lib/search/write-index';
import { ROOT_DIR, shortPath } from './lib/paths';

const USAGE = `Usage: npm run bench -- [--sizes 1000,20000] [--publishes 3] [--storm 20]
                      [--live-timeout S] [--no-save]

  --sizes N,M         archive sizes, in synthetic published articles (default 1000,20000;
                      100000 works but takes long)
  --publishes N       single publishes to time per size (default 3)
  --storm N           publishes in the storm, one every 250 ms (default 20)
  --live-timeout S    seconds a page may take to go live before the benchmark fails
                      (default 120 + 0.04 per article: 160 s at 1,000, 920 s at 20,000)
  --no-save           print only; write nothing under bench/results/
  -h, --help          show this help`;

const RESULTS_DIR = path.join(ROOT_DIR, 'bench', 'results');
const STORM_INTERVAL_MS = 250;

class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n\n${USAGE}`);
    this.name = 'UsageError';
  }
}

interface Options {
  sizes: number[];
  publishes: number;
  storm: number;
  /** Undefined: scaled to the archive (`liveTimeoutFor`). */
  liveTimeoutS: number | undefined;
  save: boolean;
}

const wholeNumber = (value: string, flag: string, min: number): number => {
  const number = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(number) || number < min) {
    throw new UsageError(`${flag} needs a whole number of at least ${min}, not "${value}".`);
  }
  return number;
};

function parseOptions(argv: string[]): Options | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        sizes: { type: 'string', default: '1000,20000' },
        publishes: { type: 'string', default: '3' },
        storm: { type: 'string', default: '20' },
        'live-timeout': { type: 'string' },
        'no-save': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return null;
  return {
    sizes: values.sizes.split(',').map((size) => wholeNumber(size.trim(), '--sizes', 1)),
    publishes: wholeNumber(values.publishes, '--publishes', 1),
    storm: wholeNumber(values.storm, '--storm', 1),
    liveTimeoutS:
      values['live-timeout'] === undefined
        ? undefined
        : wholeNumber(values['live-timeout'], '--live-timeout', 1),
    save: !values['no-save'],
  };
}

// Generous: the point is that a page which never goes live fails the run (in CI too), not timing.
const liveTimeoutFor = (articles: number, options: Options) =>
  (options.liveTimeoutS ?? 120 + Math.ceil(articles * 0.04)) * 1000;

// ---- progress ----------------------------------------------------------------------------------

const benchStarted = Date.now();
const log = (line: string) =>
  console.log(`[${((Date.now() - benchStarted) / 1000).toFixed(1).padStart(6)} s] ${line}`);

// ---- the figures -------------------------------------------------------------------------------

/** One build, as the release it made shows it. */
interface BuildFigures {
  releaseId: string;
  /** The publisher's own figure: build start → switch. */
  buildMs: number;
  mode: string | null;
  fetchMs: number | null;
  articlesFetched: number | null;
  renderMs: number | null;
  pagesRendered: number | null;
  pagesReused: number | null;
  pagesRemoved: number | null;
  pagesLive: number;
  /** Processes that rendered it: 2 when a full build had a partner (render-share.ts). */
  processes: number | null;
  peakRssMb: number | null;
  peakRssSource: ReleaseRecord['peakRssSource'];
}

interface SeedFigures {
  wallMs: number;
  articlesPerSecond: number;
  /** From the seed's progress lines: first to last batch; null when it prints none. */
  importMs: number | null;
  importPerSecond: number | null;
  /** The rate over each 1,000 articles (the last window may be shorter). */
  per1000: { upTo: number; perSecond: number }[];
}

interface PublishFigures {
  urlPath: string;
  /** Publish pressed → the page answers 200. */
  liveMs: number;
  /** Publish pressed → Strapi answered. */
  publishAnsweredMs: number;
  build: BuildFigures | null;
  builds: { succeeded: number; failed: number };
}

interface StormFigures {
  publishes: number;
  intervalMs: number;
  /** First publish pressed → last publish answered. */
  spreadMs: number;
  /** Last publish answered → every page answers 200. */
  allLiveAfterLastMs: number;
  /** Each page: its publish answered → it answers 200. */
  perPageMedianMs: number;
  perPageWorstMs: number;
  builds: { succeeded: number; failed: number };
  failedBuilds: { id: string; error: string }[];
  releases: BuildFigures[];
}

interface EditFigures {
  urlPath: string;
  /** Publish of the new title pressed → the page serves it. */
  liveMs: number;
  build: BuildFigures | null;
}

interface SizeFigures {
  articles: number;
  seed: SeedFigures;
  cmsStartMs: number;
  cold: {
    wallMs: number;
    pagesPerSecond: number;
    renderPagesPerSecond: number | null;
  } & BuildFigures;
  publishes: { samples: PublishFigures[]; medianMs: number; worstMs: number };
  storm: StormFigures;
  edit: EditFigures;
  /** The search index of the cold build's release, of each publish's and of the edit's. */
  search: {
    cold: SearchFigures | null;
    publishes: (SearchBuildStats | null)[];
    edit: SearchFigures | null;
  };
}

function buildFigures(record: ReleaseRecord): BuildFigures {
  const { stats } = record;
  const number = (value: unknown) => (typeof value === 'number' ? value : null);
  return {
    releaseId: record.id,
    buildMs: record.durationMs,
    mode: typeof stats?.mode === 'string' ? stats.mode : null,
    fetchMs: number(stats?.fetchMs),
    articlesFetched: number(stats?.articlesFetched),
    renderMs: number(stats?.renderMs),
    pagesRendered: number(stats?.pages?.rendered),
    pagesReused: number(stats?.pages?.reused),
    pagesRemoved: number(stats?.pages?.removed),
    pagesLive: record.pages,
    processes: number(stats?.processes),
    peakRssMb: record.peakRssMb ?? null,
    peakRssSource: record.peakRssSource,
  };
}

// ---- the seed's progress -----------------------------------------------------------------------

const COUNT = String.raw`(\d{1,3}(?:[,.\s]\d{3})+|\d+)`;
const PROGRESS = new RegExp(`${COUNT}\\s*/\\s*${COUNT}`);
const toNumber = (text: string) => Number(text.replace(/[,.\s]/g, ''));

/**
 * Follows `done/total` lines of the seed (whatever their wording) for `total` articles. The
 * import starts, for the rates, at the line printed just before its first progress line.
 */
class SeedProgress {
  readonly #total: number;
  readonly #marks: { done: number; at: number }[] = [];
  readonly #logEvery: number;
  #lastOtherLineAt = Date.now();
  #nextLog: number;

  constructor(total: number) {
    this.#total = total;
    this.#logEvery = Math.max(1000, Math.ceil(total / 20 / 1000) * 1000);
    this.#nextLog = this.#logEvery;
  }

  onLine = (line: string): void => {
    const now = Date.now();
    const match = PROGRESS.exec(line);
    if (!match || toNumber(match[2]!) !== this.#total) {
      this.#lastOtherLineAt = now;
      return;
    }
    const done = toNumber(match[1]!);
    if (this.#marks.length === 0) this.#marks.push({ done: 0, at: this.#lastOtherLineAt });
    this.#marks.push({ done, at: now });
    if (done >= this.#nextLog || done === this.#total) {
      const start = this.#marks[0]!;
      const rate = done / Math.max((now - start.at) / 1000, 0.001);
      log(`  import: ${done}/${this.#total} articles (${Math.round(rate)}/s so far)`);
      while (this.#nextLog <= done) this.#nextLog += this.#logEvery;
    }
  };

  figures(wallMs: number): SeedFigures {
    const marks = this.#marks;
    const per1000: SeedFigures['per1000'] = [];
    let from = marks[0];
    for (const mark of marks.slice(1)) {
      const crossed = Math.floor(mark.done / 1000) > Math.floor(from!.done / 1000);
      if (crossed || mark === marks.at(-1)) {
        per1000.push({
          upTo: mark.done,
          perSecond: round((mark.done - from!.done) / Math.max((mark.at - from!.at) / 1000, 0.001)),
        });
        from = mark;
      }
    }
    const first = marks[0];
    const last = marks.at(-1);
    const importMs = first && last && last !== first ? last.at - first.at : null;
    return {
      wallMs,
      articlesPerSecond: round(this.#total / (wallMs / 1000)),
      importMs,
      importPerSecond: importMs ? round(last!.done / (importMs / 1000)) : null,
      per1000,
    };
  }
}

const round = (value: number) => Math.round(value * 10) / 10;

// ---- waiting on the publisher and its pages ----------------------------------------------------

interface Run {
  articles: number;
  newsroom: BenchNewsroom;
  editor: AdminEditor;
  watch: PublisherWatch;
  timeoutMs: number;
}

/** Adds what the publisher printed last to a failure, so a CI log shows why a page never came. */
async function orPublisherTail<T>(run: Run, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\nThe publisher printed last:\n${run.newsroom.publisherTail()}`);
  }
}

/**
 * No build runs or waits, and (unless `prepared` is false) the next builds' processes have bundled
 * the site (all the publisher keeps: two): a newsroom's publishes are usually minutes apart. A publisher with no standby
 * process at all ('none' for 10 s while idle) counts as prepared.
 */
async function waitUntilIdle(run: Run, prepared = true): Promise<PublisherStatus> {
  let idleWithoutStandbySince: number | undefined;
  return orPublisherTail(
    run,
    pollUntil(
      prepared ? 'the publisher to prepare its next build' : 'the publisher to finish building',
      async () => {
        const status = await run.newsroom.status();
        const { building, pending, standby, spares } = status.queue;
        if (building || pending) return undefined;
        if (!prepared || (standby === 'ready' && (spares ?? 2) >= 2)) return status;
        if (standby === 'none') {
          idleWithoutStandbySince ??= Date.now();
          if (Date.now() - idleWithoutStandbySince > 10_000) return status;
        } else idleWithoutStandbySince = undefined;
        return undefined;
      },
      { timeoutMs: run.timeoutMs, intervalMs: 100 },
    ),
  );
}

/** Polls `urlPath` until `ready(response)`; resolves with performance.now() at that moment. */
async function waitForPage(
  run: Run,
  urlPath: string,
  what: string,
  ready: (response: Response) => Promise<boolean>,
  intervalMs = 25,
): Promise<number> {
  return orPublisherTail(
    run,
    pollUntil(
      what,
      async () => {
        const response = await fetch(`${run.newsroom.publisherUrl}${urlPath}`).catch(
          () => undefined,
        );
        if (!response) return undefined;
        const ok = await ready(response);
        await response.body?.cancel().catch(() => undefined);
        return ok ? performance.now() : undefined;
      },
      { timeoutMs: run.timeoutMs, intervalMs },
    ),
  );
}

/**
 * Runs `work`, printing every 30 s that it still runs with the last line `output()` holds (a
 * cold build of a large archive takes minutes).
 */
async function whileWaiting<T>(what: string, output: () => string, work: Promise<T>): Promise<T> {
  const since = Date.now();
  const timer = setInterval(() => {
    const last = (output().split('\n').at(-1) ?? '').trim().slice(0, 120);
    log(`  ${what}: still running after ${seconds(Date.now() - since)}${last ? ` (${last})` : ''}`);
  }, 30_000);
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}

const answers200 = async (response: Response) => response.status === 200;

async function builtFigures(run: Run, status: PublisherStatus): Promise<BuildFigures | null> {
  const record = status.live ? await run.watch.release(status.live.id) : undefined;
  return record ? buildFigures(record) : null;
}

const buildsSince = (before: PublisherStatus, after: PublisherStatus) => ({
  succeeded: after.builds.succeeded - before.builds.succeeded,
  failed: after.builds.failed - before.builds.failed,
});

const stamp = () => new Date().toISOString().slice(11, 23);

// ---- the measurements --------------------------------------------------------------------------

async function timePublish(run: Run, n: number): Promise<PublishFigures> {
  await waitUntilIdle(run);
  const title = `Bài đo xuất bản số ${n} lúc ${stamp()}`;
  // The draft is saved first: the publisher ignores draft saves, so only Publish is timed.
  const documentId = await run.editor.saveDraft(title);
  const before = await waitUntilIdle(run);

  const pressed = performance.now();
  const article = await run.editor.publish(documentId, title);
  const answered = performance.now();
  const live = await waitForPage(
    run,
    article.urlPath,
    `${article.urlPath} to be served`,
    answers200,
  );
  const after = await waitUntilIdle(run, false);
  return {
    urlPath: article.urlPath,
    liveMs: Math.round(live - pressed),
    publishAnsweredMs: Math.round(answered - pressed),
    build: await builtFigures(run, after),
    builds: buildsSince(before, after),
  };
}

async function timeStorm(run: Run, count: number): Promise<StormFigures> {
  await waitUntilIdle(run);
  const titles = Array.from({ length: count }, (_, i) => `Bài dồn dập số ${i + 1} lúc ${stamp()}`);
  const drafts: string[] = [];
  for (const title of titles) drafts.push(await run.editor.saveDraft(title));
  const before = await waitUntilIdle(run);
  const failuresBefore = run.watch.failures().length;
  const stormStartedAt = Date.now();

  // Each publish is pressed on its tick, whether or not the previous one has been answered, as
  // journalists at different desks would.
  const first = performance.now();
  const publishing = titles.map(async (title, i) => {
    const due = first + i * STORM_INTERVAL_MS;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    const article = await run.editor.publish(drafts[i]!, title);
    return { ...article, answeredAt: performance.now() };
  });
  const published = await Promise.all(publishing);
  const lastAnswered = Math.max(...published.map((article) => article.answeredAt));
  log(
    `  storm: ${count} publishes answered within ${seconds(lastAnswered - first)}; waiting for their pages…`,
  );

  const liveAt = await whileWaiting(
    'storm',
    () => run.newsroom.publisherTail(),
    Promise.all(
      published.map((article) =>
        waitForPage(
          run,
          article.urlPath,
          `${article.urlPath} (storm) to be served`,
          answers200,
          100,
        ),
      ),
    ),
  );
  const after = await waitUntilIdle(run, false);
  await run.watch.tick();
  const perPage = published.map((article, i) => liveAt[i]! - article.answeredAt);
  return {
    publishes: count,
    intervalMs: STORM_INTERVAL_MS,
    spreadMs: Math.round(lastAnswered - first),
    allLiveAfterLastMs: Math.round(Math.max(...liveAt) - lastAnswered),
    perPageMedianMs: Math.round(median(perPage)),
    perPageWorstMs: Math.round(Math.max(...perPage)),
    builds: buildsSince(before, after),
    failedBuilds: run.watch
      .failures()
      .slice(failuresBefore)
      .map(({ id, error }) => ({ id, error })),
    releases: run.watch.releasesSince(stormStartedAt).map(buildFigures),
  };
}

async function timeEdit(run: Run): Promise<EditFigures> {
  const oldest = await run.editor.oldestArticle();
  // Plain words: the page must show the title exactly as sent (nothing to escape in HTML).
  const title = `${oldest.title} (sửa lúc ${stamp()})`.normalize('NFC');
  await waitUntilIdle(run);
  const pressed = performance.now();
  await run.editor.retitle(oldest.documentId, title);
  const live = await waitForPage(
    run,
    oldest.urlPath,
    `${oldest.urlPath} to show its new title`,
    async (response) => response.status === 200 && (await response.text()).includes(title),
    50,
  );
  const after = await waitUntilIdle(run, false);
  return {
    urlPath: oldest.urlPath,
    liveMs: Math.round(live - pressed),
    build: await builtFigures(run, after),
  };
}

async function measureSize(articles: number, options: Options): Promise<SizeFigures> {
  const timeoutMs = liveTimeoutFor(articles, options);
  const workDir = await makeBenchWorkDir(`toasoan-bench-archive-${articles}-`);
  const newsroom = await BenchNewsroom.create({ workDir });
  let watch: PublisherWatch | undefined;
  try {
    log(
      `${articles} articles: importing into a fresh CMS (npm run seed -w cms -- --synthetic ${articles})…`,
    );
    const progress = new SeedProgress(articles);
    let since = Date.now();
    await newsroom.seed(articles, progress.onLine);
    const seed = progress.figures(Date.now() - since);
    log(
      `  imported in ${seconds(seed.wallMs)}: ${seed.articlesPerSecond} articles/s overall` +
        (seed.importPerSecond ? `, ${seed.importPerSecond}/s once Strapi was loaded` : ''),
    );

    log('  starting the CMS…');
    since = Date.now();
    await newsroom.startCms();
    const cmsStartMs = Date.now() - since;
    log(`  CMS up in ${seconds(cmsStartMs)}; starting the publisher (cold build)…`);

    since = Date.now();
    const memory = new ProcessTreeMemory(newsroom.startPublisher());
    watch = new PublisherWatch(newsroom, memory);
    watch.start();
    const first = await whileWaiting(
      'cold build',
      () => newsroom.publisherTail(),
      newsroom.waitForFirstRelease(timeoutMs),
    );
    const wallMs = Date.now() - since;
    const firstRecord = await watch.release(first.id);
    const coldBuild = firstRecord
      ? buildFigures(firstRecord)
      : buildFigures({
          id: first.id,
          durationMs: first.durationMs,
          pages: first.pages,
          articlePages: first.articlePages,
          seenLiveAt: Date.now(),
          stats: null,
          peakRssMb: undefined,
          peakRssSource: 'unavailable',
        });
    const cold = {
      wallMs,
      pagesPerSecond: round(coldBuild.pagesLive / (coldBuild.buildMs / 1000)),
      renderPagesPerSecond:
        coldBuild.pagesRendered !== null && coldBuild.renderMs
          ? round(coldBuild.pagesRendered / (coldBuild.renderMs / 1000))
          : null,
      ...coldBuild,
    };
    log(
      `  cold build: ${cold.pagesLive} pages live ${seconds(wallMs)} after the publisher started ` +
        `(build ${seconds(cold.buildMs)} on ${cold.processes ?? '?'} process(es), peak RSS ` +
        `${cold.peakRssMb ?? '–'} MB ${cold.peakRssSource})`,
    );

    const searchCold = await measureSearch(
      path.join(newsroom.releasesDir, first.id),
      newsroom.publisherUrl,
    );
    for (const line of describeSearch('cold build', searchCold)) log(line);

    const run: Run = { articles, newsroom, editor: await newsroom.login(), watch, timeoutMs };
    const samples: PublishFigures[] = [];
    const searchPublishes: (SearchBuildStats | null)[] = [];
    for (let n = 1; n <= options.publishes; n++) {
      const sample = await timePublish(run, n);
      samples.push(sample);
      log(
        `  publish ${n}/${options.publishes}: live after ${seconds(sample.liveMs)} ` +
          `(build ${seconds(sample.build?.buildMs)}, ${sample.build?.pagesRendered ?? '–'} pages rendered)`,
      );
      // Read now: the publisher keeps a few releases only.
      const searchStats = sample.build
        ? await readSearchStats(path.join(newsroom.releasesDir, sample.build.releaseId))
        : null;
      searchPublishes.push(searchStats);
      log(describeIndexBuild(`publish ${n}`, searchStats));
    }
    const liveTimes = samples.map((sample) => sample.liveMs);

    log(`  storm: ${options.storm} publishes, one every ${STORM_INTERVAL_MS} ms…`);
    const storm = await timeStorm(run, options.storm);
    log(
      `  storm: all live ${seconds(storm.allLiveAfterLastMs)} after the last publish; ` +
        `${storm.builds.succeeded} builds, ${storm.builds.failed} failed`,
    );

    log('  edit: retitling the oldest article…');
    const edit = await timeEdit(run);
    log(`  edit: new title served after ${seconds(edit.liveMs)}`);
    const searchEdit = edit.build
      ? await measureSearch(
          path.join(newsroom.releasesDir, edit.build.releaseId),
          newsroom.publisherUrl,
        )
      : null;

    return {
      articles,
      seed,
      cmsStartMs,
      cold,
      publishes: { samples, medianMs: median(liveTimes), worstMs: Math.max(...liveTimes) },
      storm,
      edit,
      search: { cold: searchCold, publishes: searchPublishes, edit: searchEdit },
    };
  } finally {
    watch?.stop();
    await newsroom.stop();
    await removeBenchWorkDir(workDir);
  }
}

// ---- output ------------------------------------------------------------------------------------

const ms = (value: number | null) => (value === null ? '–' : seconds(value));
const count = (value: number | null) => (value === null ? '–' : String(value));
const rss = (build: BuildFigures | null) =>
  build?.peakRssMb == null
    ? '–'
    : `${build.peakRssMb} MB${build.peakRssSource === 'sampled' ? '*' : ''}`;

function buildCells(build: BuildFigures | null): string[] {
  return [
    build ? seconds(build.buildMs) : '–',
    build?.mode ?? '–',
    ms(build?.fetchMs ?? null),
    count(build?.articlesFetched ?? null),
    ms(build?.renderMs ?? null),
    count(build?.pagesRendered ?? null),
    count(build?.pagesReused ?? null),
    rss(build),
  ];
}

function printSize(figures: SizeFigures): void {
  const { seed, cold, publishes, storm, edit } = figures;
  console.log(`\n${figures.articles} articles, ${cold.pagesLive} pages`);
  const per1000 = seed.per1000.map((window) => Math.round(window.perSecond));
  console.log(
    `  import: ${seconds(seed.wallMs)}, ${seed.articlesPerSecond} articles/s overall` +
      (seed.importPerSecond ? `, ${seed.importPerSecond}/s importing` : '') +
      (per1000.length > 1 ? `; per 1,000: ${per1000.join(', ')} /s` : ''),
  );
  console.log(
    `  CMS start ${seconds(figures.cmsStartMs)}; cold build ${cold.pagesPerSecond} pages/s` +
      (cold.renderPagesPerSecond ? ` (${cold.renderPagesPerSecond} rendered/s)` : ''),
  );
  const rows = [
    [
      '',
      'to live',
      'build',
      'mode',
      'fetch',
      'fetched',
      'render',
      'rendered',
      'reused',
      'peak RSS',
    ],
    ['cold build', seconds(cold.wallMs), ...buildCells(cold)],
    ...publishes.samples.map((sample, i) => [
      `publish ${i + 1}`,
      seconds(sample.liveMs),
      ...buildCells(sample.build),
    ]),
    ['publish median', seconds(publishes.medianMs)],
    ['publish worst', seconds(publishes.worstMs)],
    ...storm.releases.map((release, i) => [`storm build ${i + 1}`, '', ...buildCells(release)]),
    [`storm (${storm.publishes} publishes)`, seconds(storm.allLiveAfterLastMs)],
    ['edit old article', seconds(edit.liveMs), ...buildCells(edit.build)],
  ];
  printTable(rows, '  ');
  console.log(
    `  storm: ${storm.builds.succeeded} builds succeeded, ${storm.builds.failed} failed; ` +
      `each page live ${seconds(storm.perPageMedianMs)} (median), ${seconds(storm.perPageWorstMs)} ` +
      `(worst) after its own publish`,
  );
  for (const line of describeSearch('cold build', figures.search.cold)) console.log(line);
  figures.search.publishes.forEach((stats, i) =>
    console.log(describeIndexBuild(`publish ${i + 1}`, stats)),
  );
  for (const line of describeSearch('edit', figures.search.edit)) console.log(line);
  if (storm.failedBuilds.length > 0) {
    for (const failed of storm.failedBuilds) {
      console.log(`  storm build ${failed.id} failed: ${failed.error}`);
    }
  }
}

function resultFile(articles: number, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const when =
    `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-` +
    `${pad(at.getHours())}${pad(at.getMinutes())}`;
  return path.join(RESULTS_DIR, `archive-${articles}-${when}.json`);
}

async function saveResult(
  figures: SizeFigures,
  machine: Machine,
  options: Options,
): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = resultFile(figures.articles, new Date());
  const body = {
    benchmark: 'archive',
    finishedAt: new Date().toISOString(),
    machine,
    // Other work on the machine inflates every figure: compare with the load at the start.
    loadAverageAtEnd: os.loadavg().map((load) => Number(load.toFixed(2))),
    options: {
      publishes: options.publishes,
      storm: options.storm,
      stormIntervalMs: STORM_INTERVAL_MS,
    },
    ...figures,
  };
  // Formatted as the repository's Prettier would (results are committed).
  await writeFile(file, await format(JSON.stringify(body), { parser: 'json' }));
  return file;
}

// ---- main --------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) {
    console.log(USAGE);
    return;
  }
  assertBenchPrerequisites();

  cleanUpOnInterrupt();

  const machine = describeMachine();
  console.log('Archive benchmark: import → cold build → publish → storm → edit (bench/README.md)');
  console.log(`machine: ${formatMachine(machine)}`);
  console.log(
    `sizes: ${options.sizes.join(', ')} articles; ${options.publishes} publishes, a storm of ` +
      `${options.storm}; results ${options.save ? `in ${shortPath(RESULTS_DIR)}/` : 'not saved'}\n`,
  );
  const all: SizeFigures[] = [];
  for (const articles of options.sizes) {
    const figures = await measureSize(articles, options);
    all.push(figures);
    printSize(figures);
    if (options.save)
      console.log(`  saved ${shortPath(await saveResult(figures, machine, options))}`);
    console.log();
  }
  console.log(
    'to live: Publish pressed (storm: the last publish answered) → the page served. build: the ' +
      "publisher's own figure (start → switch). fetch, render, rendered, reused: the release's " +
      ".release/build.json ('–' when the build writes none). peak RSS: build.json, or * sampled " +
      'from /proc (VmHWM of the build process group).',
  );
  if (all.some((figures) => figures.storm.builds.failed > 0)) {
    console.log('Some storm builds failed: see above (the figures are still reported).');
  }
}

main().catch(async (error: unknown) => {
  if (benchInterrupted()) return;
  await cleanUpBench().catch(() => undefined);
  console.error(`\nbench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
