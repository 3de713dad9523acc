export { toNfc, normalizeDeep } from './nfc';
export { toVietnameseSlug, DEFAULT_SLUG } from './slug';
export {
  formatGmt7,
  toIsoGmt7,
  gmt7WallClock,
  fromGmt7WallClock,
  NEWSROOM_TIME_ZONE,
  type Gmt7WallClock,
} from './date';
export { formatByline, CREDIT_ROLES, type CreditRole, type BylineCredit } from './byline';
export { renderMarkdown } from './markdown';
export * from './api-types';
export {
  validateComment,
  commentInputSchema,
  COMMENT_LIMITS,
  type CommentInput,
  type CommentField,
  type CommentErrors,
} from './comment';
export * from './site-fields';
export {
  signPreviewLink,
  verifyPreviewLink,
  previewLinkParts,
  PREVIEW_ROUTE,
  PREVIEW_LINK_LIFETIME_MS,
  PREVIEW_LINK_PARAMS,
  type PreviewLinkParts,
  type PreviewLinkVerdict,
} from './preview-link';
export {
  defineEnv,
  mergeEnv,
  EnvError,
  text,
  secret,
  int,
  decimal,
  bool,
  url,
  oneOf,
  list,
  type EnvField,
  type EnvSchema,
  type EnvValues,
} from './env';
export { cmsEnv, siteEnv, publisherEnv, scriptsEnv, dockerEnv, ENV_SCHEMAS } from './env-schemas';
export { foldVietnamese, searchTokens, SYLLABLE, type SearchToken } from './search-text';
export { compareVietnamese, sortVietnamese } from './collate';
export { SITE_EXPORT_TYPE, encodeExportPage, decodeExportPage } from './export-frame';
