import type { Core, UID } from '@strapi/strapi';
import { toVietnameseSlug } from '@toasoan/shared';
import { ARTICLE_UID, AUTHOR_UID, CATEGORY_UID } from '../utils/content-types';
import {
  isBlank,
  replaceData,
  scopedMiddleware,
  WRITE_ACTIONS,
  writeParamsOf,
  type WriteAction,
} from '../utils/document-middleware';
import { findFreeSlug, findStoredValues } from '../utils/unique-value';

const SLUG_SOURCE_FIELDS: Partial<Record<UID.ContentType, string>> = {
  [ARTICLE_UID]: 'title',
  [CATEGORY_UID]: 'name',
  [AUTHOR_UID]: 'name',
};

// Once set, a slug is kept when the title changes: it is part of the published URL. Duplicates
// get -2, -3, … (drafts skip Strapi's own unique check, so every row is checked).
export const createSlugMiddleware = (strapi: Core.Strapi) =>
  scopedMiddleware(
    { uids: Object.keys(SLUG_SOURCE_FIELDS), actions: WRITE_ACTIONS },
    async (context, next) => {
      const uid = context.uid as UID.ContentType;
      const sourceField = SLUG_SOURCE_FIELDS[uid]!;
      const { documentId, data = {} } = writeParamsOf(context);
      const slug = await resolveSlug(strapi, uid, sourceField, context.action, data, documentId);
      if (slug !== undefined) replaceData(context, { ...data, slug });
      return next();
    },
  );

/** The slug to write, or undefined to leave the data as it is. */
async function resolveSlug(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  sourceField: string,
  action: WriteAction,
  data: Record<string, unknown>,
  documentId: string | undefined,
): Promise<string | undefined> {
  const givenSlug = isBlank(data.slug) ? undefined : String(data.slug);

  if (action === 'create') {
    const text = givenSlug ?? (isBlank(data[sourceField]) ? undefined : String(data[sourceField]));
    return text === undefined ? undefined : findFreeSlug(strapi, uid, toVietnameseSlug(text));
  }

  const stored = documentId
    ? await findStoredValues(strapi, uid, documentId, ['slug', sourceField])
    : null;

  if (action === 'clone') {
    // A copy must not share its source's slug, so always pick a free one.
    const text = givenSlug ?? data[sourceField] ?? stored?.[sourceField] ?? stored?.slug;
    return isBlank(text) ? undefined : findFreeSlug(strapi, uid, toVietnameseSlug(String(text)));
  }

  const storedSlug = isBlank(stored?.slug) ? undefined : String(stored?.slug);
  if (givenSlug !== undefined) {
    const wanted = toVietnameseSlug(givenSlug);
    return wanted === storedSlug ? wanted : findFreeSlug(strapi, uid, wanted, documentId);
  }
  if (storedSlug !== undefined) {
    // A cleared slug field keeps the published URL rather than silently changing it.
    return 'slug' in data ? storedSlug : undefined;
  }
  // A draft saved without a title gets its slug once the title arrives.
  const text = isBlank(data[sourceField]) ? stored?.[sourceField] : data[sourceField];
  return isBlank(text)
    ? undefined
    : findFreeSlug(strapi, uid, toVietnameseSlug(String(text)), documentId);
}
