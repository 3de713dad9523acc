import { expect } from 'vitest';

/** The admin's origin in these tests: the only one that may frame the draft preview. */
export const ADMIN_ORIGIN = 'http://localhost:1337';

/** The headers every answer of the site's server carries, whatever it is. */
export function expectPolicy(
  headers: Headers | Record<string, unknown>,
  what: string,
  framed = false,
) {
  const get = (name: string) =>
    headers instanceof Headers ? headers.get(name) : ((headers[name] as string) ?? null);
  const csp = get('content-security-policy') ?? '';
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("script-src 'self'");
  expect(csp, what).not.toContain('unsafe-inline');
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).toContain(
    framed ? `frame-ancestors 'self' ${ADMIN_ORIGIN}` : "frame-ancestors 'none'",
  );
  expect(get('x-frame-options'), what).toBe(framed ? null : 'DENY');
  expect(get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  expect(get('permissions-policy'), what).toContain('camera=()');
  expect(get('x-content-type-options'), what).toBe('nosniff');
}
