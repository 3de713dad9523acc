import type { Core } from '@strapi/strapi';

/**
 * Types nobody in the newsroom edits: readers have no accounts (comments are anonymous), so the
 * users-permissions "User" would only clutter the content manager's menu next to the articles.
 */
export const HIDDEN_CONTENT_TYPES = ['plugin::users-permissions.user'];

/**
 * Takes those types out of the content manager (its menu, its routes): the content manager reads
 * `pluginOptions['content-manager'].visible` from the schema each time it lists types.
 */
export function hideContentTypesFromContentManager(strapi: Core.Strapi): void {
  for (const uid of HIDDEN_CONTENT_TYPES) {
    const contentType = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as
      { pluginOptions?: Record<string, Record<string, unknown> | undefined> } | undefined;
    if (!contentType) continue;
    const pluginOptions = contentType.pluginOptions ?? {};
    contentType.pluginOptions = {
      ...pluginOptions,
      'content-manager': { ...pluginOptions['content-manager'], visible: false },
    };
  }
}
