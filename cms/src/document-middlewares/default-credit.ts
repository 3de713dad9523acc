import type { Core } from '@strapi/strapi';
import { currentAdminRequest } from '../utils/admin-request';
import { ARTICLE_UID, AUTHOR_UID } from '../utils/content-types';
import { replaceData, scopedMiddleware, writeParamsOf } from '../utils/document-middleware';

/** The byline role of a reporter's own new article until they choose another. */
export const DEFAULT_CREDIT_ROLE = 'Bài';

/** Credits an admin user's new article to their author profile; imports bring their own. */
export const createDefaultCreditMiddleware = (strapi: Core.Strapi) =>
  scopedMiddleware({ uids: [ARTICLE_UID], actions: ['create'] }, async (context, next) => {
    const { data = {} } = writeParamsOf(context);
    const credits = data.credits;
    if (Array.isArray(credits) ? credits.length > 0 : credits != null) return next();

    const email = currentAdminRequest(strapi)?.user.email;
    const author = email ? await authorOfEmail(strapi, email) : null;
    if (author) {
      replaceData(context, {
        ...data,
        credits: [{ role: DEFAULT_CREDIT_ROLE, author: author.documentId }],
      });
    }
    return next();
  });

// Without case: Strapi stores admin emails lower-cased, an editor may type an author's with
// capitals. The oldest profile wins if two share one.
export async function authorOfEmail(
  strapi: Core.Strapi,
  email: string,
): Promise<{ id: number; documentId: string } | null> {
  const wanted = email.trim().toLowerCase();
  const candidates = (await strapi.db.query(AUTHOR_UID).findMany({
    select: ['id', 'documentId', 'email'],
    where: { email: { $eqi: wanted } },
    orderBy: { id: 'asc' },
  })) as Array<{ id: number; documentId: string; email: string }>;
  return candidates[0] ?? null;
}
