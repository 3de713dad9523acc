import { randomBytes } from 'node:crypto';

/** What the admin's registration and login screens ask for. */
export interface AdminCredentials {
  firstname: string;
  lastname: string;
  email: string;
  password: string;
}

/** An email and a password Strapi accepts (8+ characters, upper, lower, digit), new each call. */
export function newCredentials(firstname = 'Biên', lastname = 'Tập'): AdminCredentials {
  const id = randomBytes(4).toString('hex');
  return {
    firstname,
    lastname,
    email: `${firstname
      .normalize('NFD')
      .replace(/[^a-z]/gi, '')
      .toLowerCase()}-${id}@toasoan.test`,
    password: `ToaSoan-${randomBytes(6).toString('hex')}-9`,
  };
}

/**
 * Registers the first admin of a fresh test CMS (one without any admin yet), as the admin's
 * registration screen does, and returns the admin JWT the admin panel itself would hold.
 */
export async function registerFirstAdmin(
  cmsUrl: string,
  credentials: AdminCredentials = newCredentials(),
): Promise<string> {
  const response = await fetch(`${cmsUrl}/admin/register-admin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: { token: string } };
  if (!response.ok || !body.data) {
    throw new Error(`register-admin answered ${response.status}: ${JSON.stringify(body)}`);
  }
  return body.data.token;
}
