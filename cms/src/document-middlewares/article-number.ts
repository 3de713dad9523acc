import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID } from '../utils/content-types';
import {
  isBlank,
  replaceData,
  scopedMiddleware,
  WRITE_ACTIONS,
  writeParamsOf,
} from '../utils/document-middleware';
import { findMaxValue, findStoredValues, isValueTaken } from '../utils/unique-value';

/** The `-123` of `/thoi-su/le-hoi-123.html`: max + 1 on create, then never changed. */
export const createArticleNumberMiddleware = (strapi: Core.Strapi) =>
  scopedMiddleware({ uids: [ARTICLE_UID], actions: WRITE_ACTIONS }, async (context, next) => {
    const { documentId, data = {} } = writeParamsOf(context);
    const given = isBlank(data.number) ? undefined : Number(data.number);

    if (context.action === 'clone') {
      replaceData(context, {
        ...data,
        number: (await findMaxValue(strapi, ARTICLE_UID, 'number')) + 1,
      });
      return next();
    }

    const stored =
      context.action === 'update' && documentId
        ? await findStoredValues(strapi, ARTICLE_UID, documentId, ['number'])
        : null;
    const storedNumber = isBlank(stored?.number) ? undefined : Number(stored?.number);

    if (storedNumber !== undefined) {
      if (given !== undefined && given !== storedNumber) {
        throw new errors.ValidationError(
          `Số bài (number) ${storedNumber} không thay đổi được: nó nằm trong địa chỉ bài đã đăng.`,
        );
      }
      // Keep the stored number even when an edit form sends the field back empty.
      if ('number' in data) replaceData(context, { ...data, number: storedNumber });
      return next();
    }

    if (given !== undefined) {
      if (!Number.isInteger(given) || given < 1) {
        throw new errors.ValidationError(
          `Số bài (number) phải là số nguyên dương, nhận được: ${data.number}`,
        );
      }
      if (await isValueTaken(strapi, ARTICLE_UID, 'number', given, documentId)) {
        throw new errors.ValidationError(`Số bài (number) ${given} đã được dùng cho bài khác.`);
      }
      replaceData(context, { ...data, number: given });
      return next();
    }

    replaceData(context, {
      ...data,
      number: (await findMaxValue(strapi, ARTICLE_UID, 'number')) + 1,
    });
    return next();
  });
