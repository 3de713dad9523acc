import { Worker } from 'node:worker_threads';
import { MissingBasePageError } from './compose-release';

/** A thread of its own, while the others render: 110,000 links at 100,000 articles take seconds. */
export class PageLinker {
  readonly #worker: Worker;
  readonly #done: Promise<void>;

  constructor(
    readonly baseDir: string,
    readonly outDir: string,
  ) {
    this.#worker = new Worker(new URL('./link-pages.worker.mjs', import.meta.url), {
      workerData: { baseDir, outDir },
    });
    // A failed build exits without waiting for it.
    this.#worker.unref();
    this.#done = new Promise<void>((resolve, reject) => {
      this.#worker.on('message', (message: { done?: true; missing?: string; message?: string }) => {
        if (message.missing) {
          reject(new MissingBasePageError(message.missing, baseDir, { cause: message.message }));
        } else if (message.done) resolve();
      });
      this.#worker.once('error', reject);
    });
    this.#done.catch(() => undefined);
  }

  /** Queues pages (paths inside the releases) to link. */
  link(files: string[]): void {
    if (files.length > 0) this.#worker.postMessage(files);
  }

  /** Resolves once every queued page is linked; rejects naming a page the base lacks. */
  async finished(): Promise<void> {
    this.#worker.postMessage(null);
    try {
      await this.#done;
    } finally {
      await this.#worker.terminate();
    }
  }
}
