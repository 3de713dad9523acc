import { randomBytes } from 'node:crypto';

export interface AdminCredentials {
  firstname: string;
  lastname: string;
  email: string;
  password: string;
}

/** New each call; Strapi wants 8+ characters with upper case, lower case and a digit. */
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

/** As the registration screen of a CMS without an admin does; returns the admin's JWT. */
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
