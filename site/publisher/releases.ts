import { randomBytes } from 'node:crypto';
import {
  mkdir,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import type { BuildReasons } from './build-queue';
import type { BuildStats } from '../src/lib/incremental/release-files';
import type { ContentSnapshot } from './content-source';

/** What is known of a finished, validated release; stored as `<releases>/<id>.json`. */
export interface ReleaseInfo {
  id: string;
  /** When its build started: the content is at least as new as the CMS was then. */
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  pages: number;
  /** Article pages (`/<category>/<slug>-<number>.html`) among them. */
  articlePages: number;
  reasons: BuildReasons;
  /** The CMS as it was when the build started; null when the build did not ask it. */
  content: ContentSnapshot | null;
  /** When the last full build (this one or its base) started; missing in older releases. */
  lastFullAt?: string;
  /** What the build wrote about itself (`.release/build.json`); null for a custom build command. */
  build?: BuildStats | null;
}

/** Written by a rollback, removed by the next publish: the live release is older on purpose. */
export interface RollbackMarker {
  from: string | null;
  to: string;
  at: string;
}

export class ReleaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReleaseError';
  }
}

const RELEASE_ID = /^\d{8}-\d{6}-\d{3}(?:-\d+)?$/;
const CURRENT = 'current';
const ROLLBACK_MARKER = 'rollback.json';
const TEMP_PREFIX = '.tmp-';

export const isReleaseId = (name: string) => RELEASE_ID.test(name);

/** Ids sort by time: `20250102-030405-678`, then `…-678-2`, `…-678-3` for the same millisecond. */
function compareIds(a: string, b: string): number {
  const base = (id: string) => id.slice(0, 19);
  const suffix = (id: string) => (id.length > 19 ? Number(id.slice(20)) : 1);
  if (base(a) !== base(b)) return base(a) < base(b) ? -1 : 1;
  return suffix(a) - suffix(b);
}

