import type { Core } from '@strapi/strapi';
import { SeedError } from './strapi';

interface AdminUser {
  id: number;
  email: string;
  password?: string;
  isActive: boolean;
  blocked: boolean;
  preferedLanguage?: string | null;
  roles?: { id: number }[];
}

/** Strapi's own rule for admin passwords: at least 8 characters (at most 72 bytes) with a lower case letter, an upper case letter and a digit. */
export function isStrongEnough(password: string): boolean {
  return (
    password.length >= 8 &&
    Buffer.byteLength(password) <= 72 &&
    /[a-z]/.test(password) &&
    /[A-Z]/.test(password) &&
    /\d/.test(password)
  );
}

/**
 * Makes sure the local demo login works: a super admin with this email and password, active, with
 * the admin panel in Vietnamese. Only what differs is written.
 */
export async function ensureDemoAdmin(
  strapi: Core.Strapi,
  { email, password }: { email: string; password: string },
  log: (line: string) => void,
): Promise<void> {
  if (!isStrongEnough(password)) {
    throw new SeedError(
      'DEMO_ADMIN_PASSWORD is too weak for Strapi: use at least 8 characters with a lower case letter, an upper case letter and a digit.',
    );
  }
  const normalizedEmail = email.trim().toLowerCase();
  const superAdmin = (await strapi.service('admin::role').getSuperAdmin()) as { id: number } | null;
  if (!superAdmin)
    throw new SeedError('The super admin role is missing: Strapi did not finish its bootstrap.');

  const users = strapi.service('admin::user');
  const existing = (await strapi.db
    .query('admin::user')
    .findOne({ where: { email: normalizedEmail }, populate: ['roles'] })) as AdminUser | null;

  if (!existing) {
    await users.create({
      email: normalizedEmail,
      firstname: 'Quản trị',
      lastname: 'Demo',
      password,
      isActive: true,
      registrationToken: null,
      roles: [superAdmin.id],
      preferedLanguage: 'vi',
    });
    log(`demo admin: created ${normalizedEmail}`);
    return;
  }

  const patch: Record<string, unknown> = {};
  const samePassword =
    existing.password !== undefined &&
    (await strapi.service('admin::auth').validatePassword(password, existing.password));
  if (!samePassword) patch.password = password;
  if (!existing.isActive) patch.isActive = true;
  if (existing.blocked) patch.blocked = false;
  if (existing.preferedLanguage !== 'vi') patch.preferedLanguage = 'vi';
  const roleIds = (existing.roles ?? []).map((role) => role.id);
  if (!roleIds.includes(superAdmin.id)) patch.roles = [...roleIds, superAdmin.id];

  if (Object.keys(patch).length === 0) {
    log(`demo admin: ${normalizedEmail} up to date`);
    return;
  }
  await users.updateById(existing.id, patch);
  log(`demo admin: updated ${normalizedEmail} (${Object.keys(patch).join(', ')})`);
}
