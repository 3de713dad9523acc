import type { Core } from '@strapi/strapi';
import { articlePathOf, findArticleVersions } from '../utils/article-path';
import { ARTICLE_UID } from '../utils/content-types';
import { replaceData, scopedMiddleware, writeParamsOf } from '../utils/document-middleware';
import { rememberFormer, sameList } from '../utils/former-values';

/**
 * Remembers every address an article was live under, in `formerPaths`, so the site can keep old
 * links working (a redirect page at each). Only what readers saw counts: a slug or category
 * changed in a draft is recorded when that draft is published, never before.
 *
 * Strapi 5 keeps a draft and a published row per article, and `publish` copies the draft over the
 * published row. So on publish the published row's address (the one live until now) goes into the
 * draft's list, and the copy carries it to the published row. On unpublish the address goes into
 * the draft's list too: the article is off the site, but if it comes back under another address,
 * the old one leads to it. An address that is live again leaves the list.
 *
 * Runs on `publish` and `unpublish` only, so creates and updates straight to published must reach
 * `publish` through the middlewares (see publish-updates.ts).
 */
export const createFormerPathsMiddleware = (strapi: Core.Strapi) =>
  scopedMiddleware(
    { uids: [ARTICLE_UID], actions: ['update', 'publish', 'unpublish'] },
    async (context, next) => {
      const { documentId, data } = writeParamsOf(context);
      if (context.action === 'update') {
        // The list records history: an import may bring one on create, an edit may not rewrite it
        // (the admin's edit form does not show it; the REST API would accept it).
        if (data && 'formerPaths' in data) {
          const { formerPaths: _ignored, ...rest } = data;
          replaceData(context, rest);
        }
        return next();
      }
      if (documentId) await recordLivePath(strapi, documentId, context.action);
      return next();
    },
  );

/** Before publish or unpublish: moves the address that is live now into the draft's list. */
async function recordLivePath(
  strapi: Core.Strapi,
  documentId: string,
  action: 'publish' | 'unpublish',
): Promise<void> {
  const { draft, published } = await findArticleVersions(strapi, documentId);
  if (!draft) return;
  const livePath = articlePathOf(published);
  const nextLivePath = action === 'publish' ? articlePathOf(draft) : null;
  const formerPaths = rememberFormer(draft.formerPaths, livePath, nextLivePath);
  if (sameList(draft.formerPaths, formerPaths)) return;
  await strapi.db.query(ARTICLE_UID).update({ where: { id: draft.id }, data: { formerPaths } });
}
