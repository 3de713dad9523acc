import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSite, postHook, startFakePublisher } from './helpers/publisher';
import { ADMIN_ORIGIN, expectPolicy } from './helpers/security-policy';
import type { RunningPublisher } from '../publisher/server';

// The site server's security headers (publisher/security-headers.ts) on every kind of answer, on
// the real server with a small fake release. The sample newsroom's pages in Chromium, with no
// violation of the policy: sample-release.test.ts.

/** A GET with node:http: the exact path and headers given (fetch rewrites both). */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(url, { headers }, (response) => {
      response.resume();
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the site server, on a small release', () => {
  const running: { publisher: RunningPublisher; site: FakeSite }[] = [];
  afterEach(async () => {
    for (const { publisher, site } of running.splice(0)) {
      await site.openGate();
      await publisher.close();
      await site.remove();
    }
  });

  async function setUp(trustedProxies: string[] = [], firstBuild: 'wait' | 'held' = 'wait') {
    const site = await FakeSite.create();
    if (firstBuild === 'held') await site.closeGate();
    const publisher = await startFakePublisher(site, {
      security: { adminOrigin: ADMIN_ORIGIN, trustedProxies },
    });
    running.push({ publisher, site });
    if (firstBuild === 'wait') await publisher.publisher.idle();
    return { site, url: publisher.url };
  }

  it('sends the policy on pages, files, errors, partial and unchanged answers and endpoints', async () => {
    const { url } = await setUp();
    const answers: [string, Promise<Response>][] = [
      ['home', fetch(`${url}/`)],
      ['article', fetch(`${url}/tin-tuc/bai-1-1.html`)],
      ['folder', fetch(`${url}/tin-tuc`)],
      ['asset', fetch(`${url}/_astro/site.css`)],
      ['404', fetch(`${url}/khong-co.html`)],
      ['405', fetch(`${url}/`, { method: 'DELETE' })],
      ['206', fetch(`${url}/_astro/site.css`, { headers: { Range: 'bytes=0-1' } })],
      ['416', fetch(`${url}/_astro/site.css`, { headers: { Range: 'bytes=9999-' } })],
      ['comment route', fetch(`${url}/binh-luan/gui`, { method: 'POST', body: 'x' })],
      ['status', fetch(`${url}/_publisher/status`)],
      ['hook refused', postHook(url, { authorization: null })],
      ['hook', postHook(url)],
    ];
    for (const [what, answer] of answers) expectPolicy((await answer).headers, what);
    const etag = (await fetch(`${url}/`)).headers.get('etag')!;
    const notModified = await rawGet(`${url}/`, { 'If-None-Match': etag });
    expect(notModified.status).toBe(304);
    expectPolicy(notModified.headers, '304');
    const traversal = await rawGet(`${url}/..%2f..%2fetc%2fpasswd`);
    expect(traversal.status).toBe(404);
    expectPolicy(traversal.headers, 'traversal');
  });

  it('sends the policy before the first release too (503)', async () => {
    const { url } = await setUp([], 'held');
    const early = await fetch(`${url}/`);
    expect(early.status).toBe(503);
    expectPolicy(early.headers, '503');
  });

  it('lets only the admin frame the draft preview', async () => {
    const { url } = await setUp();
    const preview = await fetch(`${url}/xem-truoc/abc?het-han=1&chu-ky=x`);
    expectPolicy(preview.headers, 'preview', true);
  });

  it('sends HSTS only over HTTPS, which only a trusted proxy can vouch for', async () => {
    const direct = await setUp();
    expect((await fetch(`${direct.url}/`)).headers.get('strict-transport-security')).toBeNull();
    // A reader cannot turn HSTS on for everyone by writing the header itself.
    const spoofed = await fetch(`${direct.url}/`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(spoofed.headers.get('strict-transport-security')).toBeNull();

    const proxied = await setUp(['127.0.0.1']);
    const overHttps = await fetch(`${proxied.url}/khong-co.html`, {
      headers: { 'X-Forwarded-Proto': 'https' },
    });
    expect(overHttps.status).toBe(404);
    expect(overHttps.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const overHttp = await fetch(`${proxied.url}/`, { headers: { 'X-Forwarded-Proto': 'http' } });
    expect(overHttp.headers.get('strict-transport-security')).toBeNull();
  });
});
