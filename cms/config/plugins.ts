import type { Core } from '@strapi/strapi';

/** Pictures the site can show (it converts them to WebP): anything else is refused at upload. */
export const UPLOAD_ALLOWED_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/avif',
];

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      // Given explicitly: without it the plugin invents a secret and writes it into cms/.env.
      jwtSecret: env('JWT_SECRET'),
    },
  },
  upload: {
    config: {
      // Also the body parser's limit (config/middlewares.ts), which refuses a larger file before
      // it is written to disk.
      sizeLimit: uploadSizeLimit(env),
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
export function uploadSizeLimit(env: Core.Config.Shared.ConfigParams['env']): number {
  return Math.round(env.float('UPLOAD_SIZE_LIMIT_MB', 10) * 1024 * 1024);
}

export default config;
