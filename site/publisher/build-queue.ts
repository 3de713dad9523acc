/** What `request` did with a build request. */
export type RequestOutcome = 'started' | 'queued' | 'coalesced' | 'closed';

export interface QueueState {
  running: boolean;
  /** A follow-up build will start when the running one ends. */
  pending: boolean;
  /** Why the follow-up was asked for, counted: `{ "hook entry.publish": 29 }`. */
  pendingReasons: Record<string, number>;
}

/** The reasons of one build, counted, e.g. `{ "hook entry.publish": 3, reconcile: 1 }`. */
export type BuildReasons = Record<string, number>;

/** How a follow-up build waits for a storm of requests to pass (see BuildQueue). */
export interface FollowUpWait {
  /** Starts once no request has come for this long… */
  quietMs: number;
  /** …or once the build before it ended this long ago, whichever comes first. */
  maxWaitMs: number;
}

/** A storm of publishes ends within seconds: a follow-up that waits for a pause takes it whole. */
export const FOLLOW_UP_WAIT: FollowUpWait = { quietMs: 1_000, maxWaitMs: 3_000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One build at a time; requests during a build fold into one follow-up that reads the CMS afresh. */
export class BuildQueue {
  readonly #task: (reasons: BuildReasons) => Promise<void>;
  readonly #wait: FollowUpWait;
  #running: Promise<void> | undefined;
  #pending: BuildReasons | undefined;
  #lastRequestAt = 0;
  #closed = false;

  constructor(task: (reasons: BuildReasons) => Promise<void>, wait = FOLLOW_UP_WAIT) {
    this.#task = task;
    this.#wait = wait;
  }

  request(reason: string): RequestOutcome {
    if (this.#closed) return 'closed';
    if (!this.#running) {
      this.#running = this.#runFrom({ [reason]: 1 });
      return 'started';
    }
    const outcome = this.#pending ? 'coalesced' : 'queued';
    this.#pending ??= {};
    this.#pending[reason] = (this.#pending[reason] ?? 0) + 1;
    this.#lastRequestAt = Date.now();
    return outcome;
  }

  state(): QueueState {
    return {
      running: Boolean(this.#running),
      pending: Boolean(this.#pending),
      pendingReasons: { ...this.#pending },
    };
  }

  /** Resolves once no build runs and none is pending. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  /** Accepts no more requests and drops a pending follow-up; the running build goes on. */
  close(): void {
    this.#closed = true;
    this.#pending = undefined;
  }

  async #runFrom(first: BuildReasons): Promise<void> {
    // Yield first, so `request` has stored this run before it can possibly end.
    await Promise.resolve();
    let reasons: BuildReasons | undefined = first;
    while (reasons) {
      try {
        await this.#task(reasons);
      } catch {
        // The task reports its own failures; the queue only has to keep going.
      }
      await this.#stormPassed();
      reasons = this.#pending;
      this.#pending = undefined;
    }
    this.#running = undefined;
  }

  async #stormPassed(): Promise<void> {
    const ended = Date.now();
    while (this.#pending) {
      const now = Date.now();
      const quietLeft = this.#wait.quietMs - (now - this.#lastRequestAt);
      const waitLeft = this.#wait.maxWaitMs - (now - ended);
      if (quietLeft <= 0 || waitLeft <= 0) return;
      await sleep(Math.min(quietLeft, waitLeft));
    }
  }
}

/** `hook entry.publish ×3, reconcile` */
export function describeReasons(reasons: BuildReasons): string {
  return Object.entries(reasons)
    .map(([reason, count]) => (count > 1 ? `${reason} ×${count}` : reason))
    .join(', ');
}
