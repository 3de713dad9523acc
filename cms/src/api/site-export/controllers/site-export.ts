import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { encodeExportPage, SITE_EXPORT_TYPE } from '@toasoan/shared';

const DEFAULT_LIMIT = 1000;
const NEXT_PAGE_HEADER = 'X-Next-After';
const MAX_LIMIT = 2000;

/** A whole number from the query string, the fallback when absent, undefined when malformed. */
const wholeNumber = (value: unknown, fallback: number): number | undefined => {
  if (value === undefined || value === '') return fallback;
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(number) ? number : undefined;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: {
    query: Record<string, unknown>;
    body: unknown;
    set(field: string, value: string): void;
    type: string;
  }) {
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
    const page = await strapi.service('api::site-export.site-export').page({ after, limit });
    // In a header too, so a client can ask for the next page before parsing this one.
    ctx.set(NEXT_PAGE_HEADER, page.meta.next === null ? '' : String(page.meta.next));
    // One buffer: given an object, Koa serializes it, then encodes it twice (to measure, to write).
    ctx.type = SITE_EXPORT_TYPE;
    ctx.body = Buffer.concat(encodeExportPage({ data: page.data, meta: page.meta }, page.bodies));
  },
});
