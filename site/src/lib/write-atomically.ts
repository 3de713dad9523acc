import { rename } from 'node:fs/promises';

/** A concurrent build or reader sees the old file or the new one, never half of one. */
export async function writeAtomically(
  file: string,
  write: (partial: string) => Promise<unknown>,
): Promise<void> {
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await write(partial);
  await rename(partial, file);
}
