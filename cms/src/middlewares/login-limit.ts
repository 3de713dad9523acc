import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * What a password sprayer posts to: the admin's login, first-admin registration, invited-user
 * registration and password reset (Strapi 5.54's admin authentication routes), and the same for
 * users-permissions' content API accounts. Strapi limits these per email; this limits per address.
 */
export const LOGIN_PATHS = new Set([
  '/admin/login',
  '/admin/register-admin',
  '/admin/register',
  '/admin/forgot-password',
  '/admin/reset-password',
  '/api/auth/local',
  '/api/auth/local/register',
  '/api/auth/forgot-password',
  '/api/auth/reset-password',
]);

/** Failed attempts an address may make in WINDOW_SECONDS, whatever emails they name. */
export const MAX_FAILURES = 20;
const WINDOW_SECONDS = 15 * 60;

// A reset request answers 204 whether or not the email exists: each one counts.
const alwaysCounts = (path: string) => path.endsWith('/forgot-password');

const refusal = (seconds: number) =>
  `Có quá nhiều lần đăng nhập không thành công từ địa chỉ này. Xin thử lại sau ${Math.ceil(seconds / 60)} phút.`;

/**
 * Global middleware (`global::login-limit`): an address with MAX_FAILURES failed attempts in the
 * window gets 429 in Vietnamese, with Retry-After. Successful logins do not count, so a newsroom
 * behind one address is not locked out by its own morning. The address is Koa's `ctx.request.ip`:
 * the connection's peer, or with `server.proxy` (TRUSTED_PROXY_HOPS) the one the proxy saw.
 */
const loginLimit: Core.MiddlewareFactory = () => {
  const failures = new RateLimiterMemory({ points: MAX_FAILURES, duration: WINDOW_SECONDS });
  return async (ctx, next) => {
    const path = ctx.path.replace(/\/+$/, '').toLowerCase();
    if (ctx.method !== 'POST' || !LOGIN_PATHS.has(path)) return next();
    const address = ctx.request.ip;
    const seen = await failures.get(address);
    if (seen && seen.consumedPoints >= MAX_FAILURES) {
      const seconds = Math.ceil(seen.msBeforeNext / 1000);
      ctx.set('Retry-After', String(seconds));
      throw new errors.RateLimitError(refusal(seconds));
    }
    let failed = true;
    try {
      await next();
      failed = ctx.status >= 400;
    } finally {
      if (failed || alwaysCounts(path)) {
        await failures.consume(address).catch((error: unknown) => {
          if (!(error instanceof RateLimiterRes)) throw error;
        });
      }
    }
  };
};

export default loginLimit;