function idFromTime(date: Date): string {
  // 2025-01-02T03:04:05.678Z → 20250102-030405-678
  const iso = date.toISOString();
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-${iso.slice(20, 23)}`;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Writes a file whole or not at all: readers never see half of it. */
async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temporary = path.join(
    path.dirname(file),
    `${TEMP_PREFIX}${randomBytes(6).toString('hex')}`,
  );
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/** The releases folder: `<id>/`, `<id>.json` once complete and valid, `current` → the live one. */
export class ReleaseStore {
  readonly dir: string;
  readonly keep: number;

  constructor(dir: string, keep: number) {
    this.dir = dir;
    this.keep = keep;
  }

  releaseDir(id: string): string {
    return path.join(this.dir, id);
  }

  #infoFile(id: string): string {
    return path.join(this.dir, `${id}.json`);
  }

  /** At start-up, lock held: removes crash leftovers, points `current` at a complete release. */
  async prepare(): Promise<{ removed: string[] }> {
    await mkdir(this.dir, { recursive: true });
    const removed: string[] = [];
    const entries = await readdir(this.dir, { withFileTypes: true });
    const complete = new Set((await this.list()).map((release) => release.id));
    for (const entry of entries) {
      const name = entry.name;
      const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : name;
      const stray =
        name.startsWith(TEMP_PREFIX) ||
        (isReleaseId(name) && !complete.has(name)) ||
        (name.endsWith('.json') && isReleaseId(id) && !complete.has(id));
      if (stray) {
        await rm(path.join(this.dir, name), { recursive: true, force: true });
        removed.push(name);
      }
    }
    const releases = [...complete].sort(compareIds);
    const newest = releases.at(-1);
    const live = await this.liveId();
    const marker = await this.rollbackMarker();
    if (live && complete.has(live)) {
      // A crash between "release complete" and "switch" leaves the newest one unswitched.
      if (!marker && newest && newest !== live) await this.#point(newest);
    } else if (newest) {
      await this.#point(newest);
    } else {
      // Nothing complete to point at: no link beats a dangling one.
      await rm(path.join(this.dir, CURRENT), { force: true });
    }
    return { removed };
  }

  async list(): Promise<ReleaseInfo[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
    const ids = names.filter(isReleaseId).sort(compareIds);
    const releases: ReleaseInfo[] = [];
    for (const id of ids) {
      const info = await this.info(id);
      if (info) releases.push(info);
    }
    return releases;
  }

  async info(id: string): Promise<ReleaseInfo | undefined> {
    if (!isReleaseId(id)) return undefined;
    try {
      return JSON.parse(await readFile(this.#infoFile(id), 'utf8')) as ReleaseInfo;
    } catch (error) {
      if (isMissing(error) || error instanceof SyntaxError) return undefined;
      throw error;
    }
  }

  /** The id `current` points at, read from the link itself (another process may switch it). */
  async liveId(): Promise<string | undefined> {
    try {
      const target = path.basename(await readlink(path.join(this.dir, CURRENT)));
      return isReleaseId(target) ? target : undefined;
    } catch (error) {
      if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'EINVAL') return undefined;
      throw error;
    }
  }

  async live(): Promise<ReleaseInfo | undefined> {
    const id = await this.liveId();
    return id ? this.info(id) : undefined;
  }

  async rollbackMarker(): Promise<RollbackMarker | undefined> {
    try {
      return JSON.parse(
        await readFile(path.join(this.dir, ROLLBACK_MARKER), 'utf8'),
      ) as RollbackMarker;
    } catch (error) {
      if (isMissing(error) || error instanceof SyntaxError) return undefined;
      throw error;
    }
  }

  /** Creates the empty folder of a new release, with an id that sorts after every earlier one. */
  async create(now = new Date()): Promise<{ id: string; dir: string }> {
    await mkdir(this.dir, { recursive: true });
    const base = idFromTime(now);
    for (let suffix = 1; ; suffix++) {
      const id = suffix === 1 ? base : `${base}-${suffix}`;
      try {
        // Not recursive: fails when the id is taken, so two builds never share a folder.
        await mkdir(this.releaseDir(id));
        return { id, dir: this.releaseDir(id) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  }

  /** Marks a built and validated release complete. It is not live until `publish`. */
  async complete(info: ReleaseInfo): Promise<void> {
    await writeFileAtomic(this.#infoFile(info.id), `${JSON.stringify(info, null, 2)}\n`);
  }

  /** Makes a complete release live and ends any rollback; `prune` removes the old ones. */
  async publish(id: string): Promise<void> {
    await this.#requireComplete(id);
    await this.#point(id);
    await rm(path.join(this.dir, ROLLBACK_MARKER), { force: true });
  }

  /** Makes an older release live (the one before, or `to`) until the next publish. */
  async rollback(to?: string): Promise<RollbackMarker> {
    const releases = await this.list();
    const live = await this.liveId();
    let target: string | undefined;
    if (to !== undefined) {
      target = releases.find((release) => release.id === to)?.id;
      if (!target) {
        throw new ReleaseError(
          `There is no complete release "${to}" in ${this.dir}; the kept ones are: ` +
            `${releases.map((release) => release.id).join(', ') || 'none'}.`,
        );
      }
    } else {
      const index = releases.findIndex((release) => release.id === live);
      target = index > 0 ? releases[index - 1]!.id : undefined;
      if (!target) {
        throw new ReleaseError(
          live
            ? `Release ${live} is the oldest one kept in ${this.dir}: there is nothing earlier to roll back to.`
            : `No release is live in ${this.dir}, so there is nothing to roll back from.`,
        );
      }
    }
    const marker: RollbackMarker = { from: live ?? null, to: target, at: new Date().toISOString() };
    await writeFileAtomic(
      path.join(this.dir, ROLLBACK_MARKER),
      `${JSON.stringify(marker, null, 2)}\n`,
    );
    await this.#point(target);
    return marker;
  }

  /** Removes a release that failed or was killed, whatever state it is in. */
  async discard(id: string): Promise<void> {
    if (!isReleaseId(id)) return;
    // The metadata first: a folder without it is "incomplete" to every reader from then on.
    await rm(this.#infoFile(id), { force: true });
    await rm(this.releaseDir(id), { recursive: true, force: true });
  }

  /** Removes complete releases beyond the newest `keep`, never the live one. */
  async prune(): Promise<string[]> {
    const releases = await this.list();
    const live = await this.liveId();
    const old = releases
      .slice(0, Math.max(0, releases.length - this.keep))
      .filter((release) => release.id !== live);
    for (const release of old) await this.discard(release.id);
    return old.map((release) => release.id);
  }

  async #requireComplete(id: string): Promise<void> {
    if (!(await this.info(id)))
      throw new ReleaseError(`Release ${id} is not complete in ${this.dir}.`);
  }

  /** Points `current` at a release: a new symlink under a temp name, renamed over the old one. */
  async #point(id: string): Promise<void> {
    const temporary = path.join(this.dir, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}`);
    // Relative, so the folder can be moved or mounted elsewhere as a whole.
    await symlink(id, temporary, 'dir');
    try {
      await rename(temporary, path.join(this.dir, CURRENT));
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}
