/**
 * `npm run bench:comments`: readers' comments through the site's server under load (issue #9).
 * A throwaway CMS with the sample newsroom and the site's server as `npm start -w site` runs it,
 * trusting X-Forwarded-For from 127.0.0.1 so that each request can pose as a reader of its own.
 * Three timed phases, each with static pages fetched meanwhile (their latency is the figure):
 *
 *   idle      static pages only: the reference latency;
 *   steady    comments at a steady pace (--rate a second, new addresses): a busy evening;
 *   accepted  comments from ever new addresses (never limited), as fast as the server takes them:
 *             accepted submissions per second, then the time until the CMS holds every one
 *             (the queue drained: nothing lost);
 *   limited   comments, as fast as the server answers, from addresses that used up their 5 a
 *             minute: 429 answers per second.
 *
 * It writes bench/results/comments-<YYYYMMDD-HHmm>.json. What each figure means: bench/README.md.
 *
 *   npm run bench:comments -- [--duration 10] [--concurrency 16] [--rate 5] [--no-save]
 */
import os from 'node:os';
import path from 'node:path';
import {
  benchInterrupted,
  cleanUpBench,
  cleanUpOnInterrupt,
  makeBenchWorkDir,
  pollUntil,
} from './lib/bench-processes';
import {
  assertBenchPrerequisites,
  describeMachine,
  formatMachine,
  printTable,
  saveBenchResult,
} from './lib/bench-report';
import { BenchNewsroom, type AdminEditor } from './lib/bench-stack';
import { parseBenchOptions } from './lib/bench-options';
import { ROOT_DIR } from './lib/paths';

const USAGE = `Usage: npm run bench:comments -- [--duration 10] [--concurrency 16] [--rate 5] [--no-save]

  --duration S      seconds of each timed phase (idle, steady, accepted, limited)
  --concurrency N   comments in flight at once in the accepted and limited phases
                    (static pages: 2 at a time, always)
  --rate N          comments a second in the steady phase
  --no-save         print only; write nothing under bench/results/
  -h, --help        show this help`;

/** Static pages fetched at once while the comments come in. */
const STATIC_CONCURRENCY = 2;
/** Addresses that use up their limit before the limited phase (5 comments each, not timed). */
const LIMITED_ADDRESSES = 20;
const PER_MINUTE = 5;

// ---- figures -----------------------------------------------------------------------------------

interface Latency {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Nearest-rank percentiles of a list of durations (ms). */
function latency(values: number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
  const round = (ms: number) => Number(ms.toFixed(1));
  return {
    count: sorted.length,
    p50Ms: round(at(0.5)),
    p95Ms: round(at(0.95)),
    p99Ms: round(at(0.99)),
    maxMs: round(sorted.at(-1) ?? 0),
  };
}

interface PhaseFigures {
  phase: 'idle' | 'steady' | 'accepted' | 'limited';
  durationMs: number;
  /** HTTP status → how many answers. */
  answers: Record<string, number>;
  acceptedPerSecond: number;
  limitedPerSecond: number;
  submit: Latency | null;
  staticPages: Latency;
  /** Static p95 ÷ the idle phase's. */
  staticP95VsIdle: number;
}

// ---- load --------------------------------------------------------------------------------------

/** Loops `work` on `concurrency` workers until `until()`; collects each call's duration. */
async function loop(
  concurrency: number,
  until: () => boolean,
  work: (n: number) => Promise<void>,
): Promise<number[]> {
  const durations: number[] = [];
  let n = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (!until()) {
        const started = performance.now();
        await work(n++);
        durations.push(performance.now() - started);
      }
    }),
  );
  return durations;
}

/** Starts `work` `rate` times a second, whether the earlier calls have ended or not, until `until()`. */
async function paced(
  rate: number,
  until: () => boolean,
  work: (n: number) => Promise<void>,
): Promise<number[]> {
  const durations: number[] = [];
  const calls: Promise<void>[] = [];
  const started = performance.now();
  for (let n = 0; !until(); n++) {
    const call = performance.now();
    calls.push(work(n).then(() => void durations.push(performance.now() - call)));
    const next = started + ((n + 1) * 1000) / rate;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
  }
  await Promise.all(calls);
  return durations;
}

