// The benchmarks' throwaway newsroom: a seeded CMS and the real publisher (scripts/README.md).
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pollUntil, runQuiet, startQuiet, stopQuiet, type QuietChild } from './bench-processes';
import { ROOT_DIR } from './paths';
import { findFreePort, seedCommand, startCommand, throwawayCmsEnv } from './throwaway-cms';

const ARTICLE_UID = 'api::article.article';
const secret = () => randomBytes(18).toString('base64url');

/** What the benchmarks read of GET /_publisher/status. */
export interface PublisherStatus {
  live: { id: string; durationMs: number; pages: number; articlePages: number } | null;
  queue: {
    /** `pid` leads the build's process group. */
    building: { id: string | null; pid: number | null } | null;
    pending: boolean;
    standby: 'none' | 'bundling' | 'ready';
    /** Absent in publishers that keep a single standby. */
    spares?: number;
  };
  lastBuild: {
    id: string;
    ok: boolean;
    startedAt: string;
    durationMs: number;
    error?: string;
  } | null;
  builds: { succeeded: number; failed: number };
}

export interface PublishedArticle {
  title: string;
  urlPath: string;
}

export interface ArchivedArticle extends PublishedArticle {
  documentId: string;
}

/** Calls the admin panel's own content-manager API, so Strapi fires its real webhooks. */
export class AdminEditor {
  readonly #cmsUrl: string;
  readonly #jwt: string;
  readonly #readToken: string;
  readonly #category: { documentId: string; slug: string };

  private constructor(
    cmsUrl: string,
    jwt: string,
    readToken: string,
    category: { documentId: string; slug: string },
  ) {
    this.#cmsUrl = cmsUrl;
    this.#jwt = jwt;
    this.#readToken = readToken;
    this.#category = category;
  }

