import type { Core } from '@strapi/strapi';
import { ensureFixedKeyToken } from './fixed-key-token';

export const SITE_BUILD_TOKEN_NAME = 'site-build';

/** The read-only token the site build reads the CMS with; its key is SITE_API_TOKEN. */
export async function ensureSiteBuildToken(strapi: Core.Strapi): Promise<void> {
  await ensureFixedKeyToken(strapi, {
    name: SITE_BUILD_TOKEN_NAME,
    description: 'Đọc nội dung đã đăng để dựng trang tĩnh (khóa = SITE_API_TOKEN)',
    envName: 'SITE_API_TOKEN',
    access: { type: 'read-only' },
  });
}
