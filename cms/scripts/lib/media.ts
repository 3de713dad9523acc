import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { renderCoverJpeg } from './cover-art';

export interface MediaFile {
  id: number;
  url: string;
}

export interface ImageRequest {
  /** File name in the media library; also the key that makes seeding idempotent. */
  name: string;
  /** Seed of the generated picture. */
  artKey: string;
  alternativeText: string;
  caption?: string;
}

/**
 * Returns the media-library file called `name`, generating and uploading the picture through the
 * upload plugin (so thumbnails and responsive formats are made as for an editor's upload) when no
 * such file exists yet.
 */
export async function ensureImage(strapi: Core.Strapi, request: ImageRequest): Promise<MediaFile> {
  const existing = (await strapi.db
    .query('plugin::upload.file')
    .findOne({ where: { name: request.name }, select: ['id', 'url'] })) as MediaFile | null;
  if (existing) return existing;

  const bytes = await renderCoverJpeg(request.artKey);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'toasoan-seed-'));
  const filepath = path.join(dir, request.name);
  try {
    await writeFile(filepath, bytes);
    const [file] = (await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: {
          fileInfo: {
            name: request.name,
            alternativeText: request.alternativeText,
            caption: request.caption,
          },
        },
        files: {
          filepath,
          originalFilename: request.name,
          mimetype: 'image/jpeg',
          size: bytes.length,
        },
      })) as MediaFile[];
    return file;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
