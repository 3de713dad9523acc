// Not configuration: that comes from the environment (src/lib/config.ts).

/** Articles on one page of a category or an author. */
export const ARTICLES_PER_PAGE = 20;

/** "Tin cùng chuyên mục" under an article: the latest of its category, itself left out. */
export const SAME_CATEGORY_COUNT = 6;

/** "Các tin khác" under an article: the latest of the other categories. */
export const OTHER_NEWS_COUNT = 8;

/** The home page: one lead story, then this many latest articles, then each category's latest. */
export const HOME_LATEST_COUNT = 10;
export const HOME_CATEGORY_COUNT = 5;

export const FEED_ITEM_COUNT = 50;

// Google News reads two days, at most 1,000 articles of a news sitemap:
// https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap
export const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
export const NEWS_SITEMAP_MAX = 1000;

export const AUTHORS_FOLDER = 'tac-gia';
