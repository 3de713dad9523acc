/**
 * A throwaway newsroom for the publish benchmark: a Strapi on its own SQLite file, seeded with N
 * synthetic articles and a demo admin, whose webhook points at the real publisher (`npm run start
 * -w site`) building into its own releases folder. Nothing of the developer's .env or data is used.
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  findFreePort,
  pollUntil,
  runQuiet,
  startQuiet,
  stopQuiet,
  type QuietChild,
} from './bench-processes';
import { ROOT_DIR } from './paths';

const ARTICLE_UID = 'api::article.article';
const secret = () => randomBytes(18).toString('base64url');

/** The parts of the publisher's GET /_publisher/status the benchmark reads. */
export interface PublisherStatus {
  live: { id: string; durationMs: number; pages: number; articlePages: number } | null;
  /** `standby`: the next build's process; `bundling` until it has loaded Astro and bundled the site. */
  queue: { building: unknown; pending: boolean; standby: 'none' | 'bundling' | 'ready' };
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

/** A journalist in the admin: the same content-manager API the admin panel calls, so Strapi fires its real webhooks. */
export class AdminEditor {
  readonly #cmsUrl: string;
  readonly #jwt: string;
  readonly #category: { documentId: string; slug: string };

  private constructor(cmsUrl: string, jwt: string, category: { documentId: string; slug: string }) {
    this.#cmsUrl = cmsUrl;
    this.#jwt = jwt;
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
    return new AdminEditor(cmsUrl, body.data.token, data[0]);
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
}

export interface BenchStack {
  cmsUrl: string;
  publisherUrl: string;
  editor: AdminEditor;
  /** How long seeding, the CMS's start and the publisher's first build took. */
  timings: { seedMs: number; cmsStartMs: number; firstBuildMs: number };
  status(): Promise<PublisherStatus>;
  stop(): Promise<void>;
}

/** Boots the stack; `log` gets one line per step. Stops what it started if a step fails. */
export async function startBenchStack(options: {
  articles: number;
  workDir: string;
  /** PUBLISHER_BUILD_COMMAND; empty: the publisher's own astro build. */
  buildCommand?: string;
  log: (line: string) => void;
}): Promise<BenchStack> {
  const { articles, workDir, log } = options;
  const [cmsPort, publisherPort] = [await findFreePort(), await findFreePort()];
  const cmsUrl = `http://127.0.0.1:${cmsPort}`;
  const publisherUrl = `http://127.0.0.1:${publisherPort}`;
  const readToken = randomBytes(32).toString('hex');
  const hookSecret = secret();
  const admin = { email: 'bench@toasoan.test', password: `Bench-${secret()}-9a` };
  await mkdir(path.join(workDir, 'cms', 'public', 'uploads'), { recursive: true });

  // Every variable the CMS reads is set, even to '': Strapi's dotenv never overrides one that
  // exists, so the developer's cms/.env cannot point the benchmark at their database.
  const cmsEnv: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(cmsPort),
    PUBLIC_URL: cmsUrl,
    DATABASE_URL: '',
    DATABASE_FILENAME: path.join(workDir, 'cms', 'data.db'),
    PUBLIC_DIR: path.join(workDir, 'cms', 'public'),
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    SITE_API_TOKEN: readToken,
    SERVE_ADMIN_PANEL: 'false',
    DEMO_ADMIN_EMAIL: admin.email,
    DEMO_ADMIN_PASSWORD: admin.password,
    PUBLISH_WEBHOOK_URL: `${publisherUrl}/_publisher/hook`,
    PUBLISH_HOOK_SECRET: hookSecret,
    STRAPI_TELEMETRY_DISABLED: 'true',
  };
  // Likewise for site/.env: the publisher and its builds see only this stack.
  const publisherEnv: NodeJS.ProcessEnv = {
    ...process.env,
    STRAPI_URL: cmsUrl,
    STRAPI_TOKEN: readToken,
    SITE_URL: 'http://localhost:4321',
    SITE_CACHE_DIR: path.join(workDir, 'site-cache'),
    RELEASES_DIR: path.join(workDir, 'releases'),
    PUBLISHER_HOST: '127.0.0.1',
    PUBLISHER_PORT: String(publisherPort),
    PUBLISH_HOOK_SECRET: hookSecret,
    // Only the hooks start builds, so each publish is measured on its own.
    RECONCILE_INTERVAL_MS: '0',
    PUBLISHER_BUILD_COMMAND: options.buildCommand ?? '',
    PUBLISHER_MODE: 'build',
    GITHUB_DISPATCH_REPO: '',
    GITHUB_DISPATCH_TOKEN: '',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  for (const env of [cmsEnv, publisherEnv]) delete env.NODE_ENV;

  const started: QuietChild[] = [];
  const stop = async () => {
    for (const child of started.reverse()) await stopQuiet(child, 15_000);
  };
  try {
    let since = Date.now();
    log(`seeding ${articles} synthetic articles…`);
    await runQuiet(
      'seed',
      'npm',
      ['run', 'seed', '-w', 'cms', '--', '--synthetic', String(articles), '--no-sample'],
      { cwd: ROOT_DIR, env: cmsEnv },
    );
    const seedMs = Date.now() - since;

    since = Date.now();
    const cms = startQuiet('cms', 'npm', ['run', 'start', '-w', 'cms'], {
      cwd: ROOT_DIR,
      env: cmsEnv,
    });
    started.push(cms);
    await pollUntil(
      'the CMS to answer /_health',
      () =>
        fetch(`${cmsUrl}/_health`).then(
          (response) => (response.ok ? true : undefined),
          () => undefined,
        ),
      { timeoutMs: 120_000, intervalMs: 200, child: cms },
    );
    const cmsStartMs = Date.now() - since;

    since = Date.now();
    log('starting the publisher (first build)…');
    const publisher = startQuiet('publisher', 'npm', ['run', 'start', '-w', 'site'], {
      cwd: ROOT_DIR,
      env: publisherEnv,
    });
    started.push(publisher);
    const status = async () => {
      const response = await fetch(`${publisherUrl}/_publisher/status`);
      if (!response.ok) throw new Error(`status answered ${response.status}`);
      return (await response.json()) as PublisherStatus;
    };
    const first = await pollUntil(
      'the publisher to serve its first release',
      async () => {
        const current = await status().catch(() => undefined);
        if (!current) return undefined;
        if (current.lastBuild && !current.lastBuild.ok) {
          throw new Error(`The first build failed: ${current.lastBuild.error}`);
        }
        return current.live ?? undefined;
      },
      { timeoutMs: 600_000, intervalMs: 200, child: publisher },
    ).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : error}\n${publisher.tail()}`);
    });
    const firstBuildMs = Date.now() - since;
    log(
      `first release: ${first.pages} pages (${first.articlePages} articles), built in ${(first.durationMs / 1000).toFixed(1)} s`,
    );

    const editor = await AdminEditor.login(cmsUrl, admin, readToken);
    return {
      cmsUrl,
      publisherUrl,
      editor,
      timings: { seedMs, cmsStartMs, firstBuildMs },
      status,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
