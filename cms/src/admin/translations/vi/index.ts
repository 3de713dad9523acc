import admin from './admin.json';
import contentManager from './content-manager.json';
import overrides from './overrides.json';
import unlisted from './unlisted.json';
import upload from './upload.json';

/** Plugins' strings are looked up as "<plugin id>.<key>" (Strapi's prefixPluginTranslations). */
const prefixed = (plugin: string, strings: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(strings).map(([key, text]) => [`${plugin}.${key}`, text]));

/**
 * The strings Strapi's own Vietnamese lacks for the newsroom's screens (admin core, content
 * manager, media library): those its en.json files list, then those its code asks for without
 * listing them (unlisted.json, full keys), then the few a newsroom words differently.
 * Passed as `config.translations.vi`, which Strapi merges over its own.
 */
export const vietnamese: Record<string, string> = {
  ...admin,
  ...prefixed('content-manager', contentManager),
  ...prefixed('upload', upload),
  ...unlisted,
  ...overrides,
};
