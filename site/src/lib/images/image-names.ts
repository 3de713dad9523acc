import { createHash } from 'node:crypto';

/** The site folder the optimized images are served from: /_images/<file>. */
export const IMAGES_FOLDER = '_images';

/**
 * Widths made of every image, in pixels, capped at the image's own width. Chosen for the layout:
 * 192 and 384 for the 6rem author photo at 1x and 2x, 384 to 1280 for a column of at most 42rem
 * (672 px) on phones and desktops at 1x and 2x.
 */
export const VARIANT_WIDTHS = [192, 384, 640, 960, 1280] as const;

/** WebP only: every browser in use reads it, and one format keeps the HTML short (no <picture>). */
export const VARIANT_FORMAT = 'webp';
export const VARIANT_QUALITY = 75;

// Part of every name: changing the widths or the encoding then makes new files instead of
// reusing cached ones made the old way.
const TRANSFORM_VERSION = `v1-${VARIANT_FORMAT}-q${VARIANT_QUALITY}`;

/**
 * The name of an image's files, from its absolute URL in the CMS: the readable start of the
 * upload's name (for whoever reads a page's source) and a hash of the URL, which tells files
 * apart. Strapi's upload names end in a random hash and a replaced file gets a new one, so one
 * URL is one picture for good: its files are made once and reused by every later build.
 *
 * @example
 * imageKey('http://127.0.0.1:1337/uploads/cau_rong_d6f15c3732.jpg')
 * //=> 'cau_rong_d6f15c3732-4c7a84918b'
 */
export function imageKey(absoluteUrl: string): string {
  const file = decodeURIComponent(new URL(absoluteUrl).pathname.split('/').pop() ?? '');
  const stem =
    file
      .replace(/\.[^.]*$/, '')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      // đ is a letter of its own, not d with a mark: NFD leaves it whole.
      .replace(/đ/g, 'd')
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'anh';
  const hash = createHash('sha256')
    .update(`${TRANSFORM_VERSION}\n${absoluteUrl}`)
    .digest('hex')
    .slice(0, 10);
  return `${stem}-${hash}`;
}

/** The file of one width of an image. */
export const variantFileName = (key: string, width: number) => `${key}-${width}w.${VARIANT_FORMAT}`;

/** What a variant file name looks like (the dev server serves nothing else from the folder). */
export const VARIANT_FILE_NAME = /^[a-z0-9_-]+-\d+w\.webp$/;

/** Its public path on the site. */
export const variantPath = (file: string) => `/${IMAGES_FOLDER}/${file}`;

/**
 * The widths to make of an image `width` pixels wide: the ones below it, and its own width as
 * the largest when it is narrower than the widest variant (never enlarged).
 *
 * @example
 * variantWidths(1200) //=> [192, 384, 640, 960, 1200]
 * variantWidths(100)  //=> [100]
 */
export function variantWidths(width: number): number[] {
  const max = VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1]!;
  const below = VARIANT_WIDTHS.filter((w) => w < Math.min(width, max));
  return [...below, Math.min(width, max)];
}
