import type { Core } from '@strapi/strapi';

/** The admin user behind the current request and what they may do (CASL, as the admin checks). */
export interface AdminRequest {
  user: { id: number; email: string };
  ability: { can(action: string, subject: string): boolean };
}

/**
 * The admin user making the current request, or null when the call does not come from the admin
 * panel (REST with an API token, the seed, a cron task, a test calling the document service).
 */
export function currentAdminRequest(strapi: Core.Strapi): AdminRequest | null {
  const ctx = strapi.requestContext.get() as
    | {
        state?: {
          auth?: { strategy?: { name?: string } };
          user?: AdminRequest['user'];
          userAbility?: AdminRequest['ability'];
        };
      }
    | undefined;
  const state = ctx?.state;
  if (state?.auth?.strategy?.name !== 'admin' || !state.user || !state.userAbility) return null;
  return { user: state.user, ability: state.userAbility };
}
