import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, AUTHOR_UID, CATEGORY_UID } from '../utils/content-types';
import { ensureFixedKeyToken } from './fixed-key-token';

export const DRAFT_TOKEN_NAME = 'site-preview';

/**
 * The token the site's preview route reads article drafts with; its key is PREVIEW_API_TOKEN.
 * It may list articles, their sections, authors and pictures, and is the one token the
 * published-only middleware lets ask for `status=draft` (src/middlewares/published-only.ts).
 */
export async function ensureDraftToken(strapi: Core.Strapi): Promise<void> {
  await ensureFixedKeyToken(strapi, {
    name: DRAFT_TOKEN_NAME,
    description: 'Đọc bản nháp bài viết để xem trước trên trang web (khóa = PREVIEW_API_TOKEN)',
    envName: 'PREVIEW_API_TOKEN',
    access: {
      type: 'custom',
      permissions: [
        `${ARTICLE_UID}.find`,
        `${CATEGORY_UID}.find`,
        `${AUTHOR_UID}.find`,
        'plugin::upload.content-api.find',
      ],
    },
  });
}
