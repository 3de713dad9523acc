import type { Core } from '@strapi/strapi';

/** Readers have no accounts: users-permissions' "User" would only clutter the menu. */
export const HIDDEN_CONTENT_TYPES = ['plugin::users-permissions.user'];

/** The content manager reads `pluginOptions['content-manager'].visible` at each listing. */
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
