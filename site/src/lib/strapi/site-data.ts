import path from 'node:path';
import {
  articleSchema,
  authorSchema,
  exportResponse,
  categorySchema,
  listResponse,
  normalizeDeep,
  renderMarkdown,
  toNfc,
  type Article,
  type Author,
  type Category,
} from '@toasoan/shared';
import { readSiteConfig, type SiteConfig } from '../config';
import { bodyImageUrl, imageSources } from '../images/cms-media';
import { cachedPacks, writeBodyPack, type BodyLocation } from './article-bodies';
import { StrapiClient, type Parser } from './client';
import { commentPageSchema, type CommentEntry } from './comments';
import { explainFetchFailure, SiteDataError } from './errors';
import { ARTICLE_QUERY, AUTHOR_QUERY, CATEGORY_QUERY, COMMENT_QUERY } from './queries';
import type { StrapiQuery } from './query';
import { readSiteDataFile, writeSiteDataFile } from './site-data-file';
import { fetchSyncIndex, type SyncIndex } from './sync-index';

// `createdAt` tells a republished article from a back-dated import (article-meta.ts updatedTime).
const siteArticleSchema = articleSchema.extend({ createdAt: articleSchema.shape.publishedAt });
const articlePageSchema = listResponse(siteArticleSchema);
// The export route sends bodies as bytes after the entries (client.ts exportPages).
const articleExportSchema = exportResponse(siteArticleSchema.omit({ body: true }));

/** Past this many changed articles, the export route (keyset pages of 1,000) beats REST lookups. */
const EXPORT_FROM = 500;

type FetchedArticle = ReturnType<typeof siteArticleSchema.parse>;

/** Without its body (kept in a pack of the cache, article-bodies.ts) but with where it lies. */
export type SiteArticle = Omit<FetchedArticle, 'body'> & {
  bodyAt: BodyLocation;
  bodyImages: string[];
};

/** An article that has a category, so it has a URL. */
export type RoutableArticle = SiteArticle & { category: NonNullable<Article['category']> };

/** Everything a build renders, fetched once and shared by every route. */
export interface SiteData {
  fetchedAt: string;
  /** The CMS it came from; media URLs are relative to it. */
  strapiUrl: string;
  /** Published articles with a category, newest first. */
  articles: RoutableArticle[];
  /** In menu order (`order`, then name). */
  categories: Category[];
  authors: Author[];
  /** Approved comments, oldest first. */
  comments: CommentEntry[];
}

/** What a fetch did, for the build's log and statistics. */
export interface FetchStats {
  mode: 'full' | 'incremental';
  articlesFetched: number;
  articlesReused: number;
  commentsFetched: number;
}

const DATA_FILE_NAME = 'site-data.json';

async function explained<T>(strapiUrl: string, collection: string, fetch: () => Promise<T>) {
  try {
    return await fetch();
  } catch (error) {
    throw explainFetchFailure(error, strapiUrl, collection);
  }
}

const getAll = <T>(
  client: StrapiClient,
  collection: string,
  query: StrapiQuery,
  pageSchema: Parser<{
    data: T[];
    meta: { pagination: { page: number; pageCount: number; total: number } };
  }>,
) => explained(client.baseUrl, collection, () => client.getAll(collection, query, pageSchema));

