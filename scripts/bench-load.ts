/**
 * `npm run bench:load`: the site's server and the CMS under load on loopback (issue #12), with
 * autocannon. A throwaway newsroom of --articles synthetic articles (bench-stack.ts), then:
 *
 *   static idle      the site's pages (home, sections, articles, round robin) as fast as the
 *                    server answers: requests a second, p50/p95/p99 latency;
 *   static rebuild   the same while the publisher rebuilds: an article is retitled and published
 *                    at the start and again each time its release goes live, for at least the
 *                    duration and until one such release is live; every answer must be a 200
 *                    (errors make the benchmark fail);
 *   cms sync         GET /api/site-sync, the first query of every incremental build;
 *   cms export       GET /api/site-export (one page of 1,000 articles), what a full build reads.
 *
 * It writes bench/results/load-<YYYYMMDD-HHmm>.json. What each figure means: bench/README.md.
 *
 *   npm run bench:load -- [--articles 1000] [--duration 15] [--connections 10] [--no-save]
 */
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import {
  benchInterrupted,
  cleanUpBench,
  cleanUpOnInterrupt,
  makeBenchWorkDir,
} from './lib/bench-processes';
import {
  assertBenchPrerequisites,
  describeMachine,
  formatMachine,
  printTable,
  saveBenchResult,
} from './lib/bench-report';
import { startBenchStack, type BenchStack } from './lib/bench-stack';
import { parseBenchOptions } from './lib/bench-options';
import { ROOT_DIR } from './lib/paths';

const USAGE = `Usage: npm run bench:load -- [--articles 1000] [--duration 15] [--connections 10] [--no-save]

  --articles N      synthetic articles in the throwaway newsroom
  --duration S      seconds of each phase
  --connections N   requests in flight at once
  --no-save         print only; write nothing under bench/results/
  -h, --help        show this help`;

/** Pages of the live release the static phases cycle through. */
const MAX_PAGES = 300;

interface PhaseFigures {
  phase: string;
  requests: number;
  requestsPerSecond: number;
  /** Bytes a second read. */
  throughputBytesPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Connection errors and timeouts, and answers other than 2xx. */
  errors: number;
  non2xx: number;
  /** Releases that went live during the phase (the rebuild phase). */
  releases?: number;
}

/**
 * One autocannon run, for its duration or, with `until`, for as long as `until` takes once the
 * duration has passed; p95 from its histogram (autocannon prints p90 and p97.5 only).
 */
async function run(
  phase: string,
  options: autocannon.Options,
  until?: Promise<unknown>,
): Promise<{ figures: PhaseFigures; result: autocannon.Result }> {
  const minimum = Number(options.duration ?? 10);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { ...options, duration: until ? 86_400 : minimum },
      (error: Error | null, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
    if (until) {
      const elapsed = new Promise((wait) => setTimeout(wait, minimum * 1000));
      void Promise.all([elapsed, until.catch(() => undefined)]).then(() => instance.stop());
    }
  });
  const latency = result.latency as autocannon.Histogram & { p95?: number };
  return {
    result,
    figures: {
      phase,
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      throughputBytesPerSecond: Math.round(result.throughput.average),
      latencyMs: {
        p50: latency.p50,
        p95: latency.p95 ?? latency.p97_5,
        p99: latency.p99,
        max: latency.max,
      },
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
    },
  };
}

/** Paths of the live release's pages: the home page, then sections and articles. */
async function livePages(releasesDir: string): Promise<string[]> {
  const root = path.join(releasesDir, 'current');
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const pages = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => '/' + path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter((page) => !page.startsWith('/.'))
    .map((page) => page.replace(/index\.html$/, ''))
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  return pages.slice(0, MAX_PAGES);
}

