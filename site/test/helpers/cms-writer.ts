import { registerFirstAdmin } from '../../../scripts/lib/first-admin';
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
    const adminJwt = await registerFirstAdmin(cms.url);
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

  /** Calls the REST API with the full-access token; a string body is sent as JSON. */
  async request<T>(method: string, pathAndQuery: string, body?: BodyInit): Promise<T> {
    const response = await fetch(`${this.#cms.url}${pathAndQuery}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.#token}`,
        ...(typeof body === 'string' ? { 'Content-Type': 'application/json' } : {}),
      },
      body,
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${method} ${pathAndQuery} answered ${response.status}: ${text}`);
    }
    return JSON.parse(text) as T;
  }

  async #post(pathAndQuery: string, data: object): Promise<Record<string, unknown>> {
    const body = await this.request<{ data: Record<string, unknown> }>(
      'POST',
      pathAndQuery,
      JSON.stringify({ data }),
    );
    return body.data;
  }

  /** Uploads a file to the media library; returns its id and URL (`/uploads/…`). */
  async upload(name: string, bytes: Buffer): Promise<{ id: number; url: string }> {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), name);
    const [file] = await this.request<{ id: number; url: string }[]>('POST', '/api/upload', form);
    return file!;
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
