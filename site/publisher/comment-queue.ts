import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from './log';

/** A comment on its way to the CMS: what POST /api/comments takes as `data`. */
export interface QueuedComment {
  article: string;
  name: string;
  email: string;
  body: string;
  ip: string;
  userAgent: string;
}

export interface CommentQueueOptions {
  dir: string;
  strapiUrl: string;
  token: string;
  logger: Logger;
  retryMs?: number;
  /** How long one delivery may take before the CMS counts as down. */
  timeoutMs?: number;
}

const MAX_RETRY_MS = 60_000;

/** Comments on disk before the reader is thanked, delivered oldest first until the CMS has them. */
export class CommentQueue {
  readonly #options: CommentQueueOptions;
  #draining: Promise<void> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  #retryMs: number;
  #closed = false;

  constructor(options: CommentQueueOptions) {
    this.#options = options;
    this.#retryMs = options.retryMs ?? 2_000;
  }

  /** Creates the folder and delivers what an earlier run left. */
  async open(): Promise<void> {
    await mkdir(path.join(this.#options.dir, 'refused'), { recursive: true });
    // A crash while writing leaves a temporary file: its reader was never thanked.
    for (const name of await readdir(this.#options.dir)) {
      if (name.startsWith('.') && name.endsWith('.tmp')) {
        await unlink(path.join(this.#options.dir, name)).catch(() => undefined);
      }
    }
    const waiting = await this.pending();
    if (waiting > 0) this.#options.logger.info(`comment queue: ${waiting} comment(s) to deliver`);
    this.deliver();
  }

  /** Writes the comment durably, then starts delivering it (without waiting for the CMS). */
  async add(comment: QueuedComment): Promise<void> {
    // Names sort by arrival: the time first, zero-padded.
    const name = `${String(Date.now()).padStart(15, '0')}-${randomUUID()}.json`;
    const temporary = path.join(this.#options.dir, `.${name}.tmp`);
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(JSON.stringify(comment));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path.join(this.#options.dir, name));
    // The new name is durable once the folder is synced too (a power cut, not only a crash).
    const folder = await open(this.#options.dir, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
    void this.deliver();
  }

  async pending(): Promise<number> {
    return (await this.#files()).length;
  }

  /** Delivers everything waiting; resolves when the queue is empty or the CMS failed. */
  deliver(): Promise<void> {
    if (this.#draining) {
      this.#again = true;
      return this.#draining;
    }
    clearTimeout(this.#timer);
    this.#draining = this.#drain().finally(() => {
      this.#draining = undefined;
      if (this.#again && !this.#closed) {
        this.#again = false;
        void this.deliver();
      }
    });
    return this.#draining;
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    await this.#draining;
  }

  async #files(): Promise<string[]> {
    const names = await readdir(this.#options.dir).catch(() => []);
    return names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort();
  }

  async #drain(): Promise<void> {
    for (const name of await this.#files()) {
      if (this.#closed) return;
      const file = path.join(this.#options.dir, name);
      try {
        const outcome = await this.#send(file);
        if (outcome === 'stored') {
          await unlink(file).catch(() => undefined);
        } else if (outcome === 'refused') {
          await rename(file, path.join(this.#options.dir, 'refused', name));
        } else {
          this.#retryLater();
          return;
        }
      } catch (error) {
        // The disk, not the CMS (a file removed by hand, a full disk): try again later, never
        // an unhandled rejection that would stop the server.
        this.#options.logger.error(
          `comment queue: ${name}: ${error instanceof Error ? error.message : error}`,
        );
        this.#retryLater();
        return;
      }
    }
    this.#retryMs = this.#options.retryMs ?? 2_000;
  }

  #retryLater(): void {
    if (this.#closed) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.deliver(), this.#retryMs);
    this.#timer.unref();
    this.#retryMs = Math.min(this.#retryMs * 2, MAX_RETRY_MS);
  }

  async #send(file: string): Promise<'stored' | 'refused' | 'failed'> {
    const { strapiUrl, token, logger, timeoutMs = 10_000 } = this.#options;
    if (!token) {
      logger.error(
        "COMMENT_API_TOKEN is not set: readers' comments wait in the queue. Set it to the CMS's value and restart.",
      );
      return 'failed';
    }
    const data = await readFile(file, 'utf8');
    try {
      const response = await fetch(`${strapiUrl}/api/comments`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: `{"data":${data}}`,
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.ok) return 'stored';
      const detail = (await response.text()).slice(0, 300);
      // 400: the CMS will never take it (its article was unpublished meanwhile, say): kept aside.
      if (response.status === 400) {
        logger.error(
          `comment ${path.basename(file)} refused by the CMS, kept in refused/: ${detail}`,
        );
        return 'refused';
      }
      logger.error(
        `delivering comment ${path.basename(file)} failed: ${response.status} ${detail}` +
          (response.status === 401 || response.status === 403
            ? " (COMMENT_API_TOKEN differs from the CMS's)"
            : ''),
      );
      return 'failed';
    } catch (error) {
      logger.info(
        `the CMS did not take comment ${path.basename(file)} (${error instanceof Error ? error.message : error}); retrying`,
      );
      return 'failed';
    }
  }
}