/** Retitles one article whenever the last retitle is live, until `stop()`; counts releases. */
async function keepRebuilding(
  stack: BenchStack,
  until: () => boolean,
  onLive: () => void,
): Promise<number> {
  const [article] = await stack.editor.publishedArticles(1);
  if (!article) throw new Error('The CMS lists no published article to retitle.');
  let releases = 0;
  let liveId = (await stack.status()).live?.id;
  for (let n = 1; !until(); n++) {
    await stack.editor.retitle(article.documentId, `${article.title} (cập nhật ${n})`);
    while (!until()) {
      const status = await stack.status();
      if (status.lastBuild && !status.lastBuild.ok) {
        throw new Error(`A build failed under load: ${status.lastBuild.error}`);
      }
      if (
        status.live &&
        status.live.id !== liveId &&
        !status.queue.building &&
        !status.queue.pending
      ) {
        liveId = status.live.id;
        releases++;
        onLive();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return releases;
}

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2), USAGE, {
    articles: 1000,
    duration: 15,
    connections: 10,
  });
  if (!options) {
    console.log(USAGE);
    return;
  }
  assertBenchPrerequisites();
  cleanUpOnInterrupt();

  const machine = describeMachine();
  console.log('Load benchmark: the site server and the CMS on loopback (autocannon)');
  console.log(`machine: ${formatMachine(machine)}`);
  const workDir = await makeBenchWorkDir('toasoan-bench-load-');
  const stack = await startBenchStack({
    articles: options.articles,
    workDir,
    log: (line) => console.log(line),
  });
  const pages = await livePages(stack.releasesDir);
  const duration = options.duration;
  const connections = options.connections;
  const site = (phase: string) =>
    run(phase, {
      url: stack.publisherUrl,
      connections,
      duration,
      requests: pages.map((page) => ({ method: 'GET' as const, path: encodeURI(page) })),
    });

  const phases: PhaseFigures[] = [];
  console.log(`static pages: ${pages.length} (of the live release), ${connections} at once`);
  phases.push((await site('static idle')).figures);

  // At least --duration seconds, and until the first rebuild started under load is live.
  let loading = true;
  let firstLive!: () => void;
  const oneLive = new Promise<void>((resolve) => (firstLive = resolve));
  const rebuilding = keepRebuilding(stack, () => !loading, firstLive);
  const underRebuild = await run(
    'static rebuild',
    {
      url: stack.publisherUrl,
      connections,
      duration,
      requests: pages.map((page) => ({ method: 'GET' as const, path: encodeURI(page) })),
    },
    Promise.race([oneLive, rebuilding]),
  );
  loading = false;
  phases.push({ ...underRebuild.figures, releases: await rebuilding });

  const headers = { Authorization: `Bearer ${stack.readToken}` };
  const cms = (phase: string, urlPath: string) =>
    // A page of 1,000 articles is megabytes: minutes on a loaded machine, not autocannon's 10 s.
    run(phase, {
      url: `${stack.cmsUrl}${urlPath}`,
      connections: 2,
      duration,
      headers,
      timeout: 300,
    });
  phases.push((await cms('cms sync', '/api/site-sync')).figures);
  phases.push((await cms('cms export', '/api/site-export?after=0&limit=1000')).figures);
  const loadAverageAtEnd = os.loadavg().map((load) => Number(load.toFixed(2)));
  await stack.stop();

  console.log();
  printTable([
    ['phase', 'requests', 'req/s', 'MB/s', 'p50', 'p95', 'p99', 'errors', 'non-2xx', 'releases'],
    ...phases.map((phase) => [
      phase.phase,
      String(phase.requests),
      String(phase.requestsPerSecond),
      (phase.throughputBytesPerSecond / 1e6).toFixed(1),
      `${phase.latencyMs.p50} ms`,
      `${phase.latencyMs.p95} ms`,
      `${phase.latencyMs.p99} ms`,
      String(phase.errors),
      String(phase.non2xx),
      phase.releases === undefined ? '' : String(phase.releases),
    ]),
  ]);
  console.log(`load ${machine.loadAverage[0]} at start, ${loadAverageAtEnd[0]} at the end`);

  if (options.save) {
    const body = {
      benchmark: 'load',
      finishedAt: new Date().toISOString(),
      machine,
      loadAverageAtEnd,
      options,
      site: { pages: pages.length, articles: options.articles },
      phases,
    };
    const file = await saveBenchResult('load', body);
    console.log(`saved ${path.relative(ROOT_DIR, file)}`);
  }
  const failed = phases.filter((phase) => phase.errors > 0 || phase.non2xx > 0);
  if (failed.length > 0) {
    throw new Error(`Errors under load in: ${failed.map((phase) => phase.phase).join(', ')}.`);
  }
  if (!phases[1]!.releases) throw new Error('No release went live during the rebuild phase.');
}

main()
  .then(cleanUpBench)
  .catch(async (error: unknown) => {
    if (benchInterrupted()) return;
    console.error(error instanceof Error ? error.message : error);
    await cleanUpBench().catch(() => undefined);
    process.exit(1);
  });
