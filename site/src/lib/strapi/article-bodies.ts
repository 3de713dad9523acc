import { closeSync, openSync, readSync } from 'node:fs';
import { readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { toNfc } from '@toasoan/shared';
import { writeAtomically } from '../write-atomically';

// Why bodies live in packs, one per fetch and never rewritten: site/README.md, `src/lib/strapi/`.

/** Where an article's body lies: `length` bytes from `offset` of a pack in the bodies folder. */
export interface BodyLocation {
  pack: string;
  offset: number;
  length: number;
}

export const bodiesDir = (cacheDir: string) => path.join(cacheDir, 'bodies');

let packsWritten = 0;

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

// Synchronous: a third of the CPU of fs/promises for these small reads (0.6 against 2 s for
// 11,000 bodies). NFC again, since an import or a restore may not have stored NFC.
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

/** A pack stays while one of its articles is current; a build after a rollback fetches again. */
export async function pruneBodies(
  cacheDir: string,
  current: ReadonlyArray<{ bodyAt: BodyLocation }>,
): Promise<number> {
  const keep = new Set(current.map((article) => article.bodyAt.pack));
  const stale = [...(await cachedPacks(cacheDir))].filter((name) => !keep.has(name));
  await Promise.all(stale.map((name) => rm(path.join(bodiesDir(cacheDir), name), { force: true })));
  return stale.length;
}
