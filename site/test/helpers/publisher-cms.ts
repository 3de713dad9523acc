import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { TestCms } from './cms';
import { siteRoot } from './paths';
import { startProcess, stopProcess, type StartedProcess } from './processes';

const ARTICLE = 'api::article.article';
const COMMENT = 'api::comment.comment';

/** What the site needs to know to find an article's page. */
export interface PublishedArticle {
  documentId: string;
  title: string;
  /** `/<category-slug>/<slug>-<number>.html` */
  urlPath: string;
}

/**
 * A journalist in the admin, through the same content-manager API the admin panel calls: create
 * a draft, publish, unpublish. These fire Strapi's real webhooks.
 */
export class CmsEditor {
  readonly #cms: TestCms;
  readonly #jwt: string;

  private constructor(cms: TestCms, jwt: string) {
    this.#cms = cms;
    this.#jwt = jwt;
  }

  /** Registers the first admin of a fresh CMS (one without any admin yet) and logs in as them. */
  static async registerFirstAdmin(cms: TestCms): Promise<CmsEditor> {
    const response = await fetch(`${cms.url}/admin/register-admin`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        firstname: 'Biên',
        lastname: 'Tập',
        email: `editor-${randomBytes(4).toString('hex')}@toasoan.test`,
        password: `Editor-${randomBytes(6).toString('hex')}-9`,
      }),
    });
    const body = (await response.json()) as { data?: { token: string } };
    if (!response.ok || !body.data)
      throw new Error(`register-admin answered ${response.status}: ${JSON.stringify(body)}`);
    return new CmsEditor(cms, body.data.token);
  }

  /** The URLs of the webhooks Strapi has that are named "publisher" (declared by cms bootstrap). */
  async publisherWebhookUrls(): Promise<string[]> {
    const response = await fetch(`${this.#cms.url}/admin/webhooks`, {
      headers: { Authorization: `Bearer ${this.#jwt}` },
    });
    const { data } = (await response.json()) as { data: { name: string; url: string }[] };
    return data.filter((webhook) => webhook.name === 'publisher').map((webhook) => webhook.url);
  }

  async #contentManager(
    method: string,
    suffix: string,
    body?: object,
    uid = ARTICLE,
  ): Promise<Record<string, unknown>> {
    const response = await fetch(
      `${this.#cms.url}/content-manager/collection-types/${uid}${suffix}`,
      {
        method,
        headers: { Authorization: `Bearer ${this.#jwt}`, 'Content-Type': 'application/json' },
        body: body && JSON.stringify(body),
      },
    );
    const json = (await response.json()) as { data?: Record<string, unknown> };
    if (!response.ok || !json.data)
      throw new Error(
        `${method} ${suffix || '/'} answered ${response.status}: ${JSON.stringify(json)}`,
      );
    return json.data;
  }

  /** The first category, as the public REST API lists it. */
  async firstCategory(): Promise<{ documentId: string; slug: string }> {
    const response = await fetch(
      `${this.#cms.url}/api/categories?fields[0]=slug&sort[0]=order:asc&pagination[pageSize]=1`,
      {
        headers: { Authorization: `Bearer ${this.#cms.token}` },
      },
    );
    const { data } = (await response.json()) as { data: { documentId: string; slug: string }[] };
    return data[0]!;
  }

  /** Saves a draft article in a category and publishes it, as pressing Save then Publish does. */
  async publishNewArticle(
    title: string,
    category: { documentId: string; slug: string },
  ): Promise<PublishedArticle> {
    const draft = await this.#contentManager('POST', '', {
      title,
      sapo: `${title}: bài viết thử nghiệm của bộ kiểm thử xuất bản.`,
      body: `## Diễn biến\n\nNội dung bài **${title}**.\n\n## Kết quả\n\nBài viết được đăng tự động.`,
      category: { connect: [{ documentId: category.documentId }] },
    });
    const documentId = draft.documentId as string;
    const published = await this.#contentManager('POST', `/${documentId}/actions/publish`, {});
    return {
      documentId,
      title,
      urlPath: `/${category.slug}/${published.slug as string}-${published.number as number}.html`,
    };
  }

  async unpublish(documentId: string): Promise<void> {
    await this.#contentManager('POST', `/${documentId}/actions/unpublish`, {});
  }

  /** A reader's comment on an article, stored pending as every new one is, then approved. */
  async approveNewComment(
    articleDocumentId: string,
    comment: { name: string; body: string },
  ): Promise<void> {
    const created = await this.#contentManager(
      'POST',
      '',
      {
        ...comment,
        email: 'ban-doc@toasoan.test',
        article: { connect: [{ documentId: articleDocumentId }] },
      },
      COMMENT,
    );
    await this.#contentManager(
      'PUT',
      `/${created.documentId as string}`,
      { moderation: 'approved' },
      COMMENT,
    );
  }
}

export interface PublisherProcess {
  process: StartedProcess;
  url: string;
  stop(): Promise<void>;
}

/** Runs `publisher/main.ts` as `npm start -w site` would, against a CMS, on a given port and folder. */
export function startPublisherProcess(options: {
  cms: TestCms;
  port: number;
  secret: string;
  workDir: string;
}): PublisherProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    STRAPI_URL: options.cms.url,
    STRAPI_TOKEN: options.cms.token,
    SITE_CACHE_DIR: path.join(options.workDir, 'cache'),
    PUBLISHER_HOST: '127.0.0.1',
    PUBLISHER_PORT: String(options.port),
    PUBLISH_HOOK_SECRET: options.secret,
    RELEASES_DIR: path.join(options.workDir, 'releases'),
    // The check at start-up only: the tests say when to build.
    RECONCILE_INTERVAL_MS: '0',
    PUBLISHER_BUILD_COMMAND: '',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  // vitest sets NODE_ENV=test; the publisher should run as `npm start` runs it.
  delete env.NODE_ENV;
  const started = startProcess(process.execPath, ['--import', 'tsx', 'publisher/main.ts'], {
    cwd: siteRoot,
    env,
  });
  return {
    process: started,
    url: `http://127.0.0.1:${options.port}`,
    stop: () => stopProcess(started, 15_000),
  };
}
