import type { Core } from '@strapi/strapi';

/** The admin user behind the current request and what they may do (CASL, as the admin checks). */
export interface AdminRequest {
  user: { id: number; email: string };
  ability: { can(action: string, subject: string): boolean };
}

/** Null when the call is not from the admin panel (an API token, the seed, a cron task). */
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
