import type { Core } from '@strapi/strapi';
import { formatByline } from '@toasoan/shared';
import { ARTICLE_UID } from '../utils/content-types';

/** Where the admin's article list asks for the bylines of the rows it shows. */
export const ARTICLE_BYLINES_PATH = '/toasoan/article-bylines';

const MAX_DOCUMENTS = 100;

interface CreditRow {
  role?: string | null;
  author?: { name?: string | null } | null;
}

// ?documentIds=a,b,… → { a: "Bài: TRƯỜNG SƠN", … }: the content manager's list gives a
// repeatable component without its relations. For admin sessions that may read articles.
export function registerArticleBylinesRoute(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'admin',
    prefix: '',
    routes: [
      {
        method: 'GET',
        path: ARTICLE_BYLINES_PATH,
        info: { type: 'admin' },
        handler: async (ctx: any) => {
          if (!ctx.state.userAbility?.can('plugin::content-manager.explorer.read', ARTICLE_UID)) {
            return ctx.forbidden();
          }
          const ids = String(ctx.query.documentIds ?? '')
            .split(',')
            .filter(Boolean)
            .slice(0, MAX_DOCUMENTS);
          const articles = ids.length
            ? await strapi.documents(ARTICLE_UID).findMany({
                filters: { documentId: { $in: ids } },
                fields: ['documentId'],
                populate: { credits: { populate: { author: { fields: ['name'] } } } },
                limit: MAX_DOCUMENTS,
              })
            : [];
          const bylines: Record<string, string> = {};
          for (const article of articles as Array<{ documentId: string; credits?: CreditRow[] }>) {
            bylines[article.documentId] = formatByline(
              (article.credits ?? []).map((credit) => ({
                role: credit.role ?? '',
                name: credit.author?.name ?? '',
              })),
            );
          }
          ctx.body = { data: bylines };
        },
        config: {
          policies: ['admin::isAuthenticatedAdmin'],
        },
      },
    ],
  });
}
