import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** Strapi 5.54's admin and users-permissions auth routes: Strapi limits them per email only. */
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

// Successful logins do not count, so a newsroom behind one address is not locked out by its own
// morning. `ctx.request.ip` honours X-Forwarded-For only with TRUSTED_PROXY_HOPS.
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
