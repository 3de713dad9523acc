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
    // What Strapi's own Vietnamese lacks for the newsroom's screens (translations/vi/). The edit
    // form's select and the list filter's options name an enumeration's values by messages keyed
    // with the raw value: a comment's states ("pending" → "Chờ duyệt").
    translations: { vi: { ...vietnamese, ...MODERATION_LABELS } },
  },
  register(app: StrapiApp) {
    // Date-time fields in GMT+7, as the paper prints them, whatever the browser's zone.
    app.addFields({ type: 'datetime', Component: Gmt7DateTimeInput as never });
    // Strapi opens in English unless a language was chosen before; open in Vietnamese instead.
    // A journalist's own choice (Profile → Interface language) is stored here and still wins.
    if (!window.localStorage.getItem(LANGUAGE_STORAGE_KEY)) {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'vi');
    }
  },
  bootstrap(app: StrapiApp) {
    registerListViews(app);
  },
};
