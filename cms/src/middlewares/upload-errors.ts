import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

// The admin's media library and the content API upload at these paths (and their sub-paths).
export const UPLOAD_PATH = /^\/(api\/)?upload(\/|$)/;

/** The message a journalist reads when a file is not a picture the site can show. */
export const NOT_A_PICTURE =
  'Chỉ nhận tệp ảnh JPEG, PNG, WebP, GIF hoặc AVIF: tệp này không phải ảnh được phép (SVG, HTML và các loại tệp khác bị từ chối).';

const tooLarge = (limitBytes: number) =>
  `Ảnh quá lớn: mỗi ảnh tối đa ${Math.round((limitBytes / 1024 / 1024) * 10) / 10} MB. Xin giảm kích thước ảnh rồi tải lên lại.`;

const isTypeRefusal = (message: string) =>
  /is not allowed|Cannot verify file type|Validation failed for file/.test(message);

/** Refusals for type or size, in Vietnamese with the same status (before the body parser). */
const uploadErrors: Core.MiddlewareFactory =
  (_config, { strapi }) =>
  async (ctx, next) => {
    if (ctx.method !== 'POST' || !UPLOAD_PATH.test(ctx.path)) return next();
    const { sizeLimit: limit } = strapi.config.get('plugin::upload') as { sizeLimit: number };
    try {
      await next();
    } catch (error) {
      if (error instanceof errors.PayloadTooLargeError)
        throw new errors.PayloadTooLargeError(tooLarge(limit));
      if (error instanceof errors.ValidationError && isTypeRefusal(error.message))
        throw new errors.ValidationError(NOT_A_PICTURE);
      throw error;
    }
    // The body parser answers a file over maxFileSize itself, without throwing.
    if (ctx.status === 413) {
      ctx.body = {
        data: null,
        error: { status: 413, name: 'PayloadTooLargeError', message: tooLarge(limit), details: {} },
      };
    }
  };

export default uploadErrors;