/** How comments come in during a phase: none, at a pace, or as fast as the server answers. */
type Submitting =
  | undefined
  | { address: (n: number) => string; rate: number }
  | { address: (n: number) => string; concurrency: number };

class Load {
  readonly #siteUrl: string;
  readonly #articles: string[];
  readonly #pages: string[];
  #comments = 0;

  constructor(siteUrl: string, articles: { documentId: string; urlPath: string }[]) {
    this.#siteUrl = siteUrl;
    this.#articles = articles.map((article) => article.documentId);
    const sections = articles.map((article) => `/${article.urlPath.split('/')[1]}/`);
    this.#pages = ['/', ...new Set(sections), ...articles.map((article) => article.urlPath)];
  }

  /** One static page (round robin), read to its end; throws unless 200. */
  async page(n: number): Promise<void> {
    const response = await fetch(`${this.#siteUrl}${this.#pages[n % this.#pages.length]}`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`A static page answered ${response.status}.`);
  }

  /** A reader's comment without JavaScript, from `address`; returns the HTTP status. */
  async comment(address: string): Promise<number> {
    const n = ++this.#comments;
    const response = await fetch(`${this.#siteUrl}/binh-luan/gui`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Forwarded-For': address,
      },
      body: new URLSearchParams({
        article: this.#articles[n % this.#articles.length]!,
        name: `Bạn đọc ${n}`,
        email: `ban-doc-${n}@example.vn`,
        body: `Ý kiến số ${n} của bạn đọc về bài viết: cảm ơn tòa soạn đã đưa tin kịp thời.`,
      }),
    });
    await response.arrayBuffer();
    return response.status;
  }

  /** Static pages, and comments as `submitting` says, for `durationMs`. */
  async phase(
    phase: PhaseFigures['phase'],
    durationMs: number,
    submitting: Submitting,
  ): Promise<Omit<PhaseFigures, 'staticP95VsIdle'>> {
    const answers: Record<string, number> = {};
    const started = performance.now();
    const over = () => performance.now() - started >= durationMs;
    const submit = async (n: number) => {
      const status = String(await this.comment(submitting!.address(n)));
      answers[status] = (answers[status] ?? 0) + 1;
    };
    const [statics, submits] = await Promise.all([
      loop(STATIC_CONCURRENCY, over, (n) => this.page(n)),
      !submitting
        ? Promise.resolve([])
        : 'rate' in submitting
          ? paced(submitting.rate, over, submit)
          : loop(submitting.concurrency, over, submit),
    ]);
    const elapsed = performance.now() - started;
    const perSecond = (status: string) =>
      Number((((answers[status] ?? 0) * 1000) / elapsed).toFixed(1));
    return {
      phase,
      durationMs: Math.round(elapsed),
      answers,
      acceptedPerSecond: perSecond('303'),
      limitedPerSecond: perSecond('429'),
      submit: submitting ? latency(submits) : null,
      staticPages: latency(statics),
    };
  }
}

/** `10.x.y.z` for n = 1, 2, …: a new reader per comment. */
const readerAddress = (base: number) => (n: number) => {
  const i = base + n;
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
};

/** Waits until the CMS holds `total` comments; returns how long that took. */
async function waitForDelivery(editor: AdminEditor, total: number): Promise<number> {
  const started = performance.now();
  await pollUntil(
    `the CMS to hold all ${total} comments`,
    async () => ((await editor.commentCount()) >= total ? true : undefined),
    { timeoutMs: 600_000, intervalMs: 250 },
  );
  return Math.round(performance.now() - started);
}

