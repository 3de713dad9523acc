import type { Core } from '@strapi/strapi';
import { CATEGORY_UID } from '../utils/content-types';
import {
  isBlank,
  replaceData,
  scopedMiddleware,
  writeParamsOf,
} from '../utils/document-middleware';
import { rememberFormer } from '../utils/former-values';
import { findStoredValues } from '../utils/unique-value';

// Categories have no draft, so the old slug is recorded on update, after the slug middleware has
// settled the new one; what an update sends for the list is replaced (it records history).
export const createCategoryFormerSlugsMiddleware = (strapi: Core.Strapi) =>
  scopedMiddleware({ uids: [CATEGORY_UID], actions: ['update'] }, async (context, next) => {
    const { documentId, data = {} } = writeParamsOf(context);
    const stored = documentId
      ? await findStoredValues(strapi, CATEGORY_UID, documentId, ['slug', 'formerSlugs'])
      : null;
    if (!stored) return next();

    const storedSlug = isBlank(stored.slug) ? null : String(stored.slug);
    const newSlug = isBlank(data.slug) ? storedSlug : String(data.slug);
    const formerSlugs = rememberFormer(stored.formerSlugs, storedSlug, newSlug);
    replaceData(context, { ...data, formerSlugs });
    return next();
  });
