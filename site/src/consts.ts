// Site-wide constants that are not configuration (configuration comes from the environment,
// see src/lib/config.ts).

/** Articles on one page of a category or an author. */
export const ARTICLES_PER_PAGE = 20;

/** "Tin cùng chuyên mục" under an article: the latest of its category, itself left out. */
export const SAME_CATEGORY_COUNT = 6;

/** "Các tin khác" under an article: the latest of the other categories. */
export const OTHER_NEWS_COUNT = 8;

/** The home page: one lead story, then this many latest articles, then each category's latest. */
export const HOME_LATEST_COUNT = 10;
export const HOME_CATEGORY_COUNT = 5;

/** Items of an RSS feed (the whole site's and each category's). */
export const FEED_ITEM_COUNT = 50;

/**
 * Google News reads only articles of the last two days from a news sitemap, at most 1,000 of them.
 * https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
 */
export const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
export const NEWS_SITEMAP_MAX = 1000;

/** The folder of the author pages: /tac-gia/<author-slug>/. */
export const AUTHORS_FOLDER = 'tac-gia';
