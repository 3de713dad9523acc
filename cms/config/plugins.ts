import type { Core } from '@strapi/strapi';
import { readCmsEnv } from '../src/utils/env';

/** Pictures the site can show (it converts them to WebP): anything else is refused at upload. */
export const UPLOAD_ALLOWED_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/avif',
];

const config = (): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      // Given explicitly: without it the plugin invents a secret and writes it into cms/.env.
      jwtSecret: readCmsEnv().JWT_SECRET || undefined,
    },
  },
  upload: {
    config: {
      // Also the body parser's limit (config/middlewares.ts), which refuses a larger file before
      // it is written to disk.
      sizeLimit: uploadSizeLimit(),
      // Strapi checks the declared type, the extension and the file's content against these:
      // SVG (scripts), HTML and every other active type are refused.
      security: {
        allowedTypes: UPLOAD_ALLOWED_TYPES,
        deniedTypes: ['image/svg+xml', 'text/*', 'application/*'],
      },
    },
  },
});

/** UPLOAD_SIZE_LIMIT_MB (default 10) in bytes. */
export function uploadSizeLimit(): number {
  return Math.round(readCmsEnv().UPLOAD_SIZE_LIMIT_MB * 1024 * 1024);
}

export default config;
