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
      // Also the body parser's limit (config/middlewares.ts), which refuses before writing to disk.
      sizeLimit: uploadSizeLimit(),
      // Checked against declared type, extension and content: SVG (scripts), HTML etc. are refused.
      security: {
        allowedTypes: UPLOAD_ALLOWED_TYPES,
        deniedTypes: ['image/svg+xml', 'text/*', 'application/*'],
      },
      ...uploadProvider(),
    },
  },
});

/** UPLOAD_PROVIDER=s3: pictures in S3-compatible storage, so several CMS instances share them. */
function uploadProvider() {
  const env = readCmsEnv();
  if (env.UPLOAD_PROVIDER !== 's3') return {};
  if (!env.S3_BUCKET) {
    throw new Error(
      'UPLOAD_PROVIDER=s3 needs S3_BUCKET (and S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY).',
    );
  }
  try {
    require.resolve('@strapi/provider-upload-aws-s3');
  } catch {
    throw new Error(
      'UPLOAD_PROVIDER=s3 needs the S3 provider: npm install @strapi/provider-upload-aws-s3@5.54.0 -w cms (the same version as Strapi).',
    );
  }
  return {
    provider: 'aws-s3',
    providerOptions: {
      baseUrl: env.S3_PUBLIC_URL || undefined,
      s3Options: {
        credentials: {
          accessKeyId: env.S3_ACCESS_KEY_ID,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY,
        },
        region: env.S3_REGION,
        endpoint: env.S3_ENDPOINT || undefined,
        forcePathStyle: env.S3_FORCE_PATH_STYLE,
        params: { Bucket: env.S3_BUCKET },
      },
    },
  };
}

export function uploadSizeLimit(): number {
  return Math.round(readCmsEnv().UPLOAD_SIZE_LIMIT_MB * 1024 * 1024);
}

export default config;
