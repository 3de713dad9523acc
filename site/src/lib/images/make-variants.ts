import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Metadata, default as Sharp } from 'sharp';
import { writeAtomically } from '../write-atomically';
import { ImageUnavailableError } from './fetch-original';
import { imageKey, variantFileName, variantWidths, VARIANT_QUALITY } from './image-names';
import { descriptionFile, type ImageVariant, type PreparedImage } from './prepared-image';

let sharpModule: typeof Sharp | undefined;

// On the first conversion (a warm build never loads it), and by require: Astro's config loader
// has closed its Vite module runner by the time the images are prepared.
function loadSharp(): typeof Sharp {
  sharpModule ??= createRequire(import.meta.url)('sharp') as typeof Sharp;
  return sharpModule;
}

/** Phone photos are turned upright first (EXIF orientation); animated GIFs stay animated. */
export async function makeVariants(
  url: string,
  original: Buffer,
  imagesDir: string,
): Promise<PreparedImage> {
  const sharp = loadSharp();
  let metadata: Metadata;
  try {
    metadata = await sharp(original).metadata();
  } catch (cause) {
    throw new ImageUnavailableError(`${url} is not an image sharp can read`, { cause });
  }
  // The size once turned upright: orientations 5 to 8 swap width and height.
  const { width, height } = metadata.autoOrient;
  if (!width || !height) throw new ImageUnavailableError(`${url} has no width or height`);

  const key = imageKey(url);
  const source = sharp(original, { animated: true }).autoOrient();
  const variants: ImageVariant[] = [];
  try {
    for (const variantWidth of variantWidths(width)) {
      const file = variantFileName(key, variantWidth);
      await writeAtomically(path.join(imagesDir, file), (partial) =>
        source
          .clone()
          .resize({ width: variantWidth, withoutEnlargement: true })
          .webp({ quality: VARIANT_QUALITY })
          .toFile(partial),
      );
      variants.push({
        width: variantWidth,
        height: Math.max(1, Math.round((height * variantWidth) / width)),
        file,
      });
    }
  } catch (cause) {
    throw new ImageUnavailableError(`${url} could not be converted`, { cause });
  }
  const largest = variants[variants.length - 1]!;
  const prepared: PreparedImage = {
    url,
    width: largest.width,
    height: largest.height,
    variants,
  };
  await writeAtomically(descriptionFile(imagesDir, key), (partial) =>
    writeFile(partial, JSON.stringify(prepared)),
  );
  return prepared;
}
