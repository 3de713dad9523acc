/**
 * `npm run bench:compression`: the CPU that sending the site's text compressed costs, the two ways
 * issue #11 weighed (site/README.md, "Compression"): compressing each answer on the fly (the
 * site's server: the `compression` middleware, brotli 4 or gzip 6), or writing `.br`/`.gz`
 * siblings at build time (brotli 11 and gzip 9 can be afforded there), which a publish must then
 * also write for what it renders and hard-link for every file it keeps. It builds a synthetic
 * archive's search index in-process (the seed's titles and sapos, no CMS, no Astro), then
 * patches it for one new article as a publish does, in a scratch folder.
 *
 *   npm run bench:compression -- [--articles 20000] [--pages-kept 22036] [--pages-rendered 232]
 *
 * The pages' figures are not built here: how many a publish renders and links come from the
 * archive bench (`bench/results/archive-20000-20261127-1940.json`), and an article page is
 * stood in for by its body rendered from Markdown (smaller than the real page).
 */
import { link, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { renderMarkdown } from '@toasoan/shared';
import { generateArticleText } from '../cms/scripts/lib/newspaper-text';
import { pickWeighted, randomFromSeed } from '../cms/scripts/lib/random';
import { SECTION_WEIGHTS, syntheticPublicationTime } from '../cms/scripts/lib/synthetic';
import { buildSearchIndex, type SearchableArticle } from '../site/src/lib/search/build-index';
import { ArchiveSearch } from '../site/src/lib/search/query';
import { articleFingerprints, updateSearchIndex } from '../site/src/lib/search/update-index';
import { describeMachine, formatMachine } from './lib/bench-report';

const USAGE = `Usage: npm run bench:compression -- [--articles 20000] [--pages-kept 22036] [--pages-rendered 232]`;

// The seed's sections, weighted as it weights them.
const CATEGORIES = Object.keys(SECTION_WEIGHTS).map((slug) => ({ slug, name: slug }));

const CODECS = {
  'gzip 6': (bytes: Buffer) => gzipSync(bytes, { level: 6 }),
  'brotli 4': (bytes: Buffer) =>
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }),
  'brotli 5': (bytes: Buffer) =>
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
  'gzip 9': (bytes: Buffer) => gzipSync(bytes, { level: 9 }),
  'brotli 11': (bytes: Buffer) => brotliCompressSync(bytes),
};
type Codec = keyof typeof CODECS;

function article(n: number): SearchableArticle & { body: string } {
  const random = randomFromSeed(n);
  const section = pickWeighted(random, SECTION_WEIGHTS);
  const time = syntheticPublicationTime(n, random);
  const text = generateArticleText(n, section, time);
  return {
    number: n,
    slug: `bai-${n}`,
    title: text.title,
    sapo: text.sapo,
    body: text.body,
    publicationTime: time.toISOString(),
    category: { slug: section, name: section },
  };
}

