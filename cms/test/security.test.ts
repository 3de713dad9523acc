import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCredentials, registerFirstAdmin } from '../../scripts/lib/first-admin';
import { MAX_FAILURES } from '../src/middlewares/login-limit';
import { startCms, type TestCms } from './helpers/strapi';

// The CMS's headers and origins (config/middlewares.ts) and the per-address limit of failed
// logins (src/middlewares/login-limit.ts), over real HTTP against a real Strapi.

const SITE_ORIGIN = 'https://bao.example';
const ADMIN_ORIGIN = 'https://cms.bao.example';

let cms: TestCms;
const admin = newCredentials();

beforeAll(async () => {
  cms = await startCms({ SITE_URL: `${SITE_ORIGIN}/`, PUBLIC_URL: ADMIN_ORIGIN });
  await registerFirstAdmin(cms.url, admin);
});

afterAll(async () => {
  await cms?.stop();
});

/** One login attempt with a wrong password, as the admin's login screen sends it. */
const wrongLogin = (email: string, headers: Record<string, string> = {}) =>
  fetch(`${cms.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ email, password: `Sai-${randomBytes(6).toString('hex')}1` }),
  });

const someone = () => `nguoi-${randomBytes(4).toString('hex')}@example.com`;

describe('headers and origins', () => {
  const preflight = (origin: string) =>
    fetch(`${cms.url}/api/articles`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });

  it("answers the site's and the admin's origins and no other", async () => {
    for (const origin of [SITE_ORIGIN, ADMIN_ORIGIN]) {
      const allowed = await preflight(origin);
      expect(allowed.headers.get('access-control-allow-origin'), origin).toBe(origin);
    }
    for (const origin of ['https://evil.example', 'null', `${SITE_ORIGIN}.evil.example`]) {
      const refused = await preflight(origin);
      expect(refused.headers.get('access-control-allow-origin'), origin).toBeNull();
      const read = await fetch(`${cms.url}/_health`, { headers: { Origin: origin } });
      expect(read.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it('does not say what it runs on', async () => {
    for (const path of ['/_health', '/api/articles', '/admin/init', '/khong-co']) {
      const response = await fetch(`${cms.url}${path}`);
      expect(response.headers.get('x-powered-by'), path).toBeNull();
    }
  });
});

describe('failed logins from one address', () => {
  it('are limited across emails, with a Vietnamese 429 and Retry-After', async () => {
    // Each email once: Strapi's own limit (5 per email) never applies, only the one per address.
    for (let i = 0; i < MAX_FAILURES; i++) expect((await wrongLogin(someone())).status).toBe(400);
    const refused = await wrongLogin(someone());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as { error: { message: string } };
    expect(body.error.message).toContain('Có quá nhiều lần đăng nhập không thành công');
    // The other doors of the same house are closed to that address too.
    for (const path of ['/admin/forgot-password', '/admin/reset-password', '/api/auth/local']) {
      const other = await fetch(`${cms.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: someone(), identifier: someone(), password: 'x' }),
      });
      expect(other.status, path).toBe(429);
    }
    // A forged X-Forwarded-For does not make it someone else: no proxy is configured.
    const forged = await wrongLogin(someone(), { 'X-Forwarded-For': '203.0.113.9' });
    expect(forged.status).toBe(429);
  });

  it('behind a configured proxy, are counted per address the proxy saw', async () => {
    cms = await cms.restart({ TRUSTED_PROXY_HOPS: '1' });
    const fromProxy = (client: string) => ({ 'X-Forwarded-For': client });
    for (let i = 0; i < MAX_FAILURES; i++) {
      // Whatever the client wrote before the proxy's entry is not believed: only the last hop.
      const headers = fromProxy(`10.9.${i}.1, 198.51.100.7`);
      expect((await wrongLogin(someone(), headers)).status).toBe(400);
    }
    expect((await wrongLogin(someone(), fromProxy('198.51.100.7'))).status).toBe(429);
    // Another reader behind the same proxy still gets to try.
    expect((await wrongLogin(someone(), fromProxy('198.51.100.8'))).status).toBe(400);
  });

  it('do not count successful logins: a newsroom behind one address is not locked out', async () => {
    const newsroom = { 'X-Forwarded-For': '192.0.2.50' };
    const login = () =>
      fetch(`${cms.url}/admin/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...newsroom },
        body: JSON.stringify(admin),
      });
    for (let i = 0; i < MAX_FAILURES - 1; i++)
      expect((await wrongLogin(someone(), newsroom)).status).toBe(400);
    for (let i = 0; i < 3; i++) expect((await login()).status).toBe(200);
    expect((await wrongLogin(someone(), newsroom)).status).toBe(400);
    expect((await login()).status).toBe(429);
  });
});
