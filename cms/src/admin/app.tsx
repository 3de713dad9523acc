import type { StrapiApp } from '@strapi/strapi/admin';
import { registerListViews } from './list-views';
import { vietnamese } from './translations/vi';

// The key Strapi's admin keeps the interface language under (admin/src/reducer.ts).
const LANGUAGE_STORAGE_KEY = 'strapi-admin-language';

export default {
  config: {
    // The newsroom works in Vietnamese; English stays available as Strapi's built-in fallback.
    locales: ['vi'],
    // What Strapi's own Vietnamese lacks for the newsroom's screens (translations/vi/).
    translations: { vi: vietnamese },
  },
  register(_app: StrapiApp) {
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
