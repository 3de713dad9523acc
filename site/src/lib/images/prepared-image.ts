import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** One width of an optimized image, as a file of the images cache. */
export interface ImageVariant {
  width: number;
  height: number;
  /** File name in the cache and under /_images/ of the site. */
  file: string;
}

/** An image of the CMS, fetched and turned into its variants: what a page needs to show it. */
export interface PreparedImage {
  /** Its absolute URL in the CMS. */
  url: string;
  /** Size of the largest variant: the image's own (upright) size unless wider than 1280 px. */
  width: number;
  height: number;
  /** Narrowest first. */
  variants: ImageVariant[];
}

/** Where the variants and their descriptions are kept between builds. */
export const imagesCacheDir = (cacheDir: string) => path.join(cacheDir, 'images');

/** The description of a prepared image; written last, so its presence means the files exist. */
export const descriptionFile = (imagesDir: string, key: string) =>
  path.join(imagesDir, `${key}.json`);

/** The prepared image of `key` from the cache, or undefined when it was never made (or failed). */
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
