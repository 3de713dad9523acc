/**
 * A throwaway newsroom for the benchmarks: a Strapi on its own SQLite file, seeded with N
 * synthetic articles (or the sample newsroom) and a demo admin, whose webhook points at the real
 * publisher (`npm run start -w site`) building into its own releases folder, with its own comment
 * token and queue. Nothing of the developer's .env or data is used.
 * `BenchNewsroom` runs the steps one at a time (the archive benchmark times each);
 * `startBenchStack` runs them all.
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pollUntil, runQuiet, startQuiet, stopQuiet, type QuietChild } from './bench-processes';
import { ROOT_DIR } from './paths';
import { findFreePort, seedCommand, startCommand, throwawayCmsEnv } from './throwaway-cms';

const ARTICLE_UID = 'api::article.article';
const secret = () => randomBytes(18).toString('base64url');

/** The parts of the publisher's GET /_publisher/status the benchmark reads. */
export interface PublisherStatus {
  live: { id: string; durationMs: number; pages: number; articlePages: number } | null;
  /** `standby`: the next build's process; `bundling` until it has loaded Astro and bundled the site. */
  queue: {
    /** `pid` leads the build's process group. */
    building: { id: string | null; pid: number | null } | null;
    pending: boolean;
    standby: 'none' | 'bundling' | 'ready';
    /** Bundled processes waiting; absent in publishers that keep one. */
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
  /** `/<category-slug>/<slug>-<number>.html` */
  urlPath: string;
}

/** A published article as the REST API lists it. */
export interface ArchivedArticle extends PublishedArticle {
  documentId: string;
}

/** A journalist in the admin: the same content-manager API the admin panel calls, so Strapi fires its real webhooks. */
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

  /** Saves a draft (no build: the publisher ignores draft saves); returns its document id. */
  async saveDraft(title: string): Promise<string> {
    const draft = await this.#contentManager('', {
      title,
      sapo: `${title}: bài đo thời gian từ lúc bấm Xuất bản đến khi trang lên mạng.`,
      body: `## Diễn biến\n\nNội dung bài **${title}**.\n\n## Kết quả\n\nBài viết được đăng tự động.`,
      category: { connect: [{ documentId: this.#category.documentId }] },
    });
    return draft.documentId as string;
  }

  /** Presses Publish; resolves once Strapi has answered (its webhook goes out right after). */
  async publish(documentId: string, title: string): Promise<PublishedArticle> {
    const published = await this.#contentManager(`/${documentId}/actions/publish`, {});
    return {
      title,
      urlPath: `/${this.#category.slug}/${published.slug as string}-${published.number as number}.html`,
    };
  }

  /** The article published first of all (the oldest of the archive), through the REST API. */
  async oldestArticle(): Promise<ArchivedArticle> {
    const [article] = await this.publishedArticles(1);
    if (!article) throw new Error('The CMS lists no published article with a category.');
    return article;
  }

  /** The first `limit` published articles (oldest first) that have a section, through the REST API. */
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

  /** How many readers' comments the CMS holds (a moderator's list, every state). */
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

  /**
   * Changes a published article's title and publishes it, as the admin's Publish button does with
   * an edited form (its slug, and so its address, stay).
   */
  async retitle(documentId: string, title: string): Promise<void> {
    await this.#contentManager(`/${documentId}/actions/publish`, { title });
  }
}

export interface BenchStack {
  cmsUrl: string;
  publisherUrl: string;
  /** The publisher's RELEASES_DIR: `<id>/` per release. */
  releasesDir: string;
  editor: AdminEditor;
  /** The read-only "site-build" token the site's builds read the CMS with. */
  readToken: string;
  /** How long seeding, the CMS's start and the publisher's first build took. */
  timings: { seedMs: number; cmsStartMs: number; firstBuildMs: number };
  status(): Promise<PublisherStatus>;
  stop(): Promise<void>;
}

export interface NewsroomOptions {
  workDir: string;
  /** PUBLISHER_BUILD_COMMAND; empty: the publisher's own astro build. */
  buildCommand?: string;
  /** TRUSTED_PROXIES of the site's server (whose X-Forwarded-For it believes); none by default. */
  trustedProxies?: string;
}

/**
 * The stack's steps, in this order: `seed`, `startCms`, `startPublisher`, `waitForFirstRelease`,
 * `login`; `stop` at the end (or after a failure) stops what was started.
 */
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
    // The "comment-submit" token, made by the CMS at start-up; readers' comments wait in the
    // stack's own queue folder.
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
    // Likewise for site/.env: the publisher and its builds see only this stack.
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
      // build within a run, and room for a cold build of a large archive.
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

  /** `npm run seed -w cms -- --synthetic N --no-sample` on the empty database; `onLine` gets its output. */
  async seed(articles: number, onLine?: (line: string) => void): Promise<void> {
    const { command, args, cwd } = seedCommand(['--synthetic', String(articles), '--no-sample']);
    await runQuiet('seed', command, args, { cwd, env: this.#cmsEnv, onLine });
  }

  /** `npm run seed -w cms` (the sample newsroom: 9 sections, 7 authors, 17 articles with pictures). */
  async seedSample(onLine?: (line: string) => void): Promise<void> {
    const { command, args, cwd } = seedCommand([]);
    await runQuiet('seed', command, args, { cwd, env: this.#cmsEnv, onLine });
  }

  /** Starts the CMS as `npm run start -w cms` does (without npm), until it answers /_health. */
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

  /** `npm run start -w site`; returns the pid of the process (npm) that all its processes descend from. */
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

  /** Waits for the publisher's first release (its build at start-up) to be live. */
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

  /** What the publisher printed last (for an error message). */
  publisherTail(): string {
    return this.#publisher?.tail() ?? '';
  }

  /** The read-only "site-build" token (SITE_API_TOKEN), for reading the CMS as a build does. */
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

/** Boots the whole stack; `log` gets one line per step. Stops what it started if a step fails. */
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
