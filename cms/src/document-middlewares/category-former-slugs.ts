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

/**
 * Remembers the slugs a category had, in `formerSlugs`: a category's slug is the first part of
 * every article address in it, and the site keeps the old addresses working (redirect pages).
 * Categories have no draft: a saved slug is live at once, so the old one is recorded on update.
 * Runs after the slug middleware, which has settled the new slug. The list records history, so
 * what an update sends for it is replaced (a create, such as an import, may bring one).
 */
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
