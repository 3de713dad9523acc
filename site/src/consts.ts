// Site-wide constants that are not configuration (configuration comes from the environment,
// see src/lib/config.ts).

export const SITE_TITLE = 'Tòa Soạn';
export const SITE_DESCRIPTION = 'Tin tức, thời sự và đời sống của tỉnh, cập nhật hằng ngày.';

/** How many articles the home page lists, newest first. */
export const HOME_ARTICLE_COUNT = 50;
