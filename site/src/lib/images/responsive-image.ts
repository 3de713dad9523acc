import { readSiteConfig } from '../config';
import { absoluteUrl } from '../urls';
import { imageKey, variantPath } from './image-names';
import { imagesCacheDir, readPreparedImage, type PreparedImage } from './prepared-image';

export interface ResponsiveImage {
  src: string;
  srcset: string;
  width: number;
  height: number;
}

/** From global.css: a 42rem column in 1rem padding; the lead story 3/5 of 64rem from 48rem up. */
export const IMAGE_SIZES = {
  articleColumn: '(min-width: 44rem) 42rem, calc(100vw - 2rem)',
  leadStory: '(min-width: 64rem) 36rem, (min-width: 48rem) 58vw, calc(100vw - 2rem)',
  authorPhoto: '6rem',
} as const;

// The fallback `src` for browsers without srcset: a width that looks right in the column.
const FALLBACK_WIDTH = 960;

export function toResponsiveImage(image: PreparedImage): ResponsiveImage {
  const fallback =
    image.variants.filter((variant) => variant.width <= FALLBACK_WIDTH).pop() ?? image.variants[0]!;
  return {
    src: variantPath(fallback.file),
    srcset: image.variants.map((v) => `${variantPath(v.file)} ${v.width}w`).join(', '),
    width: image.width,
    height: image.height,
  };
}

// One read of each description per build process: a cover is shown on many pages.
const lookups = new Map<string, Promise<PreparedImage | undefined>>();

/** Undefined when it could not be loaded (the integration warned): the page goes without. */
export function preparedImage(absoluteUrl: string): Promise<PreparedImage | undefined> {
  let lookup = lookups.get(absoluteUrl);
  if (!lookup) {
    lookup = readPreparedImage(imagesCacheDir(readSiteConfig().cacheDir), imageKey(absoluteUrl));
    lookups.set(absoluteUrl, lookup);
  }
  return lookup;
}

export async function responsiveImage(absoluteUrl: string): Promise<ResponsiveImage | undefined> {
  const image = await preparedImage(absoluteUrl);
  return image && toResponsiveImage(image);
}

/** The largest variant on the site, for og:image and JSON-LD: the CMS may not be public. */
export async function shareImageUrl(
  absoluteMediaUrl: string,
  siteUrl: string,
): Promise<string | undefined> {
  const image = await preparedImage(absoluteMediaUrl);
  const largest = image?.variants[image.variants.length - 1];
  return largest && absoluteUrl(variantPath(largest.file), siteUrl);
}
