import type { SiteConfig } from '../src/lib/config';
import { StrapiClient } from '../src/lib/strapi/client';
import { explainFetchFailure } from '../src/lib/strapi/errors';
import { toQueryString, type StrapiQuery } from '../src/lib/strapi/query';

/** What the CMS holds, in the few figures the publisher needs. */
export interface ContentSnapshot {
  /** Published articles with a category: the article pages a build must write. */
  articles: number;
  /** Changes whenever the published content does (newest `updatedAt` and the size of each collection). */
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

// Only what a page renders: an article without a category gets no page (see site-data.ts).
const COLLECTIONS: { name: string; filters?: StrapiQuery }[] = [
  { name: 'articles', filters: { category: { id: { $notNull: true } } } },
  { name: 'authors' },
  { name: 'categories' },
];

/**
 * Reads the CMS through the REST API with the site's read-only token: one small request per
 * collection (the newest entry's `updatedAt` and the total), never the content itself. Both
 * figures come from the CMS's clock and counts, so clock skew between machines does not matter.
 * A deletion or an unpublish shrinks a total; a publish or an edit moves `updatedAt`.
 */
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
    const parts: string[] = [];
    let articles = 0;
    for (const { name, filters } of COLLECTIONS) {
      const query: StrapiQuery = {
        fields: ['updatedAt'],
        sort: ['updatedAt:desc'],
        pagination: { page: 1, pageSize: 1 },
        ...(filters && { filters }),
      };
      let page: NewestPage;
      try {
        page = (await this.#client.get(`/api/${name}?${toQueryString(query)}`)) as NewestPage;
      } catch (error) {
        throw explainFetchFailure(error, this.#client.baseUrl, name);
      }
      const total = page.meta.pagination.total;
      if (name === 'articles') articles = total;
      parts.push(`${name}:${total}@${page.data[0]?.updatedAt ?? '-'}`);
    }
    return { articles, signature: parts.join(' '), takenAt: new Date().toISOString() };
  }
}
