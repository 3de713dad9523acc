import { mkdir } from 'node:fs/promises';
import { forEachLimited } from '../for-each-limited';
import { fetchOriginal, ImageUnavailableError } from './fetch-original';
import { imageKey } from './image-names';
import { makeVariants } from './make-variants';
import { readPreparedImage, type PreparedImage } from './prepared-image';

export interface UnavailableImage {
  url: string;
  reason: string;
}

export interface PreparedImages {
  ready: PreparedImage[];
  /** How many of `ready` were made by this call (the others came from the cache). */
  made: number;
  unavailable: UnavailableImage[];
}

// Conversions two at a time, for the build machines' two cores (libvips sized its thread pool at
// one on them). Reading the cache is light file I/O: many reads at once.
const CONVERSIONS_AT_ONCE = 2;
const CACHE_READS_AT_ONCE = 32;

/** A missing or unreadable image is reported, not thrown: a bad upload must not stop a publish. */
export async function prepareImages(urls: string[], imagesDir: string): Promise<PreparedImages> {
  await mkdir(imagesDir, { recursive: true });
  const result: PreparedImages = { ready: [], made: 0, unavailable: [] };
  const missing: string[] = [];
  await forEachLimited(urls, CACHE_READS_AT_ONCE, async (url) => {
    const cached = await readPreparedImage(imagesDir, imageKey(url));
    if (cached) result.ready.push(cached);
    else missing.push(url);
  });
  await forEachLimited(missing, CONVERSIONS_AT_ONCE, async (url) => {
    try {
      result.ready.push(await makeVariants(url, await fetchOriginal(url), imagesDir));
      result.made++;
    } catch (error) {
      if (!(error instanceof ImageUnavailableError)) throw error;
      const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
      result.unavailable.push({ url, reason: `${error.message}${cause}` });
    }
  });
  return result;
}
