import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, AUTHOR_UID, CATEGORY_UID, COMMENT_UID } from '../utils/content-types';
import { ensureFixedKeyToken, type FixedKeyToken } from './fixed-key-token';

/** The token the site's preview route reads drafts with (src/middlewares/published-only.ts). */
export const DRAFT_TOKEN_NAME = 'site-preview';

/** Each token's key comes from .env, shared with the site (fixed-key-token.ts). */
export const API_TOKENS: FixedKeyToken[] = [
  {
    name: 'site-build',
    description: 'Đọc nội dung đã đăng để dựng trang tĩnh (khóa = SITE_API_TOKEN)',
    envName: 'SITE_API_TOKEN',
    access: { type: 'read-only' },
  },
  // The site server forwards readers' comments: a leaked key cannot read anything.
  {
    name: 'comment-submit',
    description:
      'Chuyển bình luận của bạn đọc từ trang web vào (chỉ tạo mới; khóa = COMMENT_API_TOKEN)',
    envName: 'COMMENT_API_TOKEN',
    access: { type: 'custom', permissions: [`${COMMENT_UID}.create`] },
  },
  // The one token published-only lets ask for `status=draft`.
  {
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
  },
];

export async function ensureApiTokens(strapi: Core.Strapi): Promise<void> {
  for (const token of API_TOKENS) await ensureFixedKeyToken(strapi, token);
}
