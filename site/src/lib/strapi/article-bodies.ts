import { closeSync, openSync, readSync } from 'node:fs';
import { readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { toNfc } from '@toasoan/shared';
import { writeAtomically } from '../write-atomically';

// Article bodies live in pack files of the cache, not in the site's data, so a build holds only
// the bodies of the pages it is rendering and an incremental build reuses the bodies of unchanged
// articles. A pack holds the bodies of one fetch (a page of the export, a publish's articles) as
// the CMS sent them, UTF-8 bytes one after another: one file write per thousand articles instead
// of one per article. A pack is never rewritten; an incremental build removes the ones it no
// longer uses (integration.ts).

/** Where an article's body lies: `length` bytes from `offset` of a pack in the bodies folder. */
export interface BodyLocation {
  pack: string;
  offset: number;
  length: number;
}

export const bodiesDir = (cacheDir: string) => path.join(cacheDir, 'bodies');

let packsWritten = 0;

/** Writes one pack of bodies (atomically: no half packs) and returns where each one lies. */
export async function writeBodyPack(
  cacheDir: string,
  bodies: readonly Uint8Array[],
): Promise<BodyLocation[]> {
  const pack = `${Date.now().toString(36)}-${process.pid}-${++packsWritten}.bodies`;
  const file = path.join(bodiesDir(cacheDir), pack);
  await mkdir(bodiesDir(cacheDir), { recursive: true });
  await writeAtomically(file, (partial) => writeFile(partial, bodies));
  let offset = 0;
  return bodies.map(({ byteLength: length }) => ({
    pack,
    offset: (offset += length) - length,
    length,
  }));
}

/**
 * An article's body, in NFC (the CMS stores NFC; an import or a restore may not have).
 * Synchronous: a few kilobytes from the page cache, read for every article page a build renders,
 * cost a third of the CPU of fs/promises' open, read and close (measured: 0.6 against 2 s for
 * 11,000 bodies).
 */
export async function readArticleBody(cacheDir: string, at: BodyLocation): Promise<string> {
  const file = openSync(path.join(bodiesDir(cacheDir), at.pack), 'r');
  try {
    const bytes = Buffer.allocUnsafe(at.length);
    const bytesRead = readSync(file, bytes, 0, at.length, at.offset);
    if (bytesRead !== at.length) {
      throw new Error(`The body pack ${at.pack} is shorter than its articles say: build again.`);
    }
    return toNfc(bytes.toString('utf8'));
  } finally {
    closeSync(file);
  }
}

/** The packs in the cache: one listing instead of a stat per article. */
export async function cachedPacks(cacheDir: string): Promise<Set<string>> {
  return new Set(await readdir(bodiesDir(cacheDir)).catch(() => []));
}

/**
 * Removes the packs no article of `current` is in any more (and anything else in the folder, such
 * as an older cache's files). A later build that needs one of their bodies (after a rollback)
 * fetches it again. A pack stays whole while one of its articles is current, so edits leave some
 * stale bytes behind until a full fetch writes fresh packs.
 */
export async function pruneBodies(
  cacheDir: string,
  current: ReadonlyArray<{ bodyAt: BodyLocation }>,
): Promise<number> {
  const keep = new Set(current.map((article) => article.bodyAt.pack));
  const stale = [...(await cachedPacks(cacheDir))].filter((name) => !keep.has(name));
  await Promise.all(stale.map((name) => rm(path.join(bodiesDir(cacheDir), name), { force: true })));
  return stale.length;
}
