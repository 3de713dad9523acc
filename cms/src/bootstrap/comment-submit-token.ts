import type { Core } from '@strapi/strapi';
import { COMMENT_UID } from '../utils/content-types';
import { ensureFixedKeyToken } from './fixed-key-token';

export const COMMENT_SUBMIT_TOKEN_NAME = 'comment-submit';

/**
 * The token the site server forwards readers' comments with; its key is COMMENT_API_TOKEN. It may
 * only create comments: a leaked key cannot read anything, not even the comments.
 */
export async function ensureCommentSubmitToken(strapi: Core.Strapi): Promise<void> {
  await ensureFixedKeyToken(strapi, {
    name: COMMENT_SUBMIT_TOKEN_NAME,
    description:
      'Chuyển bình luận của bạn đọc từ trang web vào (chỉ tạo mới; khóa = COMMENT_API_TOKEN)',
    envName: 'COMMENT_API_TOKEN',
    access: { type: 'custom', permissions: [`${COMMENT_UID}.create`] },
  });
}
