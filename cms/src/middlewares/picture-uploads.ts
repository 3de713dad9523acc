import { open } from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { NOT_A_PICTURE, UPLOAD_PATH } from './upload-errors';

/** The first bytes of each picture type the site takes (config/plugins.ts UPLOAD_ALLOWED_TYPES). */
const SIGNATURES: Array<(head: Buffer) => boolean> = [
  (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff, // JPEG
  (head) =>
    head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), // PNG
  (head) => head.subarray(0, 4).toString('latin1') === 'GIF8',
  (head) =>
    head.subarray(0, 4).toString('latin1') === 'RIFF' &&
    head.subarray(8, 12).toString('latin1') === 'WEBP',
  (head) => /^ftypavi[fs]$/.test(head.subarray(4, 12).toString('latin1')), // AVIF
];

async function isPicture(file: { filepath?: string }): Promise<boolean> {
  if (!file.filepath) return false;
  const handle = await open(file.filepath, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(16), 0, 16, 0);
    const head = buffer.subarray(0, bytesRead);
    return SIGNATURES.some((matches) => matches(head));
  } finally {
    await handle.close();
  }
}

// Strapi's own check trusts the name and declared type when it cannot tell the content, so an
// SVG or HTML text named `.png` would pass it.
const pictureUploads: Core.MiddlewareFactory = () => async (ctx, next) => {
  if (ctx.method !== 'POST' || !UPLOAD_PATH.test(ctx.path)) return next();
  const files = (ctx.request as { files?: Record<string, unknown> }).files ?? {};
  for (const value of Object.values(files)) {
    for (const file of [value].flat() as Array<{ filepath?: string }>) {
      if (!(await isPicture(file))) throw new errors.ValidationError(NOT_A_PICTURE);
    }
  }
  return next();
};

export default pictureUploads;
