import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CMS_DIR, ROOT_DIR, shortPath } from '../../../scripts/lib/paths';

/** Where `strapi build` writes the admin panel, and where a CMS started from cms/dist serves it. */
export const ADMIN_BUILD_DIR = path.join(CMS_DIR, 'dist', 'build');

// Inside the build folder: `strapi build` empties it first, so any other build (npm start's
// `npm run build -w cms`) drops the stamp and the next test run builds again.
const STAMP_FILE = path.join(ADMIN_BUILD_DIR, '.toasoan-inputs.json');

/**
 * What the admin bundle is made of: our admin code, the packages (package-lock), the config the
 * build reads (admin path, plugins) and @toasoan/shared, which the admin code imports.
 */
const INPUTS = [
  'cms/src/admin',
  'cms/config',
  'cms/package.json',
  'shared/src',
  'package-lock.json',
];

/** A hash of every input file's path and bytes, in a stable order. */
export async function adminInputsHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of await listFiles(path.join(ROOT_DIR, input))) {
      hash.update(path.relative(ROOT_DIR, file)).update('\0');
      hash.update(await readFile(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

async function listFiles(target: string): Promise<string[]> {
  if (!existsSync(target)) return [];
  const entries = await readdir(target, { withFileTypes: true, recursive: true }).catch(() => null);
  if (!entries) return [target]; // a file
  return entries
    .filter((entry) => entry.isFile() && !/\.test\.[cm]?tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

export interface AdminBuildResult {
  /** false: the build in cms/dist/build already matched the inputs. */
  built: boolean;
  /** How long `strapi build` took (0 when nothing was built). */
  seconds: number;
  hash: string;
}

let pending: Promise<AdminBuildResult> | undefined;

/**
 * Builds the admin panel (`strapi build` → cms/dist/build) unless the build there was made from
 * the same inputs. Once per process; the stamp makes it once per change across runs.
 * `strapi build` also compiles the server code into cms/dist, as `npm run compile -w cms` does.
 */
export function ensureAdminBuild(
  log: (line: string) => void = console.log,
): Promise<AdminBuildResult> {
  pending ??= buildIfStale(log).catch((error) => {
    pending = undefined;
    throw error;
  });
  return pending;
}

async function buildIfStale(log: (line: string) => void): Promise<AdminBuildResult> {
  const hash = await adminInputsHash();
  const stamp = await readFile(STAMP_FILE, 'utf8')
    .then((text) => JSON.parse(text) as { hash?: string })
    .catch(() => null);
  if (stamp?.hash === hash && existsSync(path.join(ADMIN_BUILD_DIR, 'index.html'))) {
    return { built: false, seconds: 0, hash };
  }

  log(`[admin-build] the admin's inputs changed: strapi build → ${shortPath(ADMIN_BUILD_DIR)}`);
  const started = performance.now();
  await runStrapiBuild();
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  await writeFile(
    STAMP_FILE,
    JSON.stringify({ hash, seconds, builtAt: new Date().toISOString() }, null, 2),
  );
  log(`[admin-build] built in ${seconds} s`);
  return { built: true, seconds, hash };
}

function runStrapiBuild(): Promise<void> {
  const cli = path.join(ROOT_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'build', '--silent'], {
      cwd: CMS_DIR,
      // The bundle reaches the API on its own origin: no URL or secret of any CMS is baked in.
      env: { ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`strapi build exited with ${code}:\n${output.slice(-4000)}`));
    });
  });
}
