/**
 * site-export controller
 */

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const DEFAULT_LIMIT = 1000;
const MAX_LIMIT = 2000;

/** A whole number from the query string, the fallback when absent, undefined when malformed. */
const wholeNumber = (value: unknown, fallback: number): number | undefined => {
  if (value === undefined || value === '') return fallback;
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(number) ? number : undefined;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: { query: Record<string, unknown>; body: unknown }) {
    const after = wholeNumber(ctx.query.after, 0);
    if (after === undefined) {
      throw new errors.ValidationError(
        `after must be 0 or the meta.next of the previous page (a whole number), not ${JSON.stringify(ctx.query.after)}.`,
      );
    }
    const limit = wholeNumber(ctx.query.limit, DEFAULT_LIMIT);
    if (limit === undefined || limit < 1 || limit > MAX_LIMIT) {
      throw new errors.ValidationError(
        `limit must be a whole number from 1 to ${MAX_LIMIT}, not ${JSON.stringify(ctx.query.limit)}.`,
      );
    }
    ctx.body = await strapi.service('api::site-export.site-export').page({ after, limit });
  },
});
