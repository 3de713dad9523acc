import type { Core } from '@strapi/strapi';
import { DRAFT_TOKEN_NAME } from '../bootstrap/api-tokens';

/** The API token of the request, when it came with one. */
const apiTokenName = (ctx: {
  state: { auth?: { strategy?: { name?: string }; credentials?: unknown } };
}) =>
  // 'content-api-token' in Strapi 5.54 ('api-token' before).
  ctx.state.auth?.strategy?.name?.endsWith('api-token')
    ? (ctx.state.auth.credentials as { name?: string } | undefined)?.name
    : undefined;

// Strapi 5 honours `?status=draft` for anyone allowed to read (populated drafts too), so every
// caller but the site's preview token gets published documents only.
const publishedOnly: Core.MiddlewareFactory = () => async (ctx, next) => {
  // Strapi's query parser caches the parsed object, so the controller sees this change.
  if (apiTokenName(ctx) !== DRAFT_TOKEN_NAME) ctx.query.status = 'published';
  await next();
};

export default publishedOnly;
