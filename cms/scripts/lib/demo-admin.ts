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
  assertStrongEnough(password);
  const superAdmin = (await strapi.service('admin::role').getSuperAdmin()) as { id: number } | null;
  if (!superAdmin)
    throw new SeedError('The super admin role is missing: Strapi did not finish its bootstrap.');
  await ensureAdminUser(
    strapi,
    { email, password, firstname: 'Quản trị', lastname: 'Demo', roleId: superAdmin.id },
    (change) => log(`demo admin: ${change}`),
  );
}

/**
 * One admin user per newsroom role (data/newsroom.ts `staff`), logging in with their author
 * profile's email, which is also what links them to it, and the demo admin's password.
 */
export async function ensureDemoStaff(
  strapi: Core.Strapi,
  staff: Array<{ email: string; name: string; role: string }>,
  password: string,
  log: (line: string) => void,
): Promise<void> {
  assertStrongEnough(password);
  for (const member of staff) {
    const role = (await strapi.db
      .query('admin::role')
      .findOne({ where: { code: member.role } })) as {
      id: number;
    } | null;
    if (!role)
      throw new SeedError(
        `The admin role ${member.role} is missing: the CMS bootstrap did not run.`,
      );
    await ensureAdminUser(
      strapi,
      { email: member.email, password, firstname: member.name, lastname: null, roleId: role.id },
      (change) => log(`demo staff: ${change}`),
    );
  }
}

function assertStrongEnough(password: string): void {
  if (!isStrongEnough(password)) {
    throw new SeedError(
      'DEMO_ADMIN_PASSWORD is too weak for Strapi: use at least 8 characters with a lower case letter, an upper case letter and a digit.',
    );
  }
}

/** An active admin user with this password, holding this role, the admin in Vietnamese. */
export async function ensureAdminUser(
  strapi: Core.Strapi,
  user: {
    email: string;
    password: string;
    firstname: string;
    lastname: string | null;
    roleId: number;
  },
  log: (change: string) => void,
): Promise<void> {
  const { password, roleId } = user;
  const normalizedEmail = user.email.trim().toLowerCase();
  const users = strapi.service('admin::user');
  const existing = (await strapi.db
    .query('admin::user')
    .findOne({ where: { email: normalizedEmail }, populate: ['roles'] })) as AdminUser | null;

  if (!existing) {
    await users.create({
      email: normalizedEmail,
      firstname: user.firstname,
      lastname: user.lastname,
      password,
      isActive: true,
      registrationToken: null,
      roles: [roleId],
      preferedLanguage: 'vi',
    });
    log(`created ${normalizedEmail}`);
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
  if (!roleIds.includes(roleId)) patch.roles = [...roleIds, roleId];

  if (Object.keys(patch).length === 0) {
    log(`${normalizedEmail} up to date`);
    return;
  }
  await users.updateById(existing.id, patch);
  log(`updated ${normalizedEmail} (${Object.keys(patch).join(', ')})`);
}
