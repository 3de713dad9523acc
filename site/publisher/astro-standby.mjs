/**
 * One `astro build`, in a process started before it is needed (see astro-build.ts): it loads
 * Astro right away, while nobody waits (about 2 s of the build on a 2-core machine), then reads
 * its job from stdin, one line of JSON `{ "root", "cwd", "outDir" }`, builds like the CLI's
 * `astro build --root <root> --outDir <outDir>` run in `cwd`, and exits: one process per build.
 *
 * Plain JavaScript rather than TypeScript through tsx, since tsx's loader would stay hooked into
 * every module the build loads.
 */
const { build } = await import('astro');

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
        resolve(JSON.parse(text.slice(0, end)));
      } catch (error) {
        reject(error);
      }
    });
    process.stdin.on('end', () => resolve(undefined));
  });
}

const job = await readJob();
if (!job) process.exit(0);

// Astro writes a build's server chunks to `<cwd>/.astro/` when outDir lies outside the working
// directory, then copies what is left to outDir and deletes that folder: a private working
// directory keeps concurrent builds of the same site apart.
process.chdir(job.cwd);
try {
  await build({ root: job.root, outDir: job.outDir });
  process.exit(0);
} catch (error) {
  const hint = error?.hint ? `\n  Hint: ${error.hint}` : '';
  // An error made for readers (a SiteDataError from the Strapi integration) has no stack.
  console.error(`${error?.stack || error?.message || error}${hint}`);
  process.exit(1);
}