// ---- main --------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2), USAGE, {
    duration: 10,
    concurrency: 16,
    rate: 5,
  });
  if (!options) {
    console.log(USAGE);
    return;
  }
  assertBenchPrerequisites();
  cleanUpOnInterrupt();

  const machine = describeMachine();
  console.log('Comments benchmark: submissions through the site server, static pages meanwhile');
  console.log(`machine: ${formatMachine(machine)}`);
  const workDir = await makeBenchWorkDir('toasoan-bench-comments-');
  const newsroom = await BenchNewsroom.create({ workDir, trustedProxies: '127.0.0.1' });
  console.log('seeding the sample newsroom, starting the CMS and the site server…');
  await newsroom.seedSample();
  await newsroom.startCms();
  newsroom.startPublisher();
  const first = await newsroom.waitForFirstRelease();
  const editor = await newsroom.login();
  const articles = await editor.publishedArticles(100);
  const load = new Load(newsroom.publisherUrl, articles);
  console.log(`site live: ${first.pages} pages, ${articles.length} articles\n`);

  const durationMs = options.duration * 1000;
  const { concurrency, rate } = options;
  // A first pass warms the server's caches and loads the comment route's code.
  const before = await editor.commentCount();
  const warmUp = await load.phase('accepted', 2_000, {
    address: readerAddress(1_000_000),
    concurrency,
  });
  let sent = before + (warmUp.answers['303'] ?? 0);
  await waitForDelivery(editor, sent);
  const idle = await load.phase('idle', durationMs, undefined);
  const steady = await load.phase('steady', durationMs, {
    address: readerAddress(2_000_000),
    rate,
  });
  sent += steady.answers['303'] ?? 0;
  await waitForDelivery(editor, sent);
  const accepted = await load.phase('accepted', durationMs, {
    address: readerAddress(0),
    concurrency,
  });
  const acceptedCount = accepted.answers['303'] ?? 0;
  sent += acceptedCount;
  const drainMs = await waitForDelivery(editor, sent);

  // Addresses that have used up their minute: every comment from them is now answered 429.
  const pool = Array.from({ length: LIMITED_ADDRESSES }, (_, i) => `172.16.0.${i + 1}`);
  for (const address of pool) {
    for (let i = 0; i < PER_MINUTE; i++) await load.comment(address);
  }
  await waitForDelivery(editor, sent + LIMITED_ADDRESSES * PER_MINUTE);
  const limited = await load.phase('limited', durationMs, {
    address: (n) => pool[n % pool.length]!,
    concurrency,
  });

  const ratio = (phase: Omit<PhaseFigures, 'staticP95VsIdle'>): PhaseFigures => ({
    ...phase,
    staticP95VsIdle: Number((phase.staticPages.p95Ms / idle.staticPages.p95Ms).toFixed(2)),
  });
  const phases = [idle, steady, accepted, limited].map(ratio);
  const delivery = {
    accepted: acceptedCount,
    drainAfterPhaseMs: drainMs,
    /** Comments stored by the CMS per second, from the phase's start to the last one stored. */
    deliveredPerSecond: Number(
      ((acceptedCount * 1000) / (accepted.durationMs + drainMs)).toFixed(1),
    ),
  };
  const loadAverageAtEnd = os.loadavg().map((value) => Number(value.toFixed(2)));

  const ms = (value: number | undefined) => (value === undefined ? '–' : `${value} ms`);
  printTable([
    [
      'phase',
      'answers',
      'accepted/s',
      '429/s',
      'submit p95',
      'static p50',
      'static p95',
      'vs idle',
    ],
    ...phases.map((phase) => [
      phase.phase,
      Object.entries(phase.answers)
        .map(([status, count]) => `${count}×${status}`)
        .join(' ') || '–',
      String(phase.acceptedPerSecond),
      String(phase.limitedPerSecond),
      ms(phase.submit?.p95Ms),
      ms(phase.staticPages.p50Ms),
      ms(phase.staticPages.p95Ms),
      `×${phase.staticP95VsIdle}`,
    ]),
  ]);
  console.log(
    `\nall ${acceptedCount} accepted comments stored by the CMS ${(drainMs / 1000).toFixed(1)} s ` +
      `after the phase (${delivery.deliveredPerSecond}/s from its start); load ` +
      `${machine.loadAverage[0]} at start, ${loadAverageAtEnd[0]} at the end`,
  );
  if (acceptedCount === 0) throw new Error('No comment was accepted: see the answers above.');

  if (options.save) {
    const body = {
      benchmark: 'comments',
      finishedAt: new Date().toISOString(),
      machine,
      loadAverageAtEnd,
      options: { ...options, staticConcurrency: STATIC_CONCURRENCY },
      site: { pages: first.pages, articles: articles.length },
      phases,
      delivery,
    };
    const file = await saveBenchResult('comments', body);
    console.log(`saved ${path.relative(ROOT_DIR, file)}`);
  }
}

main()
  .then(cleanUpBench)
  .catch(async (error: unknown) => {
    if (benchInterrupted()) return;
    console.error(error instanceof Error ? error.message : error);
    await cleanUpBench().catch(() => undefined);
    process.exit(1);
  });
