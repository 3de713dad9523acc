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

/**
 * Runs one build at a time. A request while a build runs does not start another: all requests
 * that arrive during a build are folded into exactly one follow-up build, which starts when the
 * running one ends and sees everything they asked for (it reads the CMS afresh). A storm of 30
 * hooks therefore costs at most two builds.
 */
export class BuildQueue {
  readonly #task: (reasons: BuildReasons) => Promise<void>;
  #running: Promise<void> | undefined;
  #pending: BuildReasons | undefined;
  #closed = false;

  constructor(task: (reasons: BuildReasons) => Promise<void>) {
    this.#task = task;
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
      reasons = this.#pending;
      this.#pending = undefined;
    }
    this.#running = undefined;
  }
}

/** `hook entry.publish ×3, reconcile` */
export function describeReasons(reasons: BuildReasons): string {
  return Object.entries(reasons)
    .map(([reason, count]) => (count > 1 ? `${reason} ×${count}` : reason))
    .join(', ');
}
