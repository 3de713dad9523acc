import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { placeFile } from '../incremental/place-file.mjs';
import { IMAGES_FOLDER } from './image-names';
import type { PreparedImage } from './prepared-image';

/** Cached files are never rewritten (a name is one picture for good), so a hard link is safe. */
export async function publishImages(
  images: PreparedImage[],
  imagesDir: string,
  outDir: string,
): Promise<number> {
  const target = path.join(outDir, IMAGES_FOLDER);
  await mkdir(target, { recursive: true });
  const files = [...new Set(images.flatMap((image) => image.variants.map((v) => v.file)))];
  for (const file of files) placeFile(path.join(imagesDir, file), path.join(target, file));
  return files.length;
}
