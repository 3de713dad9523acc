import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { placeFile } from './place-file.mjs';

/** A page the build did not render whose file the release it starts from does not have. */
export class MissingBasePageError extends Error {
  constructor(file: string, baseDir: string, options?: { cause?: unknown }) {
    super(
      `The release ${baseDir} has no ${file} although its pages.json lists it: build in full ` +
        `(npm run build:release -w site -- --full).`,
      options,
    );
    this.name = 'MissingBasePageError';
  }
}

/** Pages no route lists any more (an unpublished article) are simply not brought over. */
export async function bringOverPages(
  files: string[],
  baseDir: string,
  outDir: string,
): Promise<void> {
  for (const folder of new Set(files.map((file) => path.dirname(path.join(outDir, file))))) {
    mkdirSync(folder, { recursive: true });
  }
  for (const file of files) {
    try {
      placeFile(path.join(baseDir, file), path.join(outDir, file));
    } catch (cause) {
      throw new MissingBasePageError(file, baseDir, { cause });
    }
  }
}
