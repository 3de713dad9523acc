import type { Core } from '@strapi/strapi';

/** Creates test content in-process through the document service (middlewares included). */
export function fixtures(strapi: Core.Strapi) {
  return {
    category: (data: { name: string; slug?: string }) =>
      strapi.documents('api::category.category').create({ data }),

    author: (data: { name: string; email?: string; slug?: string }) =>
      strapi.documents('api::author.author').create({ data }),

    article: (data: Record<string, unknown>, status: 'draft' | 'published' = 'draft') =>
      strapi.documents('api::article.article').create({ data: data as any, status }),
  };
}