/** Only bodies that may hold a picture are decoded (a Latin-1 view finds `![` and `<img`). */
function bodyImages(body: Buffer, strapiUrl: string): string[] {
  if (!/!\[|<img/i.test(body.toString('latin1'))) return [];
  const markdown = toNfc(body.toString('utf8'));
  return imageSources(renderMarkdown(markdown)).flatMap(
    (src) => bodyImageUrl(src, strapiUrl) ?? [],
  );
}

const newestFirst = (a: SiteArticle, b: SiteArticle) =>
  b.publicationTime.localeCompare(a.publicationTime) || b.id - a.id;
const oldestFirst = (a: CommentEntry, b: CommentEntry) =>
  a.createdAt.localeCompare(b.createdAt) || a.id - b.id;

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Given `base`, fetches only what changed (README, "Incremental builds"); text ends up NFC. */
export async function fetchSiteData(
  config: SiteConfig,
  base?: SiteData,
): Promise<{ data: SiteData; stats: FetchStats }> {
  if (!config.strapiToken) {
    throw new SiteDataError(
      'STRAPI_TOKEN is not set: put the read-only "site-build" token (the value of ' +
        'SITE_API_TOKEN in cms/.env) in site/.env as STRAPI_TOKEN=…, or run "npm start" once to create it.',
    );
  }
  const client = new StrapiClient({ baseUrl: config.strapiUrl, token: config.strapiToken });
  // One after the other at first: a wrong token or a stopped CMS then fails once, with one message.
  const sync: SyncIndex = await explained(config.strapiUrl, 'site-sync', () =>
    fetchSyncIndex(client),
  );
  const [categories, authors] = await Promise.all([
    getAll(client, 'categories', CATEGORY_QUERY, listResponse(categorySchema)),
    getAll(client, 'authors', AUTHOR_QUERY, listResponse(authorSchema)),
  ]).then((lists) => normalizeDeep(lists));

  const reusable =
    base !== undefined &&
    base.strapiUrl === config.strapiUrl &&
    sameJson(base.categories, categories) &&
    sameJson(base.authors, authors);
  const packs = reusable ? await cachedPacks(config.cacheDir) : new Set<string>();
  const kept: RoutableArticle[] = [];
  const wanted = new Set(sync.articles.keys());
  for (const article of reusable ? base.articles : []) {
    const unchanged = sync.articles.get(article.documentId) === article.updatedAt;
    // An earlier cache's data has no bodyAt: its articles are fetched again.
    if (unchanged && article.bodyAt && packs.has(article.bodyAt.pack)) {
      kept.push(article);
      wanted.delete(article.documentId);
    }
  }
  const fresh: RoutableArticle[] = [];
  await explained(config.strapiUrl, 'articles', async () => {
    if (reusable && wanted.size <= EXPORT_FROM) {
      const ids = [...wanted];
      const found = await client.getByDocumentIds(
        'articles',
        ARTICLE_QUERY,
        ids,
        articlePageSchema,
      );
      fresh.push(
        ...(await storeArticles(
          config,
          found.map(({ body, ...article }) => article),
          found.map(({ body }) => Buffer.from(body)),
        )),
      );
      return;
    }
    // Each page is stored while the CMS prepares the next.
    for await (const { entries, bodies } of client.exportPages(
      'site-export',
      articleExportSchema,
    )) {
      const changed = entries.flatMap((article, index) =>
        wanted.has(article.documentId) ? [index] : [],
      );
      fresh.push(
        ...(await storeArticles(
          config,
          changed.map((index) => entries[index]),
          changed.map((index) => bodies[index]),
        )),
      );
    }
  });

  const knownComments = new Map((reusable ? base.comments : []).map((c) => [c.documentId, c]));
  const keptComments: CommentEntry[] = [];
  const wantedComments: string[] = [];
  for (const [documentId, updatedAt] of sync.comments) {
    const known = knownComments.get(documentId);
    if (known && known.updatedAt === updatedAt) keptComments.push(known);
    else wantedComments.push(documentId);
  }
  const freshComments = await explained(config.strapiUrl, 'comments', () =>
    client.getByDocumentIds('comments', COMMENT_QUERY, wantedComments, commentPageSchema),
  );

  const articles = [...kept, ...fresh].sort(newestFirst);
  if (articles.length === 0) {
    throw new SiteDataError(
      `The CMS at ${config.strapiUrl} has no published article with a category: publish one in ` +
        `the admin (or load the sample newsroom with "npm run seed"), then build again.`,
    );
  }
  return {
    data: {
      fetchedAt: new Date().toISOString(),
      strapiUrl: config.strapiUrl,
      articles,
      categories,
      authors,
      comments: [...keptComments, ...normalizeDeep(freshComments)].sort(oldestFirst),
    },
    stats: {
      mode: reusable ? 'incremental' : 'full',
      articlesFetched: fresh.length,
      articlesReused: kept.length,
      commentsFetched: freshComments.length,
    },
  };
}

/** `bodies[i]` is `fetched[i]`'s body (UTF-8); the routable ones go to one pack of the cache. */
async function storeArticles(
  config: SiteConfig,
  fetched: Array<Omit<FetchedArticle, 'body'>>,
  bodies: Buffer[],
): Promise<RoutableArticle[]> {
  // Unpublished or moved out of its category between the sync index and this request.
  const routable = fetched.flatMap((article, index) => (article.category ? [index] : []));
  if (routable.length === 0) return [];
  const stored = await writeBodyPack(
    config.cacheDir,
    routable.map((index) => bodies[index]),
  );
  return routable.map((index, at) => ({
    ...(normalizeDeep(fetched[index]) as RoutableArticle),
    bodyAt: stored[at],
    bodyImages: bodyImages(bodies[index], config.strapiUrl),
  }));
}

export const siteDataFile = (cacheDir: string) => path.join(cacheDir, DATA_FILE_NAME);

/** Writes the data where the routes of this build will read it (site-data-file.ts). */
export const saveSiteData = (cacheDir: string, data: SiteData) =>
  writeSiteDataFile(siteDataFile(cacheDir), data);

async function loadSiteData(cacheDir: string): Promise<SiteData> {
  const data = await readSiteDataFile(siteDataFile(cacheDir));
  if (data) return data;
  throw new SiteDataError(
    `No CMS data at ${siteDataFile(cacheDir)}: build with "npm run build -w site", whose Strapi ` +
      `integration fetches it first.`,
  );
}

// The integration and the pages are different module instances (Vite bundles the pages) in one
// process: the integration hands its copy over here, sparing the pages a parse of the file.
const HANDED_OVER = Symbol.for('toasoan.site-data');
const shared = globalThis as typeof globalThis & { [HANDED_OVER]?: Promise<SiteData> };

/** Makes `data` what getSiteData returns in this process (the integration, after fetching). */
export function handOverSiteData(data: SiteData): void {
  shared[HANDED_OVER] = Promise.resolve(data);
}

/** One copy for every route: handed over by the integration, else read once per process. */
export function getSiteData(): Promise<SiteData> {
  shared[HANDED_OVER] ??= loadSiteData(readSiteConfig().cacheDir);
  return shared[HANDED_OVER];
}
