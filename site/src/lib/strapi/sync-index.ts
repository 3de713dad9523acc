import { siteSyncSchema } from '@toasoan/shared';
import type { StrapiClient } from './client';

/** documentId → updatedAt of what the site shows: the cheap, complete list a build diffs against. */
export interface SyncIndex {
  articles: Map<string, string>;
  comments: Map<string, string>;
}

/**
 * Reads the CMS's sync index: one small request that names every published article and approved
 * comment with its version, so a build fetches only what changed and notices what is gone.
 */
export async function fetchSyncIndex(client: StrapiClient): Promise<SyncIndex> {
  const index = siteSyncSchema.parse(await client.get('/api/site-sync'));
  return { articles: new Map(index.articles), comments: new Map(index.comments) };
}
