import { readFile } from 'node:fs/promises';
import path from 'node:path';

export interface ImageVariant {
  width: number;
  height: number;
  /** File name in the cache and under /_images/ of the site. */
  file: string;
}

export interface PreparedImage {
  url: string;
  /** Size of the largest variant: the image's own (upright) size unless wider than 1280 px. */
  width: number;
  height: number;
  /** Narrowest first. */
  variants: ImageVariant[];
}

export const imagesCacheDir = (cacheDir: string) => path.join(cacheDir, 'images');

/** The description of a prepared image; written last, so its presence means the files exist. */
export const descriptionFile = (imagesDir: string, key: string) =>
  path.join(imagesDir, `${key}.json`);

export async function readPreparedImage(
  imagesDir: string,
  key: string,
): Promise<PreparedImage | undefined> {
  try {
    return JSON.parse(await readFile(descriptionFile(imagesDir, key), 'utf8')) as PreparedImage;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