  static async login(
    cmsUrl: string,
    credentials: { email: string; password: string },
    readToken: string,
  ): Promise<AdminEditor> {
    const login = await fetch(`${cmsUrl}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    const body = (await login.json()) as { data?: { token: string } };
    if (!login.ok || !body.data) {
      throw new Error(`Admin login answered ${login.status}: ${JSON.stringify(body)}`);
    }
    const categories = await fetch(
      `${cmsUrl}/api/categories?fields[0]=slug&sort[0]=order:asc&pagination[pageSize]=1`,
      { headers: { Authorization: `Bearer ${readToken}` } },
    );
    const { data } = (await categories.json()) as {
      data: { documentId: string; slug: string }[];
    };
    if (!data[0]) throw new Error('The seeded CMS has no category.');
    return new AdminEditor(cmsUrl, body.data.token, readToken, data[0]);
  }

  async #contentManager(suffix: string, body: object): Promise<Record<string, unknown>> {
    const response = await fetch(
      `${this.#cmsUrl}/content-manager/collection-types/${ARTICLE_UID}${suffix}`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${this.#jwt}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      },
    );
    const json = (await response.json()) as { data?: Record<string, unknown> };
    if (!response.ok || !json.data) {
      throw new Error(`POST ${suffix || '/'} answered ${response.status}: ${JSON.stringify(json)}`);
    }
    return json.data;
  }

  /** No build: the publisher ignores draft saves. */
  async saveDraft(title: string): Promise<string> {
    const draft = await this.#contentManager('', {
      title,
      sapo: `${title}: bài đo thời gian từ lúc bấm Xuất bản đến khi trang lên mạng.`,
      body: `## Diễn biến\n\nNội dung bài **${title}**.\n\n## Kết quả\n\nBài viết được đăng tự động.`,
      category: { connect: [{ documentId: this.#category.documentId }] },
    });
    return draft.documentId as string;
  }

  /** Resolves once Strapi has answered; its webhook goes out right after. */
  async publish(documentId: string, title: string): Promise<PublishedArticle> {
    const published = await this.#contentManager(`/${documentId}/actions/publish`, {});
    return {
      title,
      urlPath: `/${this.#category.slug}/${published.slug as string}-${published.number as number}.html`,
    };
  }

  async oldestArticle(): Promise<ArchivedArticle> {
    const [article] = await this.publishedArticles(1);
    if (!article) throw new Error('The CMS lists no published article with a category.');
    return article;
  }

  /** Oldest first, only those with a section. */
  async publishedArticles(limit: number): Promise<ArchivedArticle[]> {
    const query = [
      'sort[0]=publicationTime:asc',
      `pagination[pageSize]=${limit}`,
      'fields[0]=title',
      'fields[1]=slug',
      'fields[2]=number',
      'populate[category][fields][0]=slug',
    ].join('&');
    const response = await fetch(`${this.#cmsUrl}/api/articles?${query}`, {
      headers: { Authorization: `Bearer ${this.#readToken}` },
    });
    const { data } = (await response.json()) as {
      data?: {
        documentId: string;
        title: string;
        slug: string;
        number: number;
        category: { slug: string } | null;
      }[];
    };
    if (!response.ok || !data) throw new Error(`GET /api/articles answered ${response.status}.`);
    return data.flatMap((article) =>
      article.category
        ? [
            {
              documentId: article.documentId,
              title: article.title,
              urlPath: `/${article.category.slug}/${article.slug}-${article.number}.html`,
            },
          ]
        : [],
    );
  }

  /** Every state, as a moderator's list counts them. */
  async commentCount(): Promise<number> {
    const response = await fetch(
      `${this.#cmsUrl}/content-manager/collection-types/api::comment.comment?page=1&pageSize=1`,
      { headers: { Authorization: `Bearer ${this.#jwt}` } },
    );
    const body = (await response.json()) as { pagination?: { total: number } };
    if (!response.ok || !body.pagination) {
      throw new Error(`Listing comments answered ${response.status}: ${JSON.stringify(body)}`);
    }
    return body.pagination.total;
  }

  /** As the admin's Publish does with an edited form: the slug, and so the address, stay. */
  async retitle(documentId: string, title: string): Promise<void> {
    await this.#contentManager(`/${documentId}/actions/publish`, { title });
  }
}

export interface BenchStack {
  cmsUrl: string;
  publisherUrl: string;
  releasesDir: string;
  editor: AdminEditor;
  /** The read-only "site-build" token. */
  readToken: string;
  timings: { seedMs: number; cmsStartMs: number; firstBuildMs: number };
  status(): Promise<PublisherStatus>;
  stop(): Promise<void>;
}

export interface NewsroomOptions {
  workDir: string;
  /** PUBLISHER_BUILD_COMMAND; empty: the publisher's own astro build. */
  buildCommand?: string;
  /** TRUSTED_PROXIES of the site's server; none by default. */
  trustedProxies?: string;
}

/** Steps in order: `seed`, `startCms`, `startPublisher`, `waitForFirstRelease`, `login`; `stop`. */
export class BenchNewsroom {
  readonly cmsUrl: string;
  readonly publisherUrl: string;
  readonly releasesDir: string;
  readonly #cmsEnv: NodeJS.ProcessEnv;
  readonly #publisherEnv: NodeJS.ProcessEnv;
  readonly #readToken: string;
  readonly #admin: { email: string; password: string };
  readonly #started: QuietChild[] = [];
  #publisher: QuietChild | undefined;

  private constructor(options: NewsroomOptions, cmsPort: number, publisherPort: number) {
    const { workDir } = options;
    this.cmsUrl = `http://127.0.0.1:${cmsPort}`;
    this.publisherUrl = `http://127.0.0.1:${publisherPort}`;
    this.releasesDir = path.join(workDir, 'releases');
    this.#readToken = randomBytes(32).toString('hex');
    this.#admin = { email: 'bench@toasoan.test', password: `Bench-${secret()}-9a` };
    const hookSecret = secret();
    const commentToken = randomBytes(32).toString('hex');

    this.#cmsEnv = {
      ...process.env,
      ...throwawayCmsEnv({
        port: cmsPort,
        // On disk, not tmpfs: the benchmark measures the CMS as it runs in production.
        databaseFilename: path.join(workDir, 'cms', 'data.db'),
        publicDir: path.join(workDir, 'cms', 'public'),
        siteToken: this.#readToken,
        commentToken,
        admin: this.#admin,
      }),
      PUBLISH_WEBHOOK_URL: `${this.publisherUrl}/_publisher/hook`,
      PUBLISH_HOOK_SECRET: hookSecret,
    };
    // As with cms/.env: whatever site/.env says, the publisher and its builds see only this stack.
    this.#publisherEnv = {
      ...process.env,
      STRAPI_URL: this.cmsUrl,
      STRAPI_TOKEN: this.#readToken,
      SITE_URL: 'http://localhost:4321',
      SITE_CACHE_DIR: path.join(workDir, 'site-cache'),
      RELEASES_DIR: this.releasesDir,
      PUBLISHER_HOST: '127.0.0.1',
      PUBLISHER_PORT: String(publisherPort),
      PUBLISH_HOOK_SECRET: hookSecret,
      COMMENT_API_TOKEN: commentToken,
      COMMENT_QUEUE_DIR: path.join(workDir, 'comment-queue'),
      TRUSTED_PROXIES: options.trustedProxies ?? '',
      // Only the hooks start builds, so each publish is measured on its own; no scheduled full
      // build, and room for a cold build of a large archive.
      RECONCILE_INTERVAL_MS: '0',
      FULL_BUILD_INTERVAL_MS: String(24 * 60 * 60_000),
      BUILD_TIMEOUT_MS: String(3 * 60 * 60_000),
      KEEP_RELEASES: '5',
      PUBLISHER_BUILD_COMMAND: options.buildCommand ?? '',
      PUBLISHER_MODE: 'build',
      GITHUB_DISPATCH_REPO: '',
      GITHUB_DISPATCH_TOKEN: '',
      ASTRO_TELEMETRY_DISABLED: '1',
    };
    for (const env of [this.#cmsEnv, this.#publisherEnv]) delete env.NODE_ENV;
  }

  static async create(options: NewsroomOptions): Promise<BenchNewsroom> {
    const [cmsPort, publisherPort] = [await findFreePort(), await findFreePort()];
    await mkdir(path.join(options.workDir, 'cms', 'public', 'uploads'), { recursive: true });
    return new BenchNewsroom(options, cmsPort, publisherPort);
  }

  async seed(articles: number, onLine?: (line: string) => void): Promise<void> {
    const { command, args, cwd } = seedCommand(['--synthetic', String(articles), '--no-sample']);
    await runQuiet('seed', command, args, { cwd, env: this.#cmsEnv, onLine });
  }

  async seedSample(onLine?: (line: string) => void): Promise<void> {
    const { command, args, cwd } = seedCommand([]);
    await runQuiet('seed', command, args, { cwd, env: this.#cmsEnv, onLine });
  }

  async startCms(): Promise<void> {
    const { command, args, cwd } = startCommand();
    const cms = startQuiet('cms', command, args, { cwd, env: this.#cmsEnv });
    this.#started.push(cms);
    await pollUntil(
      'the CMS to answer /_health',
      () =>
        fetch(`${this.cmsUrl}/_health`).then(
          (response) => (response.ok ? true : undefined),
          () => undefined,
        ),
      { timeoutMs: 120_000, intervalMs: 200, child: cms },
    );
  }

  /** Returns the pid of npm, which all the publisher's processes descend from. */
  startPublisher(): number {
    const publisher = startQuiet('publisher', 'npm', ['run', 'start', '-w', 'site'], {
      cwd: ROOT_DIR,
      env: this.#publisherEnv,
    });
    this.#started.push(publisher);
    this.#publisher = publisher;
    return publisher.process.pid!;
  }

  async status(): Promise<PublisherStatus> {
    const response = await fetch(`${this.publisherUrl}/_publisher/status`);
    if (!response.ok) throw new Error(`The publisher's status answered ${response.status}.`);
    return (await response.json()) as PublisherStatus;
  }

  async waitForFirstRelease(timeoutMs = 600_000): Promise<NonNullable<PublisherStatus['live']>> {
    const publisher = this.#publisher;
    if (!publisher) throw new Error('startPublisher() comes before waitForFirstRelease().');
    return pollUntil(
      'the publisher to serve its first release',
      async () => {
        const current = await this.status().catch(() => undefined);
        if (!current) return undefined;
        if (current.lastBuild && !current.lastBuild.ok) {
          throw new Error(`The first build failed: ${current.lastBuild.error}`);
        }
        return current.live ?? undefined;
      },
      { timeoutMs, intervalMs: 200, child: publisher },
    ).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : error}\n${publisher.tail()}`);
    });
  }

  publisherTail(): string {
    return this.#publisher?.tail() ?? '';
  }

  get readToken(): string {
    return this.#readToken;
  }

  login(): Promise<AdminEditor> {
    return AdminEditor.login(this.cmsUrl, this.#admin, this.#readToken);
  }

  async stop(): Promise<void> {
    for (const child of this.#started.splice(0).reverse()) await stopQuiet(child, 15_000);
  }
}

/** Stops what it started if a step fails. */
export async function startBenchStack(options: {
  articles: number;
  workDir: string;
  /** PUBLISHER_BUILD_COMMAND; empty: the publisher's own astro build. */
  buildCommand?: string;
  log: (line: string) => void;
}): Promise<BenchStack> {
  const { articles, log } = options;
  const newsroom = await BenchNewsroom.create(options);
  try {
    let since = Date.now();
    log(`seeding ${articles} synthetic articles…`);
    await newsroom.seed(articles);
    const seedMs = Date.now() - since;

    since = Date.now();
    await newsroom.startCms();
    const cmsStartMs = Date.now() - since;

    since = Date.now();
    log('starting the publisher (first build)…');
    newsroom.startPublisher();
    const first = await newsroom.waitForFirstRelease();
    const firstBuildMs = Date.now() - since;
    log(
      `first release: ${first.pages} pages (${first.articlePages} articles), built in ${(first.durationMs / 1000).toFixed(1)} s`,
    );

    return {
      cmsUrl: newsroom.cmsUrl,
      publisherUrl: newsroom.publisherUrl,
      releasesDir: newsroom.releasesDir,
      editor: await newsroom.login(),
      readToken: newsroom.readToken,
      timings: { seedMs, cmsStartMs, firstBuildMs },
      status: () => newsroom.status(),
      stop: () => newsroom.stop(),
    };
  } catch (error) {
    await newsroom.stop();
    throw error;
  }
}
