/** The content types this app defines (Strapi UIDs), named once. */
export const ARTICLE_UID = 'api::article.article';
export const AUTHOR_UID = 'api::author.author';
export const CATEGORY_UID = 'api::category.category';
export const COMMENT_UID = 'api::comment.comment';

/** True for the app's own content types, as opposed to admin:: and plugin:: ones. */
export const isAppContentType = (uid: string): boolean => uid.startsWith('api::');
