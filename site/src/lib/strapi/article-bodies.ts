import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

// Article bodies live in files of their own, one per version, so a build holds only the bodies of
// the pages it is rendering, and an incremental build reuses the bodies of unchanged articles.
// A version's file is never rewritten: the name changes with `updatedAt`.

/** What names a body's version. */
export interface BodyVersion {
  documentId: string;
  updatedAt: string;
}

export const bodiesDir = (cacheDir: string) => path.join(cacheDir, 'bodies');

/** `a1b2c3@20261101T010000000Z.md`: documentIds are URL-safe already. */
export const bodyFileName = ({ documentId, updatedAt }: BodyVersion) =>
  `${documentId}@${updatedAt.replace(/[^0-9TZ]/g, '')}.md`;

export async function writeArticleBody(
  cacheDir: string,
  version: BodyVersion,
  body: string,
): Promise<void> {
  const file = path.join(bodiesDir(cacheDir), bodyFileName(version));
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, body);
  await rename(partial, file);
}

export const readArticleBody = (cacheDir: string, version: BodyVersion) =>
  readFile(path.join(bodiesDir(cacheDir), bodyFileName(version)), 'utf8');

/** The names of the bodies in the cache: one listing instead of a stat per article. */
export async function cachedBodies(cacheDir: string): Promise<Set<string>> {
  return new Set(await readdir(bodiesDir(cacheDir)).catch(() => []));
}

/**
 * Removes the bodies no article of `current` is at any more (earlier versions, unpublished
 * articles). A later build that needs one of them (after a rollback) fetches it again.
 */
export async function pruneBodies(
  cacheDir: string,
  current: readonly BodyVersion[],
): Promise<number> {
  const keep = new Set(current.map(bodyFileName));
  const stale = [...(await cachedBodies(cacheDir))].filter((name) => !keep.has(name));
  await Promise.all(stale.map((name) => rm(path.join(bodiesDir(cacheDir), name), { force: true })));
  return stale.length;
}
