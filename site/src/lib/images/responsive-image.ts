import { readSiteConfig } from '../config';
import { absoluteUrl } from '../urls';
import { imageKey, variantPath } from './image-names';
import { imagesCacheDir, readPreparedImage, type PreparedImage } from './prepared-image';

/** The attributes of an <img> that shows a prepared image at the right size for the screen. */
export interface ResponsiveImage {
  src: string;
  srcset: string;
  width: number;
  height: number;
}

/**
 * `sizes` for each place an image is shown, from the layout in global.css: the article column is
 * at most 42rem inside 1rem of padding; the lead story takes 3/5 of the 64rem page beside the
 * latest news from 48rem up; the author photo is 6rem.
 */
export const IMAGE_SIZES = {
  articleColumn: '(min-width: 44rem) 42rem, calc(100vw - 2rem)',
  leadStory: '(min-width: 64rem) 36rem, (min-width: 48rem) 58vw, calc(100vw - 2rem)',
  authorPhoto: '6rem',
} as const;

// The fallback `src` for browsers without srcset: a width that looks right in the column.
const FALLBACK_WIDTH = 960;

/** The <img> attributes of a prepared image. */
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

/**
 * The optimized image of a CMS file (by its absolute URL), prepared before the pages render by
 * the images integration; undefined when it could not be loaded, and the page goes without it
 * (the integration has already warned about it, naming the article).
 */
export function preparedImage(absoluteUrl: string): Promise<PreparedImage | undefined> {
  let lookup = lookups.get(absoluteUrl);
  if (!lookup) {
    lookup = readPreparedImage(imagesCacheDir(readSiteConfig().cacheDir), imageKey(absoluteUrl));
    lookups.set(absoluteUrl, lookup);
  }
  return lookup;
}

/** preparedImage as <img> attributes. */
export async function responsiveImage(absoluteUrl: string): Promise<ResponsiveImage | undefined> {
  const image = await preparedImage(absoluteUrl);
  return image && toResponsiveImage(image);
}

/**
 * The public URL of an image's largest variant on the site, for og:image and JSON-LD, which need
 * one absolute URL (the CMS may not be reachable from the web); undefined when unavailable.
 */
export async function shareImageUrl(
  absoluteMediaUrl: string,
  siteUrl: string,
): Promise<string | undefined> {
  const image = await preparedImage(absoluteMediaUrl);
  const largest = image?.variants[image.variants.length - 1];
  return largest && absoluteUrl(variantPath(largest.file), siteUrl);
}
