import type { ContentSource } from './content-source';
import type { Logger } from './log';
import { FULL_BUILD, type Publisher } from './publisher';

export interface ReconcileState {
  intervalMs: number;
  lastCheckAt: string | null;
  lastOutcome: string | null;
}

/**
 * Catches up with hooks lost while the publisher was down (Strapi never retries). Compares with the
 * newest release, not the live one, so a rollback stands; backs off after failed builds (≤ 32×).
 */
export class Reconciler {
  readonly #publisher: Publisher;
  readonly #content: ContentSource;
  readonly #intervalMs: number;
  readonly #logger: Logger;
  #timer: NodeJS.Timeout | undefined;
  #lastCheckAt: string | null = null;
  #lastOutcome: string | null = null;
  #checking: Promise<string> | undefined;

  constructor(publisher: Publisher, content: ContentSource, intervalMs: number, logger: Logger) {
    this.#publisher = publisher;
    this.#content = content;
    this.#intervalMs = intervalMs;
    this.#logger = logger;
  }

  /** Checks at once, then every interval (never when the interval is 0). */
  start(): void {
    void this.check();
    if (this.#intervalMs > 0) this.#schedule();
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  state(): ReconcileState {
    return {
      intervalMs: this.#intervalMs,
      lastCheckAt: this.#lastCheckAt,
      lastOutcome: this.#lastOutcome,
    };
  }

  check(): Promise<string> {
    this.#checking ??= this.#check().finally(() => (this.#checking = undefined));
    return this.#checking;
  }

  #schedule(): void {
    this.#timer = setTimeout(() => {
      void this.check().finally(() => {
        if (this.#timer) this.#schedule();
      });
    }, this.#intervalMs);
  }

  async #check(): Promise<string> {
    const outcome = await this.#decide();
    this.#lastCheckAt = new Date().toISOString();
    this.#lastOutcome = outcome;
    return outcome;
  }

  async #decide(): Promise<string> {
    // The running build, or the follow-up a hook queued, reads the CMS afresh anyway.
    if (this.#publisher.isBusy()) return 'skipped: a build is running';
    const failures = this.#publisher.failures();
    if (failures.consecutive > 0 && failures.lastAt !== undefined) {
      const wait = this.#intervalMs * 2 ** Math.min(failures.consecutive - 1, 5);
      if (Date.now() - failures.lastAt < wait)
        return `skipped: backing off after ${failures.consecutive} failed builds`;
    }
    const live = await this.#publisher.store.live();
    if (live && (await this.#publisher.fullBuildDue())) {
      this.#logger.info('reconcile: the last full build is a day old, rendering every page again');
      this.#publisher.request(`${FULL_BUILD} (nightly)`);
      return 'full build requested: the last one is too old';
    }
    let signature: string;
    try {
      signature = (await this.#content.snapshot()).signature;
    } catch (error) {
      const message = `could not read the CMS: ${error instanceof Error ? error.message : error}`;
      this.#logger.error(`reconcile ${message}`);
      return message;
    }
    const newest = (await this.#publisher.store.list()).at(-1);
    if (newest?.content?.signature === signature) return 'up to date';
    const why = newest ? 'the CMS changed since the newest release' : 'there is no release yet';
    this.#logger.info(`reconcile: ${why}, building`);
    this.#publisher.request('reconcile');
    return `build requested: ${why}`;
  }
}
