/**
 * `npm run bench:publish`: how long a journalist waits from pressing Publish to the page being
 * served, with every real part: Strapi's webhook, the publisher (`npm run start -w site`), the
 * real `astro build`, validation and the release switch. For each site size it seeds a throwaway
 * CMS, then publishes new articles one by one through the admin API and polls the publisher until
 * the page answers 200. Each publish waits until the publisher is idle and has prepared its next
 * build (loaded Astro and bundled the site, as it does between publishes): a newsroom's publishes
 * are minutes apart. `--back-to-back` times publishes that follow each other at once instead.
 *
 *   npm run bench:publish -- [--sizes 100,1000] [--publishes 5] [--back-to-back]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
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
} from './lib/bench-report';
import { startBenchStack, type BenchStack } from './lib/bench-stack';

const USAGE = `Usage: npm run bench:publish -- [--sizes 100,1000] [--publishes 5] [--back-to-back]
                              [--build-command CMD]

  --sizes N,M          site sizes to measure, in synthetic published articles (default 100,1000)
  --publishes N        publishes to time per size (default 5)
  --back-to-back       publish as soon as the previous build is live, without waiting for the
                       publisher to prepare the next build (a busy newsroom's worst case)
  --build-command CMD  time the publisher running CMD (PUBLISHER_BUILD_COMMAND) instead of its own
                       astro build, for comparison, e.g.
                       'node ../node_modules/astro/astro.js build --outDir "$PUBLISH_OUT_DIR"'
  -h, --help           show this help`;

class UsageError extends Error {
  constructor(message: string) {
    super(`${message}\n\n${USAGE}`);
    this.name = 'UsageError';
  }
}

interface Options {
  sizes: number[];
  publishes: number;
  backToBack: boolean;
  buildCommand: string;
}

function parseOptions(argv: string[]): Options | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        sizes: { type: 'string', default: '100,1000' },
        publishes: { type: 'string', default: '5' },
        'back-to-back': { type: 'boolean', default: false },
        'build-command': { type: 'string', default: '' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return null;
  const sizes = values.sizes.split(',').map((size) => Number(size.trim()));
  if (sizes.length === 0 || sizes.some((size) => !Number.isInteger(size) || size < 1)) {
    throw new UsageError(
      `--sizes needs whole numbers of articles, like 100,1000, not "${values.sizes}".`,
    );
  }
  const publishes = Number(values.publishes);
  if (!Number.isInteger(publishes) || publishes < 1) {
    throw new UsageError(`--publishes needs a whole number, not "${values.publishes}".`);
  }
  return {
    sizes,
    publishes,
    backToBack: values['back-to-back'],
    buildCommand: values['build-command'],
  };
}

/** One publish, timed. */
interface Sample {
  /** Publish pressed → the page answered 200 by the publisher. */
  latencyMs: number;
  /** The build that made it live, from start to switch (the publisher's own figure). */
  buildMs: number;
  /** Publish pressed → that build started: the webhook and the queue. */
  toBuildStartMs: number;
}

interface SizeResult {
  articles: number;
  pages: number;
  samples: Sample[];
  firstBuildMs: number;
  seedMs: number;
}

const log = (line: string) => console.log(`  ${line}`);

/** No build runs or waits; unless `backToBack`, the next one is prepared as well. */
async function waitUntilIdle(stack: BenchStack, backToBack: boolean): Promise<void> {
  await pollUntil(
    backToBack ? 'the publisher to finish building' : 'the publisher to prepare its next build',
    async () => {
      const { queue } = await stack.status();
      const prepared = backToBack || queue.standby !== 'bundling';
      return !queue.building && !queue.pending && prepared ? true : undefined;
    },
    { timeoutMs: 600_000, intervalMs: 100 },
  );
}

