import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { isTrustedProxy } from './client-ip';

/** Where the draft preview lives: the only page another origin (the CMS's admin) may frame. */
const PREVIEW_PREFIX = '/xem-truoc/';

export interface SecurityHeadersOptions {
  adminOrigin: string;
  trustedProxies: readonly string[];
}

/** 'self' only: pages have no inline script or style (astro.config.mjs); JSON-LD is data. */
function contentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

// Features a newspaper never asks for: a page (or something injected into it) cannot either.
const PERMISSIONS_POLICY = [
  'accelerometer',
  'camera',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'payment',
  'usb',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** Whether the reader's connection is HTTPS: TLS here, or a trusted proxy that says so. */
function overHttps(request: IncomingMessage, trustedProxies: readonly string[]): boolean {
  if ((request.socket as TLSSocket).encrypted) return true;
  const peer = request.socket.remoteAddress ?? '';
  const proto = String(request.headers['x-forwarded-proto'] ?? '')
    .split(',')[0]
    ?.trim();
  return proto === 'https' && isTrustedProxy(peer, trustedProxies);
}

/** The security headers of a response to `request` (every response: pages, errors, endpoints). */
export function securityHeaders(
  request: IncomingMessage,
  options: SecurityHeadersOptions,
): Record<string, string> {
  const framedByAdmin = (request.url ?? '/').startsWith(PREVIEW_PREFIX);
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(
      framedByAdmin ? `'self' ${options.adminOrigin}` : "'none'",
    ),
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
  // X-Frame-Options cannot name another origin; browsers that know frame-ancestors obey it instead.
  if (!framedByAdmin) headers['X-Frame-Options'] = 'DENY';
  // Only over HTTPS: a browser ignores HSTS over HTTP, and a test machine on HTTP must stay so.
  if (overHttps(request, options.trustedProxies))
    headers['Strict-Transport-Security'] = 'max-age=31536000';
  return headers;
}

/** Sets the security headers on `response` before any handler writes it. */
export function applySecurityHeaders(
  request: IncomingMessage,
  response: ServerResponse,
  options: SecurityHeadersOptions,
): void {
  for (const [name, value] of Object.entries(securityHeaders(request, options)))
    response.setHeader(name, value);
}
