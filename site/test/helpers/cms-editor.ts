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
 * A journalist or an editor in the admin, through the content-manager API the admin panel calls
 * with an admin's session, so every change takes the path their clicks take (Save, Publish,
 * Unpublish, moderating a comment) and fires Strapi's real webhooks and document middlewares.
 */
export class CmsEditor {
  readonly #cms: TestCms;
  readonly #jwt: string;

  private constructor(cms: TestCms, jwt: string) {
    this.#cms = cms;
    this.#jwt = jwt;
  }

  /** Registers the first admin of a fresh CMS (one without any admin yet) and works as them. */
  static async open(cms: TestCms): Promise<CmsEditor> {
    return new CmsEditor(cms, await registerFirstAdmin(cms.url));
  }

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

  /** The first category, as the public REST API lists it. */
  async firstCategory(): Promise<{ documentId: string; slug: string }> {
    const response = await fetch(
      `${this.#cms.url}/api/categories?fields[0]=slug&sort[0]=order:asc&pagination[pageSize]=1`,
      { headers: { Authorization: `Bearer ${this.#cms.token}` } },
    );
    const { data } = (await response.json()) as { data: { documentId: string; slug: string }[] };
    return data[0]!;
  }

  /** The URLs of the webhooks Strapi has that are named "publisher" (declared by cms bootstrap). */
  async publisherWebhookUrls(): Promise<string[]> {
    const response = await fetch(`${this.#cms.url}/admin/webhooks`, {
      headers: { Authorization: `Bearer ${this.#jwt}` },
    });
    const { data } = (await response.json()) as { data: { name: string; url: string }[] };
    return data.filter((webhook) => webhook.name === 'publisher').map((webhook) => webhook.url);
  }
}
