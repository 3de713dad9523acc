import { FetchError, fetchWithRetries, RETRY_STATUS_CODES } from '../src/lib/retrying-fetch';
import { describeReasons, type BuildReasons } from './build-queue';
import type { Logger } from './log';

/** The `repository_dispatch` event type `.github/workflows/publish.yml` listens to. */
export const DISPATCH_EVENT_TYPE = 'strapi-publish';

/** Where to send CI rebuilds: GitHub (or GitHub Enterprise, or a stand-in in the tests). */
export interface GithubDispatchConfig {
  apiUrl: string;
  repo: string;
  token: string;
  timeoutMs?: number;
  /** Attempts per dispatch, counting the first; only what retrying-fetch.ts retries is retried. */
  attempts?: number;
  /** Wait before the first retry; doubles for each further one. */
  retryDelayMs?: number;
}

export interface DispatchState {
  repo: string;
  eventType: string;
  sent: number;
  failed: number;
  inFlight: number;
  lastSent: { at: string; status: number; reasons: string } | null;
  lastError: { at: string; reasons: string; message: string } | null;
}

/** The publishes CI must see too: hooks and reconcile, not the first build of an empty folder. */
export function isPublish(reasons: BuildReasons): boolean {
  return Object.keys(reasons).some(
    (reason) => reason.startsWith('hook ') || reason === 'reconcile',
  );
}

export class DispatchError extends Error {
  readonly status: number | undefined;
  constructor(message: string, status?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DispatchError';
    this.status = status;
  }

  /** Worth another try (so it was tried again): no answer, rate limited, or GitHub's own trouble. */
  get retryable(): boolean {
    return this.status === undefined || RETRY_STATUS_CODES.includes(this.status);
  }
}

function explainStatus(status: number, repo: string): string {
  if (status === 401) return 'GITHUB_DISPATCH_TOKEN is refused (expired or mistyped)';
  if (status === 403 || status === 404) {
    // GitHub answers 404, not 403, when the token may not see the repository.
    return `${repo} does not exist or the token may not dispatch to it (it needs "Contents: read and write")`;
  }
  if (status === 422) return 'GitHub rejected the event';
  return 'GitHub could not take the event';
}

/**
 * Forwards publishes to GitHub's repository_dispatch, which Strapi cannot call (it cannot shape a
 * webhook body). `forward` never rejects: a failure never touches the local build.
 */
export class GithubDispatcher {
  readonly #config: Required<GithubDispatchConfig>;
  readonly #logger: Logger;
  readonly #inFlight = new Set<Promise<boolean>>();
  #sent = 0;
  #failed = 0;
  #lastSent: DispatchState['lastSent'] = null;
  #lastError: DispatchState['lastError'] = null;

  constructor(config: GithubDispatchConfig, logger: Logger) {
    this.#config = {
      timeoutMs: 10_000,
      attempts: 3,
      retryDelayMs: 1_000,
      ...config,
      apiUrl: config.apiUrl.replace(/\/+$/, ''),
    };
    this.#logger = logger;
  }

  /** Sends one `strapi-publish` event; resolves to whether GitHub took it. */
  forward(reasons: BuildReasons): Promise<boolean> {
    const sending = this.#send(reasons).finally(() => this.#inFlight.delete(sending));
    this.#inFlight.add(sending);
    return sending;
  }

  /** Resolves once no dispatch is on its way (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
  }

  state(): DispatchState {
    return {
      repo: this.#config.repo,
      eventType: DISPATCH_EVENT_TYPE,
      sent: this.#sent,
      failed: this.#failed,
      inFlight: this.#inFlight.size,
      lastSent: this.#lastSent,
      lastError: this.#lastError,
    };
  }

  async #send(reasons: BuildReasons): Promise<boolean> {
    const summary = describeReasons(reasons);
    try {
      const status = await this.#post(reasons, summary);
      this.#sent++;
      this.#lastSent = { at: new Date().toISOString(), status, reasons: summary };
      this.#logger.info(`dispatched ${DISPATCH_EVENT_TYPE} to ${this.#config.repo} (${summary})`);
      return true;
    } catch (error) {
      const failure =
        error instanceof DispatchError
          ? error
          : new DispatchError(error instanceof Error ? error.message : String(error));
      // fetchWithRetries gives up on a retryable failure only once every attempt is spent.
      const attempts = failure.retryable ? this.#config.attempts : 1;
      this.#failed++;
      this.#lastError = {
        at: new Date().toISOString(),
        reasons: summary,
        message: failure.message,
      };
      this.#logger.error(
        `could not dispatch ${DISPATCH_EVENT_TYPE} to ${this.#config.repo} (${summary}) after ` +
          `${attempts} attempt${attempts > 1 ? 's' : ''}: ${failure.message}; CI did not rebuild`,
      );
      return false;
    }
  }

  /** One dispatch (retried); resolves to GitHub's status (204), throws a DispatchError otherwise. */
  async #post(reasons: BuildReasons, summary: string): Promise<number> {
    const url = `${this.#config.apiUrl}/repos/${this.#config.repo}/dispatches`;
    // GitHub allows at most 10 top-level keys in client_payload; the workflow prints these.
    const body = {
      event_type: DISPATCH_EVENT_TYPE,
      client_payload: {
        reasons: summary,
        requests: Object.values(reasons).reduce((sum, count) => sum + count, 0),
        requestedAt: new Date().toISOString(),
        source: 'toasoan-publisher',
      },
    };
    let response: Response;
    try {
      response = await fetchWithRetries(
        url,
        {
          method: 'POST',
          headers: {
            Accept: 'application/vnd.github+json',
            Authorization: `Bearer ${this.#config.token}`,
            'X-GitHub-Api-Version': '2022-11-28',
            'Content-Type': 'application/json',
            'User-Agent': 'toasoan-publisher',
          },
          body: JSON.stringify(body),
        },
        this.#config,
      );
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      const status = error.response?.status;
      if (status === undefined) {
        const why = error.cause instanceof Error ? (error.cause.cause ?? error.cause) : error.cause;
        throw new DispatchError(
          `POST ${url} got no answer (${why instanceof Error ? why.message : String(why)})`,
          undefined,
          { cause: error },
        );
      }
      const text = String(error.data ?? '')
        .trim()
        .slice(0, 200);
      throw new DispatchError(
        `POST ${url} answered HTTP ${status}: ${explainStatus(status, this.#config.repo)}` +
          (text ? ` (${text})` : ''),
        status,
      );
    }
    await response.body?.cancel();
    return response.status;
  }
}
