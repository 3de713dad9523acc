import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCms, type TestCms } from './helpers/cms';
import { cmsRoot, assertPrerequisitesBuilt } from './helpers/paths';
import { runProcess } from './helpers/processes';
import { CmsAdmin } from './helpers/cms-admin';
import { buildSite, STACK_TRACE_LINE, type SiteBuild } from './helpers/site';

// `npm run backup` of a CMS on SQLite, `npm run restore` of the archive into an empty one, and the
// site built from each. With a postgres:// DATABASE_URL (CI's PostgreSQL pass) the restored CMS
// runs on PostgreSQL: the round trip SQLite → PostgreSQL; without it, SQLite → SQLite.

/** `npm run <script> -w cms -- <args>` without npm, on the CMS whose environment is given. */
const runCmsScript = (script: string, args: string[], env: NodeJS.ProcessEnv) =>
  runProcess(process.execPath, ['--import', 'tsx', path.join('scripts', script), ...args], {
    cwd: cmsRoot,
    env,
  });

/**
 * Every file readers can get from a build, with its bytes, by path relative to its root. The
 * server bundle in .release/ is code, not content: Astro signs it with a key new at each build.
 */
async function readTree(root: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = new Map<string, Buffer>();
  for (const entry of entries.filter((e) => e.isFile())) {
    const file = path.relative(root, path.join(entry.parentPath, entry.name));
    if (!file.startsWith('.release')) files.set(file, await readFile(path.join(root, file)));
  }
  return files;
}

let source: TestCms;
let restored: TestCms | undefined;
let archive: string;
let original: SiteBuild;

beforeAll(async () => {
  assertPrerequisitesBuilt();
  source = await startTestCms([], { database: 'sqlite' });
  // A reader's approved comment, so the comments (and their counts on the pages) travel too.
  const admin = await CmsAdmin.open(source);
  const [article] = await admin.read<{ documentId: string }[]>(
    '/api/articles?fields[0]=title&sort=number:asc&pagination[pageSize]=1',
  );
  await admin.createComment({
    articleDocumentId: article!.documentId,
    name: 'Nguyễn Thị Lan',
    body: 'Bài viết rất hay, cảm ơn tòa soạn.',
    moderation: 'approved',
  });
  original = await buildSite(source.url, source.token);
  expect(original.code, original.stderr).toBe(0);

  const backup = await runCmsScript('backup.ts', ['--out', path.join(original.cacheDir, '..')], {
    ...source.env,
  });
  expect(backup.code, `${backup.stdout}\n${backup.stderr}`).toBe(0);
  archive = /Backup written: (\S+)/.exec(backup.stdout)?.[1] ?? '';
  expect(path.basename(archive)).toMatch(/^toasoan-\d{8}T\d{6}Z\.tar\.gz$/);
}, 600_000);

afterAll(async () => {
  await restored?.stop();
  await source?.stop();
});

describe('npm run restore', () => {
  it('refuses a CMS that holds data, in one sentence, and leaves it as it was', async () => {
    const refused = await runCmsScript('restore.ts', [archive], { ...source.env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^Not restored: this CMS \(sqlite\) already holds data \(34 article/,
    );
    expect(refused.stderr).toContain('--force');
    expect(refused.stderr).not.toMatch(STACK_TRACE_LINE);
    const articles = await fetch(`${source.url}/api/articles?pagination[pageSize]=1`, {
      headers: { Authorization: `Bearer ${source.token}` },
    }).then((response) => response.json() as Promise<{ meta: { pagination: { total: number } } }>);
    expect(articles.meta.pagination.total).toBe(17);
  }, 600_000);

  it('brings the archive back into an empty database: the site is byte for byte the same', async () => {
    // The restored newsroom takes the original's address, as on a new machine: picture names on
    // the site derive from the CMS's absolute URLs.
    await source.halt();
    restored = await startTestCms(null, {
      port: Number(new URL(source.url).port),
      beforeStart: async (env) => {
        const result = await runCmsScript('restore.ts', [archive], env);
        expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
        expect(result.stdout).toContain(
          'Restored 34 article, 7 author, 9 category, 1 comment, 19 file',
        );
      },
    });
    const rebuilt = await buildSite(restored.url, restored.token);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);

    const before = await readTree(original.outDir);
    const after = await readTree(rebuilt.outDir);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const differing = [...before].filter(([file, bytes]) => !bytes.equals(after.get(file)!));
    expect(differing.map(([file]) => file)).toEqual([]);
    expect(before.size).toBeGreaterThan(50);
  }, 600_000);
});
