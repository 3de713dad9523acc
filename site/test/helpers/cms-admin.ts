import { registerFirstAdmin } from '../../../scripts/lib/first-admin';
import type { TestCms } from './cms';

const ARTICLE = 'api::article.article';
const CATEGORY = 'api::category.category';
const COMMENT = 'api::comment.comment';

/** What the site needs to know to find an article's page. */
export interface PublishedArticle {
  documentId: string;
  title: string;
  /** `/<category-slug>/<slug>-<number>.html` */
  urlPath: string;
}

/**
 * The first admin of a test CMS, the one way a test writes to it. Two doors, as in Strapi:
 * - the admin's content-manager API with the admin's session (`saveArticle`, `publishArticle`,
 *   `unpublishArticle`…), the path an editor's clicks take, so Strapi's real webhooks and
 *   document middlewares fire;
 * - the REST API with a full-access token (`request`, `upload`, `postPublishedArticle`,
 *   `createComment`…), as an integration writes what the seed does not make.
 */
export class CmsAdmin {
  readonly #cms: TestCms;
  readonly #jwt: string;
  #token: Promise<string> | undefined;

  private constructor(cms: TestCms, jwt: string) {
    this.#cms = cms;
    this.#jwt = jwt;
  }

  /** Registers the first admin of a fresh CMS (startTestCms makes none) and works as them. */
  static async open(cms: TestCms): Promise<CmsAdmin> {
    return new CmsAdmin(cms, await registerFirstAdmin(cms.url));
  }

  // The admin's side: the content manager.

  async #contentManager(
    method: string,
    uid: string,
    suffix: string,
    body: object = {},
  ): Promise<Record<string, unknown>> {
    const response = await fetch(
      `${this.#cms.url}/content-manager/collection-types/${uid}${suffix}`,
      {
        method,
        headers: { Authorization: `Bearer ${this.#jwt}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
    const text = await response.text();
    const json = JSON.parse(text) as { data?: Record<string, unknown> };
    if (!response.ok || !json.data) {
      throw new Error(`${method} ${uid}${suffix} answered ${response.status}: ${text}`);
    }
    return json.data;
  }

  /** Save: changes the draft only. */
  saveArticle(documentId: string, data: object) {
    return this.#contentManager('PUT', ARTICLE, `/${documentId}`, data);
  }

  /** Publish (with the form's changes, if any). */
  publishArticle(documentId: string, data: object = {}) {
    return this.#contentManager('POST', ARTICLE, `/${documentId}/actions/publish`, data);
  }

  /** Publish on a new article's form, without saving a draft first. */
  async createPublishedArticle(data: object): Promise<{ documentId: string }> {
    const created = await this.#contentManager('POST', ARTICLE, '/actions/publish', data);
    return { documentId: created.documentId as string };
  }

  async unpublishArticle(documentId: string): Promise<void> {
    await this.#contentManager('POST', ARTICLE, `/${documentId}/actions/unpublish`);
  }

  /** Delete, from the list view: every version of the document goes. */
  async deleteArticle(documentId: string): Promise<void> {
    const response = await fetch(
      `${this.#cms.url}/content-manager/collection-types/${ARTICLE}/${documentId}`,
      { method: 'DELETE', headers: { Authorization: `Bearer ${this.#jwt}` } },
    );
    if (!response.ok) throw new Error(`DELETE ${documentId} answered ${response.status}`);
  }

  saveCategory(documentId: string, data: object) {
    return this.#contentManager('PUT', CATEGORY, `/${documentId}`, data);
  }

  /** Saves a draft article in a category and publishes it, as pressing Save then Publish does. */
  async publishNewArticle(
    title: string,
    category: { documentId: string; slug: string },
  ): Promise<PublishedArticle> {
    const draft = await this.#contentManager('POST', ARTICLE, '', {
      title,
      sapo: `${title}: bài viết thử nghiệm của bộ kiểm thử xuất bản.`,
      body: `## Diễn biến\n\nNội dung bài **${title}**.\n\n## Kết quả\n\nBài viết được đăng tự động.`,
      category: { connect: [{ documentId: category.documentId }] },
    });
    const documentId = draft.documentId as string;
    const published = await this.publishArticle(documentId);
    return {
      documentId,
      title,
      urlPath: `/${category.slug}/${published.slug as string}-${published.number as number}.html`,
    };
  }

  /** A reader's comment on an article, stored pending as every new one is, then approved. */
  async approveNewComment(
    articleDocumentId: string,
    comment: { name: string; body: string },
  ): Promise<void> {
    const created = await this.#contentManager('POST', COMMENT, '', {
      ...comment,
      email: 'ban-doc@toasoan.test',
      article: { connect: [{ documentId: articleDocumentId }] },
    });
    await this.#contentManager('PUT', COMMENT, `/${created.documentId as string}`, {
      moderation: 'approved',
    });
  }

  /** The URLs of the webhooks Strapi has that are named "publisher" (declared by cms bootstrap). */
  async publisherWebhookUrls(): Promise<string[]> {
    const response = await fetch(`${this.#cms.url}/admin/webhooks`, {
      headers: { Authorization: `Bearer ${this.#jwt}` },
    });
    const { data } = (await response.json()) as { data: { name: string; url: string }[] };
    return data.filter((webhook) => webhook.name === 'publisher').map((webhook) => webhook.url);
  }

  // Reading, as the site does: the site-build token.

  /** GETs a REST path with the site's read-only token and returns `data`. */
  async read<T>(pathAndQuery: string): Promise<T> {
    const response = await fetch(`${this.#cms.url}${pathAndQuery}`, {
      headers: { Authorization: `Bearer ${this.#cms.token}` },
    });
    if (!response.ok) throw new Error(`GET ${pathAndQuery} answered ${response.status}`);
    return ((await response.json()) as { data: T }).data;
  }

  /** The first category, as the public REST API lists it. */
  async firstCategory(): Promise<{ documentId: string; slug: string }> {
    const [first] = await this.read<{ documentId: string; slug: string }[]>(
      '/api/categories?fields[0]=slug&sort[0]=order:asc&pagination[pageSize]=1',
    );
    return first!;
  }

  // The REST side: a full-access token the admin makes when it is first needed.

  async #createToken(): Promise<string> {
    const created = await fetch(`${this.#cms.url}/admin/api-tokens`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.#jwt}`, 'Content-Type': 'application/json' },
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
    return token.data.accessKey;
  }

  /** Calls the REST API with the full-access token; a string body is sent as JSON. */
  async request<T>(method: string, pathAndQuery: string, body?: BodyInit): Promise<T> {
    this.#token ??= this.#createToken();
    const response = await fetch(`${this.#cms.url}${pathAndQuery}`, {
      method,
      headers: {
        Authorization: `Bearer ${await this.#token}`,
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

  async createCategory(category: {
    name: string;
    slug: string;
    order: number;
  }): Promise<{ documentId: string; slug: string }> {
    const created = await this.#post('/api/categories', category);
    return { documentId: created.documentId as string, slug: created.slug as string };
  }

  /** Publishes an article now through the REST API (the CMS sets its publication time). */
  async postPublishedArticle(article: {
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
