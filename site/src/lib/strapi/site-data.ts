import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  articleSchema,
  authorSchema,
  categorySchema,
  listResponse,
  normalizeDeep,
  type Article,
  type Author,
  type Category,
} from '@toasoan/shared';
import { readSiteConfig, type SiteConfig } from '../config';
import { StrapiClient, type Parser } from './client';
import { commentPageSchema, groupCommentsByArticle, type SiteComment } from './comments';
import { explainFetchFailure, SiteDataError } from './errors';
import { ARTICLE_QUERY, AUTHOR_QUERY, CATEGORY_QUERY, COMMENT_QUERY } from './queries';
import type { StrapiQuery } from './query';

// The shared schema strips the fields it does not name; the site also reads `createdAt`, which
// tells a republished article from a back-dated import (see updatedTime in article-meta.ts).
const siteArticleSchema = articleSchema.extend({ createdAt: articleSchema.shape.publishedAt });

/** An article as the site reads it: the shared schema plus `createdAt`. */
export type SiteArticle = ReturnType<typeof siteArticleSchema.parse>;

/** An article that has a category, so it has a URL. */
export type RoutableArticle = SiteArticle & { category: NonNullable<Article['category']> };

/** Everything a build renders, fetched once and shared by every route. */
export interface SiteData {
  /** When it was fetched (ISO 8601). */
  fetchedAt: string;
  /** The CMS it came from; media URLs are relative to it. */
  strapiUrl: string;
  /** Published articles with a category, newest first. */
  articles: RoutableArticle[];
  /** How many published articles were left out for lacking a category. */
  articlesWithoutCategory: number;
  /** In menu order (`order`, then name). */
  categories: Category[];
  authors: Author[];
  /** Approved comments by the documentId of their article, oldest first. */
  commentsByArticle: Record<string, SiteComment[]>;
}

const DATA_FILE_NAME = 'site-data.json';

async function fetchCollection<T>(
  client: StrapiClient,
  collection: string,
  query: StrapiQuery,
  pageSchema: Parser<{
    data: T[];
    meta: { pagination: { page: number; pageCount: number; total: number } };
  }>,
): Promise<T[]> {
  try {
    return await client.getAll(collection, query, pageSchema);
  } catch (error) {
    throw explainFetchFailure(error, client.baseUrl, collection);
  }
}

/**
 * Fetches every published article, category, author and approved comment from the CMS, checks
 * their shape and normalizes all text to NFC. Throws a SiteDataError naming the fix when the
 * token is missing or refused, the CMS is unreachable, or it has no published article.
 */
export async function fetchSiteData(config: SiteConfig): Promise<SiteData> {
  if (!config.strapiToken) {
    throw new SiteDataError(
      'STRAPI_TOKEN is not set: put the read-only "site-build" token (the value of ' +
        'SITE_API_TOKEN in cms/.env) in site/.env as STRAPI_TOKEN=…, or run "npm start" once to create it.',
    );
  }
  const client = new StrapiClient({ baseUrl: config.strapiUrl, token: config.strapiToken });
  // One after the other, not in parallel: a wrong token or a stopped CMS then fails once,
  // with one message, instead of once per collection.
  const articles = await fetchCollection(
    client,
    'articles',
    ARTICLE_QUERY,
    listResponse(siteArticleSchema),
  );
  const categories = await fetchCollection(
    client,
    'categories',
    CATEGORY_QUERY,
    listResponse(categorySchema),
  );
  const authors = await fetchCollection(
    client,
    'authors',
    AUTHOR_QUERY,
    listResponse(authorSchema),
  );
  const comments = await fetchCollection(client, 'comments', COMMENT_QUERY, commentPageSchema);

  const routable = articles.filter((article): article is RoutableArticle =>
    Boolean(article.category),
  );
  if (routable.length === 0) {
    throw new SiteDataError(
      `The CMS at ${config.strapiUrl} has no published article with a category: publish one in ` +
        `the admin (or load the sample newsroom with "npm run seed"), then build again.`,
    );
  }
  return normalizeDeep({
    fetchedAt: new Date().toISOString(),
    strapiUrl: config.strapiUrl,
    articles: routable,
    articlesWithoutCategory: articles.length - routable.length,
    categories,
    authors,
    commentsByArticle: groupCommentsByArticle(comments),
  });
}

/** Writes the data where the routes of this build will read it (atomically: no half files). */
export async function saveSiteData(cacheDir: string, data: SiteData): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const file = path.join(cacheDir, DATA_FILE_NAME);
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, JSON.stringify(data));
  await rename(partial, file);
}

async function loadSiteData(cacheDir: string): Promise<SiteData> {
  const file = path.join(cacheDir, DATA_FILE_NAME);
  try {
    return JSON.parse(await readFile(file, 'utf8')) as SiteData;
  } catch (cause) {
    throw new SiteDataError(
      `No CMS data at ${file}: build with "npm run build -w site", whose Strapi integration ` +
        `fetches it first.`,
      { cause },
    );
  }
}

let cached: Promise<SiteData> | undefined;

/**
 * The data of the current build, for pages. Read from disk once per process: the integration
 * fetched it before the build started, so getStaticPaths of every route shares one copy
 * instead of each asking the CMS again. Article bodies stay out of imported modules, which
 * is what keeps large builds fast (see DESIGN.md, measured facts).
 */
export function getSiteData(): Promise<SiteData> {
  cached ??= loadSiteData(readSiteConfig().cacheDir);
  return cached;
}
