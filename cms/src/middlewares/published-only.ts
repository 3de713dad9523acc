import type { Core } from '@strapi/strapi';

/**
 * Route middleware (`global::published-only`) for the content API's find/findOne routes: serves
 * published documents only, whatever `status` the caller asks for. Strapi 5 honours `?status=draft`
 * for anyone allowed to read, so without this the public and the build token could read drafts
 * (also drafts populated from a category or author). A preview token may get an exception later.
 */
const publishedOnly: Core.MiddlewareFactory = () => async (ctx, next) => {
  // Strapi's query parser caches the parsed object, so the controller sees this change.
  ctx.query.status = 'published';
  await next();
};

export default publishedOnly;
