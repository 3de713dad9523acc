import type { Core } from '@strapi/strapi';
import { PREVIEW_LINK_LIFETIME_MS, signPreviewLink } from '@toasoan/shared';
import { articlePathOf, findArticleVersions } from './article-path';
import { ARTICLE_UID } from './content-types';

export interface PreviewSettings {
  /** The site's public URL (SITE_URL), without a trailing slash. */
  siteUrl: string;
  /** PREVIEW_SECRET: the HMAC key the site checks the links with. */
  secret: string;
}

/** Strapi's preview handler (config/admin.ts): only articles have pages of their own. */
export function createPreviewHandler(settings: PreviewSettings, now: () => number = Date.now) {
  return async (
    uid: string,
    { documentId, status }: { documentId: string; status?: string | null },
  ): Promise<string | null> => {
    if (uid !== ARTICLE_UID || !documentId) return null;
    if (status === 'published') {
      const { published } = await findArticleVersions(strapi as Core.Strapi, documentId);
      const path = articlePathOf(published);
      return path && `${settings.siteUrl}${path}`;
    }
    const link = await signPreviewLink(
      settings.secret,
      documentId,
      now() + PREVIEW_LINK_LIFETIME_MS,
    );
    return `${settings.siteUrl}${link}`;
  };
}
