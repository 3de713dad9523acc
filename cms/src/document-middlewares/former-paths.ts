import type { Core } from '@strapi/strapi';
import { articlePathOf, findArticleVersions } from '../utils/article-path';
import { ARTICLE_UID } from '../utils/content-types';
import { replaceData, scopedMiddleware, writeParamsOf } from '../utils/document-middleware';
import { rememberFormer, sameList } from '../utils/former-values';

// `publish` copies the draft row over the published one, so the live address goes into the
// draft's list first; updates straight to published get here through publish-updates.ts.
export const createFormerPathsMiddleware = (strapi: Core.Strapi) =>
  scopedMiddleware(
    { uids: [ARTICLE_UID], actions: ['update', 'publish', 'unpublish'] },
    async (context, next) => {
      const { documentId, data } = writeParamsOf(context);
      if (context.action === 'update') {
        // History: an import may bring one on create, an edit (over REST) may not rewrite it.
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
