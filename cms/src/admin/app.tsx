import type { StrapiApp } from '@strapi/strapi/admin';
import { Gmt7DateTimeInput } from './edit-views/gmt7-datetime-input';
import { registerListViews } from './list-views';
import { MODERATION_LABELS } from './list-views/moderation';
import { vietnamese } from './translations/vi';

// The key Strapi's admin keeps the interface language under (admin/src/reducer.ts).
const LANGUAGE_STORAGE_KEY = 'strapi-admin-language';

export default {
  config: {
    // The newsroom works in Vietnamese; English stays available as Strapi's built-in fallback.
    locales: ['vi'],
    // MODERATION_LABELS: selects name an enumeration's values by messages keyed by the raw value.
    translations: { vi: { ...vietnamese, ...MODERATION_LABELS } },
  },
  register(app: StrapiApp) {
    app.addFields({ type: 'datetime', Component: Gmt7DateTimeInput as never });
    // Strapi opens in English unless a language was chosen; a journalist's own choice still wins.
    if (!window.localStorage.getItem(LANGUAGE_STORAGE_KEY)) {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'vi');
    }
  },
  bootstrap(app: StrapiApp) {
    registerListViews(app);
  },
};
