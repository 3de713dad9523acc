import { OTHER_NEWS_COUNT, SAME_CATEGORY_COUNT } from '../consts';
import { countComments, type CommentCounts } from './comment-counts';
import { readSiteConfig, type SiteConfig } from './config';
import { findRedirects, type ArticleRedirect } from './redirects';
import { createRelatedFinder, groupByAuthor, groupByCategory, type RelatedLists } from './related';
import { groupCommentsByArticle, type SiteComment } from './strapi/comments';
import { getSiteData, type RoutableArticle, type SiteData } from './strapi/site-data';

/** The build's data with the lookups the routes share, worked out once per build. */
export interface SiteIndex {
  config: SiteConfig;
  data: SiteData;
  byCategory: Map<string, RoutableArticle[]>;
  byAuthor: Map<string, RoutableArticle[]>;
  related: (article: RoutableArticle) => RelatedLists<RoutableArticle>;
  /** Old addresses of renamed or moved articles, each written as a page leading to the article. */
  redirects: ArticleRedirect<RoutableArticle>[];
  commentsByArticle: Record<string, SiteComment[]>;
  commentCounts: CommentCounts;
}

let cached: Promise<SiteIndex> | undefined;

async function buildIndex(): Promise<SiteIndex> {
  const data = await getSiteData();
  const commentsByArticle = groupCommentsByArticle(data.comments);
  return {
    config: readSiteConfig(),
    data,
    byCategory: groupByCategory(data.articles),
    byAuthor: groupByAuthor(data.articles),
    related: createRelatedFinder(data.articles, {
      sameCount: SAME_CATEGORY_COUNT,
      otherCount: OTHER_NEWS_COUNT,
    }),
    redirects: findRedirects(data.articles, data.categories),
    commentsByArticle,
    commentCounts: countComments(commentsByArticle),
  };
}

/** Made once per process, instead of each of thousands of pages filtering the whole archive. */
export function getSiteIndex(): Promise<SiteIndex> {
  cached ??= buildIndex();
  return cached;
}
