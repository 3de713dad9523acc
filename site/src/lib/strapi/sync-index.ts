import { siteSyncSchema, type SiteSync } from '@toasoan/shared';
import type { StrapiClient } from './client';

/** documentId → updatedAt of what the site shows: the cheap, complete list a build diffs against. */
export interface SyncIndex {
  articles: Map<string, string>;
  comments: Map<string, string>;
}

const isVersions = (value: unknown): value is SiteSync['articles'] =>
  Array.isArray(value) &&
  value.every(
    (entry) =>
      Array.isArray(entry) &&
      entry.length === 2 &&
      typeof entry[0] === 'string' &&
      typeof entry[1] === 'string',
  );

/** By hand: zod takes a second over 20,000 pairs, this a millisecond; zod explains a bad shape. */
export function parseSiteSync(value: unknown): SiteSync {
  const candidate = value as Partial<SiteSync> | null;
  if (candidate && isVersions(candidate.articles) && isVersions(candidate.comments)) {
    return { articles: candidate.articles, comments: candidate.comments };
  }
  return siteSyncSchema.parse(value);
}

export async function fetchSyncIndex(client: StrapiClient): Promise<SyncIndex> {
  const index = parseSiteSync(await client.get('/api/site-sync'));
  return { articles: new Map(index.articles), comments: new Map(index.comments) };
}
