import { randomBytes } from 'node:crypto';

/**
 * Registers the first admin of a fresh test CMS (one that has no admin yet, as startTestCms
 * leaves it) and returns the admin JWT the admin panel itself would hold.
 */
export async function registerFirstAdmin(cmsUrl: string, role: string): Promise<string> {
  const response = await fetch(`${cmsUrl}/admin/register-admin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      firstname: 'Biên',
      lastname: 'Tập',
      email: `${role}-${randomBytes(4).toString('hex')}@toasoan.test`,
      password: `${role}-${randomBytes(6).toString('hex')}-A9`,
    }),
  });
  const body = (await response.json()) as { data?: { token: string } };
  if (!response.ok || !body.data) {
    throw new Error(`register-admin answered ${response.status}: ${JSON.stringify(body)}`);
  }
  return body.data.token;
}
