import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, AUTHOR_UID, CATEGORY_UID } from '../utils/content-types';

/** Read only: comments come through the site server's token, and readers have no accounts. */
export const PUBLIC_ACTIONS = [ARTICLE_UID, AUTHOR_UID, CATEGORY_UID].flatMap((uid) => [
  `${uid}.find`,
  `${uid}.findOne`,
]);

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

/** Undoes clicks in the admin's Roles screen on every start: access rules live in code. */
export async function ensurePublicPermissions(strapi: Core.Strapi): Promise<void> {
  const publicRole = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'public' } });
  if (!publicRole)
    throw new Error(
      'The users-permissions Public role is missing; it should exist after the plugin bootstrap.',
    );

  const granted: Array<{ id: number; action: string }> = await strapi.db
    .query(PERMISSION_UID)
    .findMany({
      select: ['id', 'action'],
      where: { role: { id: publicRole.id } },
    });

  const seen = new Set<string>();
  // Unknown actions and duplicates both go: a duplicate would survive a later removal of its twin.
  const extra = granted.filter(({ action }) => {
    const keep = PUBLIC_ACTIONS.includes(action) && !seen.has(action);
    seen.add(action);
    return !keep;
  });
  if (extra.length > 0) {
    await strapi.db
      .query(PERMISSION_UID)
      .deleteMany({ where: { id: { $in: extra.map(({ id }) => id) } } });
  }

  for (const action of PUBLIC_ACTIONS.filter((action) => !seen.has(action))) {
    await strapi.db.query(PERMISSION_UID).create({ data: { action, role: publicRole.id } });
  }

  if (extra.length > 0) {
    strapi.log.info(`Public role: removed ${extra.map(({ action }) => action).join(', ')}`);
  }
}