async function timePublish(stack: BenchStack, n: number, backToBack: boolean): Promise<Sample> {
  await waitUntilIdle(stack, backToBack);
  const title = `Bài đo thời gian xuất bản số ${n} lúc ${new Date().toISOString()}`;
  // The draft is saved first: the publisher ignores draft saves, so only Publish is timed.
  const documentId = await stack.editor.saveDraft(title);
  await waitUntilIdle(stack, backToBack);

  const pressedAt = Date.now();
  const started = performance.now();
  const article = await stack.editor.publish(documentId, title);
  await pollUntil(
    `${article.urlPath} to be served`,
    async () => {
      const response = await fetch(`${stack.publisherUrl}${article.urlPath}`, { method: 'HEAD' });
      return response.status === 200 ? true : undefined;
    },
    { timeoutMs: 600_000, intervalMs: 25 },
  );
  const latencyMs = performance.now() - started;

  // The switch makes the page live before the build is recorded (old releases are pruned first).
  await waitUntilIdle(stack, true);
  const { live, lastBuild } = await stack.status();
  if (!live || !lastBuild || lastBuild.id !== live.id) {
    throw new Error(
      'The live release is not the last build: something else built meanwhile ' +
        `(last build: ${JSON.stringify(lastBuild)}).`,
    );
  }
  return {
    latencyMs,
    buildMs: live.durationMs,
    toBuildStartMs: Date.parse(lastBuild.startedAt) - pressedAt,
  };
}

async function measureSize(
  articles: number,
  options: Options,
  workDir: string,
): Promise<SizeResult> {
  const { publishes, buildCommand, backToBack } = options;
  const stack = await startBenchStack({ articles, workDir, buildCommand, log });
  try {
    const samples: Sample[] = [];
    for (let n = 1; n <= publishes; n++) {
      const sample = await timePublish(stack, n, backToBack);
      samples.push(sample);
      log(
        `publish ${n}/${publishes}: live after ${seconds(sample.latencyMs)} ` +
          `(build ${seconds(sample.buildMs)}, started ${Math.round(sample.toBuildStartMs)} ms after Publish; ` +
          `load ${os.loadavg()[0]!.toFixed(1)})`,
      );
    }
    const { live } = await stack.status();
    return {
      articles,
      pages: live?.pages ?? 0,
      samples,
      firstBuildMs: stack.timings.firstBuildMs,
      seedMs: stack.timings.seedMs,
    };
  } finally {
    await stack.stop();
  }
}

function printResults(results: SizeResult[]): void {
  const rows = [
    [
      'articles',
      'pages',
      'publishes',
      'median',
      'worst',
      'build median',
      'build worst',
      'first build',
    ],
    ...results.map((result) => {
      const latencies = result.samples.map((sample) => sample.latencyMs);
      const builds = result.samples.map((sample) => sample.buildMs);
      return [
        String(result.articles),
        String(result.pages),
        String(result.samples.length),
        seconds(median(latencies)),
        seconds(Math.max(...latencies)),
        seconds(median(builds)),
        seconds(Math.max(...builds)),
        seconds(result.firstBuildMs),
      ];
    }),
  ];
  printTable(rows);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) {
    console.log(USAGE);
    return;
  }
  assertBenchPrerequisites();

  cleanUpOnInterrupt();

  console.log('Publish → live: Strapi webhook → publisher → astro build → validate → switch');
  console.log(`machine: ${formatMachine(describeMachine())}`);
  console.log(
    `build: ${options.buildCommand ? `PUBLISHER_BUILD_COMMAND=${options.buildCommand}` : "the publisher's astro build"}`,
  );
  console.log(
    options.backToBack
      ? 'publishes: back to back (each as soon as the previous one is live)\n'
      : 'publishes: each once the publisher is idle and has prepared its next build\n',
  );
  const results: SizeResult[] = [];
  try {
    for (const articles of options.sizes) {
      console.log(`${articles} articles:`);
      const workDir = await makeBenchWorkDir(`toasoan-bench-publish-${articles}-`);
      results.push(await measureSize(articles, options, workDir));
      await removeBenchWorkDir(workDir);
      console.log();
    }
  } finally {
    await cleanUpBench();
  }
  printResults(results);
  console.log(
    '\nmedian/worst: Publish pressed in the admin API → the page served 200 by the publisher. ' +
      "build: the publisher's own figure (CMS check, astro build, validation, switch).",
  );
}

main().catch(async (error: unknown) => {
  if (benchInterrupted()) return;
  await cleanUpBench().catch(() => undefined);
  console.error(
    `\nbench:publish failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
