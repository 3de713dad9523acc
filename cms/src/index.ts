import type { Core } from '@strapi/strapi';
import { registerArticleBylinesRoute } from './admin-api/article-bylines';
import { ensureApiTokens } from './bootstrap/api-tokens';
import { ensureEditViews } from './bootstrap/edit-views';
import { hideContentTypesFromContentManager } from './bootstrap/hidden-content-types';
import { ensureListViews } from './bootstrap/list-views';
import { ensureNewsroomRoles } from './bootstrap/newsroom-roles';
import { ensurePublicPermissions } from './bootstrap/public-permissions';
import { ensurePublishWebhook } from './bootstrap/publish-webhook';
import { createArticleNumberMiddleware } from './document-middlewares/article-number';
import { createCategoryFormerSlugsMiddleware } from './document-middlewares/category-former-slugs';
import { createDefaultCreditMiddleware } from './document-middlewares/default-credit';
import { createFormerPathsMiddleware } from './document-middlewares/former-paths';
import { normalizeText } from './document-middlewares/normalize-text';
import { createPublicationTimeMiddleware } from './document-middlewares/publication-time';
import { createPublishedDeleteGuardMiddleware } from './document-middlewares/published-delete-guard';
import { createPublishUpdatesMiddleware } from './document-middlewares/publish-updates';
import { createScheduledTimeMiddleware } from './document-middlewares/scheduled-time';
import { createSerializeCreatesMiddleware } from './document-middlewares/serialize-creates';
import { createSlugMiddleware } from './document-middlewares/slug';
import { withTransactionLock } from './utils/advisory-lock';
import { publishDueArticles } from './utils/scheduled-publishing';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    hideContentTypesFromContentManager(strapi);
    // The order matters (cms/README.md, "Document middlewares"): publish-updates first, NFC before
    // slugs, creates queued before free slugs and numbers are looked for.
    strapi.documents.use(createPublishUpdatesMiddleware(strapi));
    strapi.documents.use(normalizeText);
    strapi.documents.use(createSerializeCreatesMiddleware(strapi));
    strapi.documents.use(createSlugMiddleware(strapi));
    strapi.documents.use(createArticleNumberMiddleware(strapi));
    strapi.documents.use(createPublicationTimeMiddleware(strapi));
    strapi.documents.use(createFormerPathsMiddleware(strapi));
    strapi.documents.use(createCategoryFormerSlugsMiddleware(strapi));
    strapi.documents.use(createDefaultCreditMiddleware(strapi));
    strapi.documents.use(createScheduledTimeMiddleware(strapi));
    strapi.documents.use(createPublishedDeleteGuardMiddleware(strapi));
    registerArticleBylinesRoute(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Instances starting at once on PostgreSQL take turns: find-or-create is not atomic.
    await withTransactionLock(strapi, 'bootstrap', async () => {
      await ensurePublicPermissions(strapi);
      await ensureApiTokens(strapi);
      await ensureListViews(strapi);
      await ensureEditViews(strapi);
      await ensureNewsroomRoles(strapi);
      await ensurePublishWebhook(strapi);
    });
    // After the webhook, so what came due while the CMS was stopped is announced as any publish.
    await publishDueArticles(strapi);
  },
};
