import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { isAlive } from './process-groups';

const LOCK_FILE = 'publisher.lock';

export class LockedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockedError';
  }
}

/**
 * Makes this process the only one that builds into `releasesDir` (the server, or `npm run
 * publish`): two builders would clean up each other's half-written releases. A lock left by a
 * process that no longer runs is taken over. Rollback needs no lock: it only renames a symlink.
 */
export async function lockReleases(releasesDir: string): Promise<{ release(): Promise<void> }> {
  await mkdir(releasesDir, { recursive: true });
  const file = path.join(releasesDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return { release: () => rm(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
      throw new LockedError(
        `Another publisher (process ${owner}) owns ${releasesDir}: stop it first, or delete ${file} if that process is not a publisher.`,
      );
    }
    await rm(file, { force: true });
  }
  throw new LockedError(`Could not lock ${releasesDir}: delete ${file} and try again.`);
}
