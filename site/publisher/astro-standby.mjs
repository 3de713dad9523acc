/**
 * One pre-started `astro build` (README "Builds"): bundles, then waits for its job on stdin, one
 * line of JSON `{ outDir, base? }` or `{ partner }`. `node astro-standby.mjs <site root> <tmp out>`.
 * Plain JavaScript: tsx's loader would stay hooked into every module the build loads.
 */
import { rename, rmdir } from 'node:fs/promises';

const [root, scratchOutDir] = process.argv.slice(2);

/** The first line of stdin, or undefined when stdin closes first (the publisher stopped). */
function readJob() {
  return new Promise((resolve, reject) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end === -1) return;
      process.stdin.destroy();
      try {
        const job = JSON.parse(text.slice(0, end));
        // Read by the Strapi integration (src/lib/config.ts), whose set-up waits for the job.
        if (job.base) process.env.SITE_BASE_RELEASE = job.base;
        else delete process.env.SITE_BASE_RELEASE;
        resolve(job);
      } catch (error) {
        reject(error);
      }
    });
    process.stdin.on('end', () => resolve(undefined));
  });
}

const job = readJob();
// Nobody will hand this build a job: the publisher stopped or chose another process.
void job.then(
  (value) => value || process.exit(0),
  () => undefined,
);
let preload;
const preloadListeners = [];
/** The publisher's answers to this build, by kind: the first of each is kept until asked for. */
const answers = { partner: deferred(), partnerExit: deferred() };
process.on('message', (message) => {
  // The live release: the build most likely starts from it, so its data is read ahead.
  if (typeof message?.preload === 'string') {
    preload = message.preload;
    for (const listener of preloadListeners) listener(preload);
  }
  if (message && 'partner' in message) answers.partner.resolve(message.partner ?? undefined);
  if (message?.partnerExit) answers.partnerExit.resolve(message.partnerExit);
});

function deferred() {
  let resolve;
  const promise = new Promise((settle) => (resolve = settle));
  return { promise, resolve };
}

// Read by astro-standby.config.mjs and src/lib/incremental/render-share.ts, in this process.
globalThis[Symbol.for('toasoan.publisher.standby')] = {
  job,
  bundled: () => process.send?.({ state: 'bundled' }),
  onPreload: (listener) => {
    preloadListeners.push(listener);
    if (preload) listener(preload);
  },
  // A full build asks for a second process to render half its pages: its folder, or undefined.
  askForPartner: (request) => {
    process.send?.({ partnerWanted: request });
    return answers.partner.promise;
  },
  partnerExit: () => answers.partnerExit.promise,
};

try {
  const { build } = await import('astro');
  // Astro writes server chunks to `<cwd>/.astro/` and deletes that folder after: a private cwd per
  // process keeps concurrent builds of the site apart.
  await build({ root, outDir: scratchOutDir, configFile: 'publisher/astro-standby.config.mjs' });
  const { outDir } = await job;
  // A partner's pages stay where it rendered them, for its lead to take (render-share.ts).
  if (!outDir) process.exit(0);
  // A rename within the releases folder, over the empty folder the publisher created for the id.
  await rmdir(outDir).catch(() => undefined);
  await rename(scratchOutDir, outDir);
  process.exit(0);
} catch (error) {
  const hint = error?.hint ? `\n  Hint: ${error.hint}` : '';
  // An error made for readers (a SiteDataError from the Strapi integration) has no stack.
  console.error(`${error?.stack || error?.message || error}${hint}`);
  process.exit(1);
}
