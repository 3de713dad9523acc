import { createHash } from 'node:crypto';

export const IMAGES_FOLDER = '_images';

/** 192 and 384: the 6rem author photo at 1x and 2x; 384 to 1280: the 42rem column. */
export const VARIANT_WIDTHS = [192, 384, 640, 960, 1280] as const;

/** WebP only: every browser in use reads it, and one format keeps the HTML short (no <picture>). */
export const VARIANT_FORMAT = 'webp';
export const VARIANT_QUALITY = 75;

// Part of every name, so a new encoding makes new files instead of reusing the cached ones.
const TRANSFORM_VERSION = `v1-${VARIANT_FORMAT}-q${VARIANT_QUALITY}`;

/** The upload's readable stem and a hash of its URL, one picture for good (README, "Images"). */
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

export const variantFileName = (key: string, width: number) => `${key}-${width}w.${VARIANT_FORMAT}`;

/** What a variant file name looks like (the dev server serves nothing else from the folder). */
export const VARIANT_FILE_NAME = /^[a-z0-9_-]+-\d+w\.webp$/;

export const variantPath = (file: string) => `/${IMAGES_FOLDER}/${file}`;

/** Never enlarged: a narrower image's own width is its largest. */
export function variantWidths(width: number): number[] {
  const max = VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1]!;
  const below = VARIANT_WIDTHS.filter((w) => w < Math.min(width, max));
  return [...below, Math.min(width, max)];
}
