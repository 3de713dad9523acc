import { registerFirstAdmin } from './admin';
import type { TestCms } from './cms';

/**
 * Writes to a test CMS what the seed does not make: extra categories, reader comments in each
 * moderation state, a freshly published article. It registers the first admin of the throwaway
 * CMS, then creates a full-access API token and uses the REST API, as an integration would.
 */
export class CmsWriter {
  readonly #cms: TestCms;
  readonly #token: string;

  private constructor(cms: TestCms, token: string) {
    this.#cms = cms;
    this.#token = token;
  }

  /** Needs a CMS without any admin yet (startTestCms makes none). */
  static async open(cms: TestCms): Promise<CmsWriter> {
    const adminJwt = await registerFirstAdmin(cms.url, 'reader-test');
    const created = await fetch(`${cms.url}/admin/api-tokens`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminJwt}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'reader-tests',
        description: 'Writes test content',
        type: 'full-access',
        lifespan: null,
      }),
    });
    const token = (await created.json()) as { data?: { accessKey: string } };
    if (!created.ok || !token.data) {
      throw new Error(
        `POST /admin/api-tokens answered ${created.status}: ${JSON.stringify(token)}`,
      );
    }
    return new CmsWriter(cms, token.data.accessKey);
  }

  async #post(pathAndQuery: string, data: object): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.#cms.url}${pathAndQuery}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.#token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ data }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown> };
    if (!response.ok || !body.data) {
      throw new Error(`POST ${pathAndQuery} answered ${response.status}: ${JSON.stringify(body)}`);
    }
    return body.data;
  }

  /** GETs a REST path with the site's read-only token and returns `data`. */
  async read<T>(pathAndQuery: string): Promise<T> {
    const response = await fetch(`${this.#cms.url}${pathAndQuery}`, {
      headers: { Authorization: `Bearer ${this.#cms.token}` },
    });
    if (!response.ok) throw new Error(`GET ${pathAndQuery} answered ${response.status}`);
    return ((await response.json()) as { data: T }).data;
  }

  async createCategory(category: {
    name: string;
    slug: string;
    order: number;
  }): Promise<{ documentId: string; slug: string }> {
    const created = await this.#post('/api/categories', category);
    return { documentId: created.documentId as string, slug: created.slug as string };
  }

  /** Publishes an article now (its publication time is set by the CMS on publish). */
  async publishArticle(article: {
    title: string;
    sapo: string;
    body: string;
    categoryDocumentId: string;
    credits: { role: string; authorDocumentId: string }[];
    tags?: string[];
  }): Promise<{ documentId: string; slug: string; number: number }> {
    const created = await this.#post('/api/articles?status=published', {
      title: article.title,
      sapo: article.sapo,
      body: article.body,
      category: article.categoryDocumentId,
      credits: article.credits.map(({ role, authorDocumentId }) => ({
        role,
        author: authorDocumentId,
      })),
      tags: article.tags,
    });
    return {
      documentId: created.documentId as string,
      slug: created.slug as string,
      number: created.number as number,
    };
  }

  async createComment(comment: {
    articleDocumentId: string;
    name: string;
    body: string;
    moderation: 'pending' | 'approved' | 'rejected' | 'spam';
  }): Promise<{ id: number; createdAt: string }> {
    const created = await this.#post('/api/comments', {
      article: comment.articleDocumentId,
      name: comment.name,
      email: 'ban-doc@example.vn',
      body: comment.body,
      moderation: comment.moderation,
    });
    return { id: created.id as number, createdAt: created.createdAt as string };
  }
}
