import { rename } from 'node:fs/promises';

/**
 * Writes a file under a temporary name beside it first, then renames it into place: a concurrent
 * build or reader sees the old file or the new one, never half of one.
 */
export async function writeAtomically(
  file: string,
  write: (partial: string) => Promise<unknown>,
): Promise<void> {
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await write(partial);
  await rename(partial, file);
}
