import admin from './admin.json';
import contentManager from './content-manager.json';
import overrides from './overrides.json';
import unlisted from './unlisted.json';
import upload from './upload.json';

/** Plugins' strings are looked up as "<plugin id>.<key>" (Strapi's prefixPluginTranslations). */
const prefixed = (plugin: string, strings: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(strings).map(([key, text]) => [`${plugin}.${key}`, text]));

/** What Strapi's own Vietnamese lacks (cms/README.md), merged over it by Strapi. */
export const vietnamese: Record<string, string> = {
  ...admin,
  ...prefixed('content-manager', contentManager),
  ...prefixed('upload', upload),
  ...unlisted,
  ...overrides,
};
