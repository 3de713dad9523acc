import type { SiteConfig } from '../src/lib/config';
import { StrapiClient } from '../src/lib/strapi/client';
import { explainFetchFailure } from '../src/lib/strapi/errors';
import { toQueryString, type StrapiQuery } from '../src/lib/strapi/query';

/** What the CMS holds, in the few figures the publisher needs. */
export interface ContentSnapshot {
  /** Published articles with a category: the article pages a build must write. */
  articles: number;
  /** Moves whenever published content does (newest `updatedAt`, size of each collection). */
  signature: string;
  takenAt: string;
}

/** Where a build's content comes from, as the publisher sees it: the CMS, in production. */
export interface ContentSource {
  snapshot(): Promise<ContentSnapshot>;
}

interface NewestPage {
  data: { updatedAt?: string }[];
  meta: { pagination: { total: number } };
}

// Only what a page renders: articles with a category, approved comments (moderation moves their
// newest `updatedAt` or shrinks their total).
const COLLECTIONS: { name: string; filters?: StrapiQuery }[] = [
  { name: 'articles', filters: { category: { id: { $notNull: true } } } },
  { name: 'authors' },
  { name: 'categories' },
  { name: 'comments', filters: { moderation: { $eq: 'approved' } } },
];

/** One small REST request per collection (newest `updatedAt`, total): the CMS's clock, no skew. */
export class CmsContentSource implements ContentSource {
  readonly #client: StrapiClient;

  constructor(site: SiteConfig) {
    this.#client = new StrapiClient({
      baseUrl: site.strapiUrl,
      token: site.strapiToken,
      timeoutMs: 10_000,
    });
  }

  async snapshot(): Promise<ContentSnapshot> {
    // All at once: a snapshot is taken as each build starts, so it is on the publish's clock.
    const pages = await Promise.all(COLLECTIONS.map((collection) => this.#newest(collection)));
    const parts = COLLECTIONS.map(
      ({ name }, index) =>
        `${name}:${pages[index]!.meta.pagination.total}@${pages[index]!.data[0]?.updatedAt ?? '-'}`,
    );
    return {
      articles: pages[0]!.meta.pagination.total,
      signature: parts.join(' '),
      takenAt: new Date().toISOString(),
    };
  }

  /** The collection's most recently updated entry (its `updatedAt` only) and its total. */
  async #newest({ name, filters }: (typeof COLLECTIONS)[number]): Promise<NewestPage> {
    const query: StrapiQuery = {
      fields: ['updatedAt'],
      sort: ['updatedAt:desc'],
      pagination: { page: 1, pageSize: 1 },
      ...(filters && { filters }),
    };
    try {
      return (await this.#client.get(`/api/${name}?${toQueryString(query)}`)) as NewestPage;
    } catch (error) {
      throw explainFetchFailure(error, this.#client.baseUrl, name);
    }
  }
}
