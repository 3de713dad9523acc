import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inject, vi } from 'vitest';
import { astroCli, siteRoot } from './paths';
import { runProcess, startProcess, stopProcess } from './processes';

export interface SiteBuild {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The built site (in the run's scratch folder, not site/dist). */
  outDir: string;
  /** Where this build kept its CMS data and Astro cache. */
  cacheDir: string;
}

/** The environment of a build: the given CMS, a private cache, and no telemetry. */
export function buildEnvironment(
  strapiUrl: string,
  token: string,
  cacheDir: string,
  base = '',
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    STRAPI_URL: strapiUrl,
    // Set even when empty: loadEnvFile never overrides a variable that exists, so a
    // developer's site/.env cannot hand the build another token (or base release).
    STRAPI_TOKEN: token,
    SITE_CACHE_DIR: cacheDir,
    SITE_BASE_RELEASE: base,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  delete env.NODE_ENV;
  return env;
}

/**
 * Runs the real `astro build` in site/ against a CMS, into a new folder of the run's scratch
 * folder. Builds given the same `cacheDir` share the fetched data, Astro's cache and the
 * converted pictures, as a publisher's builds do; by default each build has its own. With
 * `base` (an earlier build's outDir), the build is incremental from it, as the publisher's are.
 */
export async function buildSite(
  strapiUrl: string,
  token: string,
  options: { cacheDir?: string; base?: string } = {},
): Promise<SiteBuild> {
  const workDir = await mkdtemp(path.join(inject('scratchDir'), 'build-'));
  const outDir = path.join(workDir, 'dist');
  const cacheDir = options.cacheDir ?? path.join(workDir, 'cache');
  const cwd = await privateWorkingDir();
  try {
    const result = await runProcess(
      process.execPath,
      [astroCli, 'build', '--root', siteRoot, '--outDir', outDir],
      { cwd, env: buildEnvironment(strapiUrl, token, cacheDir, options.base) },
    );
    return { ...result, outDir, cacheDir };
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

/**
 * A working directory of its own for one build, as the publisher gives its builds
 * (publisher/astro-build.ts): Astro keeps a build's server chunks in `<cwd>/.astro/` and deletes
 * that folder at the end, so builds run from site/ would delete each other's (test files run in
 * parallel). Under site/, where the chunks find site/node_modules; the .d.ts keeps Astro from
 * deleting the folder before it lists it.
 */
const TEST_BUILDS_DIR = path.join(siteRoot, '.cache', 'test-builds');

async function privateWorkingDir(): Promise<string> {
  const root = TEST_BUILDS_DIR;
  await mkdir(root, { recursive: true });
  const cwd = await mkdtemp(path.join(root, `${process.pid}-`));
  await mkdir(path.join(cwd, '.astro'));
  await writeFile(path.join(cwd, '.astro', 'test-build.d.ts'), 'export {};\n');
  return cwd;
}

/**
 * A PUBLISHER_BUILD_COMMAND for a publisher whose builds are plain `astro build`s, each in a
 * working directory of its own (as above): no processes bundled ahead of time, so no spare
 * bundles (about 15 s of CPU each) for a file whose subject is not how builds start.
 * `stderrFile` collects what the builds print on stderr (Astro's warnings and errors).
 */
export function plainBuildCommand(stderrFile?: string): string {
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  return [
    `mkdir -p ${quote(TEST_BUILDS_DIR)}`,
    `cwd=$(mktemp -d ${quote(path.join(TEST_BUILDS_DIR, 'publisher-XXXXXX'))})`,
    `mkdir "$cwd/.astro" && echo 'export {};' > "$cwd/.astro/test-build.d.ts"`,
    `cd "$cwd" && ${quote(process.execPath)} ${quote(astroCli)} build --root ${quote(siteRoot)} --outDir "$PUBLISH_OUT_DIR"${stderrFile ? ` 2>>${quote(stderrFile)}` : ''}`,
    // The shell waits for the build (a signal to the group stops both) and keeps its exit code.
    'code=$?; rm -rf "$cwd"; exit $code',
  ].join('\n');
}

/** Serves a built site with `astro preview` and returns what a GET of `urlPath` answers. */
export async function fetchFromPreview(
  build: SiteBuild,
  port: number,
  urlPath: string,
): Promise<{ status: number; body: string }> {
  const preview = startProcess(
    process.execPath,
    [astroCli, 'preview', '--outDir', build.outDir, '--host', '127.0.0.1', '--port', String(port)],
    { cwd: siteRoot, env: buildEnvironment('http://127.0.0.1:9', '', build.cacheDir) },
  );
  try {
    return await vi
      .waitFor(
        async () => {
          const response = await fetch(`http://127.0.0.1:${port}${urlPath}`);
          return { status: response.status, body: await response.text() };
        },
        { timeout: 30_000, interval: 200 },
      )
      .catch(() => {
        throw new Error(
          `astro preview did not answer on port ${port}:\n${preview.output().stderr}`,
        );
      });
  } finally {
    await stopProcess(preview);
  }
}

/** Every .html file of a build, as paths relative to its root with forward slashes. */
export async function listHtmlFiles(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) =>
      path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
}

export const readBuiltFile = (build: SiteBuild, relativePath: string) =>
  readFile(path.join(build.outDir, relativePath), 'utf8');

/** A line of a JavaScript stack trace, which a user-facing error must not print. */
export const STACK_TRACE_LINE = /^\s{4}at /m;