/** CPU milliseconds (user + system) that `work` takes, best of `runs`. */
function cpuMs(work: () => void, runs = 3): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const before = process.cpuUsage();
    work();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return Math.round(best * 10) / 10;
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
const sum = (buffers: Iterable<Buffer>) => [...buffers].reduce((total, b) => total + b.length, 0);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '20000' },
      'pages-kept': { type: 'string', default: '22036' },
      'pages-rendered': { type: 'string', default: '232' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const count = Number(values.articles);
  const pagesKept = Number(values['pages-kept']);
  const pagesRendered = Number(values['pages-rendered']);
  console.log(formatMachine(describeMachine()));

  // n = 1 is the newest; the publish adds a newer one.
  const articles = Array.from({ length: count }, (_, i) => article(i + 1));
  const files = new Map(
    [...buildSearchIndex(articles, CATEGORIES)].map(([file, text]) => [file, Buffer.from(text)]),
  );
  console.log(
    `\nsearch index of ${count} articles: ${files.size} files, ${kb(sum(files.values()))} KB`,
  );
  for (const [name, codec] of Object.entries(CODECS)) {
    let compressed = 0;
    const ms = cpuMs(() => {
      compressed = 0;
      for (const bytes of files.values()) compressed += codec(bytes).length;
    }, 1);
    console.log(`  ${name.padEnd(9)} ${kb(compressed)} KB, ${ms} ms of CPU for the whole index`);
  }

  // A reader's first query: the files the search page's own code reads.
  console.log("\na first query (the archive bench's queries), compressed per answer on the fly:");
  for (const query of ['xay dung dang', 'huyện nam giang', 'huyen nam giang', 'da']) {
    const read = new Map<string, Buffer>();
    await new ArchiveSearch(async (file) => {
      const bytes = files.get(file)!;
      read.set(file, bytes);
      return JSON.parse(bytes.toString('utf8')) as unknown;
    }).search(query);
    const cells = (Object.keys(CODECS) as Codec[]).map((name) => {
      let size = 0;
      const ms = cpuMs(() => {
        size = 0;
        for (const bytes of read.values()) size += CODECS[name](bytes).length;
      });
      return `${name} ${kb(size)} KB in ${ms} ms`;
    });
    console.log(
      `  "${query}": ${read.size} files, ${kb(sum(read.values()))} KB; ${cells.join('; ')}`,
    );
  }

  // An article page's body as HTML: a lower bound for a page (no header, lists or comments).
  const pages = articles.slice(0, 200).map((a) => Buffer.from(renderMarkdown(a.body)));
  const pageBytes = sum(pages) / pages.length;
  console.log(`\nan article body as HTML (${kb(pageBytes)} KB on average), compressed:`);
  const perPage: Record<string, number> = {};
  for (const [name, codec] of Object.entries(CODECS)) {
    let size = 0;
    const ms = cpuMs(() => {
      size = 0;
      for (const page of pages) size += codec(page).length;
    });
    perPage[name] = ms / pages.length;
    console.log(
      `  ${name.padEnd(9)} ${kb(size / pages.length)} KB, ${Math.round((ms / pages.length) * 1000)} µs a page`,
    );
  }

  // A publish: one new article, the index patched as the build patches it.
  const update = await updateSearchIndex(
    {
      fingerprints: articleFingerprints(articles),
      files: [...files.keys()],
      read: async (file) => files.get(file)!.toString('utf8'),
    },
    [{ ...article(count + 1), publicationTime: new Date().toISOString() }, ...articles],
    CATEGORIES,
  );
  if (!update) throw new Error('the index could not be patched');
  const written = [...update.files.values()].map((text) => Buffer.from(text));
  console.log(
    `\na publish: ${written.length} index files written (${kb(sum(written))} KB), ${update.kept.length} kept`,
  );
  const compressWritten = {
    fast: cpuMs(() => written.forEach((b) => (CODECS['gzip 6'](b), CODECS['brotli 4'](b)))),
    best: cpuMs(() => written.forEach((b) => (CODECS['gzip 9'](b), CODECS['brotli 11'](b)))),
  };

  // Hard links: what a publish does for each kept file, once per sibling.
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'toasoan-bench-compression-'));
  let linkUs: number;
  try {
    const from = path.join(scratch, 'base');
    await mkdir(path.join(from, 'terms'), { recursive: true });
    const kept = update.kept.map((file, i) => path.join(from, 'terms', `${i}.json`));
    for (const file of kept) await writeFile(file, 'x');
    const to = path.join(scratch, 'next', 'terms');
    await mkdir(to, { recursive: true });
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    for (const [i, file] of kept.entries()) await link(file, path.join(to, `${i}.json.gz`));
    const cpu = process.cpuUsage(cpuBefore);
    const wall = performance.now() - started;
    linkUs = (Math.max(wall * 1000, cpu.user + cpu.system) / kept.length) | 0;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const linksMs = (files: number) => Math.round((files * linkUs * 2) / 1000);
  const pagesMs = (codecs: Codec[]) =>
    Math.round(pagesRendered * codecs.reduce((total, name) => total + perPage[name]!, 0));
  console.log(
    [
      `\nprecompressed siblings (.gz and .br), what a publish adds:`,
      `  compress the ${written.length} index files written: ${compressWritten.fast} ms (gzip 6 + brotli 4), ${compressWritten.best} ms (gzip 9 + brotli 11)`,
      `  compress the ${pagesRendered} pages rendered (bodies only): ${pagesMs(['gzip 6', 'brotli 4'])} ms (gzip 6 + brotli 4), ${pagesMs(['gzip 9', 'brotli 11'])} ms (gzip 9 + brotli 11)`,
      `  link the siblings of the ${update.kept.length} index files kept (${linkUs} µs a link): ${linksMs(update.kept.length)} ms`,
      `  link the siblings of the ${pagesKept} pages kept: ${linksMs(pagesKept)} ms`,
      `on the fly: nothing at publish; each answer's compression as above, per reader's request`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(`bench:compression failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
