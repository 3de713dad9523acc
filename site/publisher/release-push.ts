import { spawn } from 'node:child_process';
import { formatDuration, type Logger } from './log';
import type { ReleaseStore } from './releases';

/**
 * Copies each release that goes live to object storage or a CDN (RELEASE_PUSH_COMMAND, a shell
 * command run with RELEASE_DIR and RELEASE_ID, e.g. `aws s3 sync "$RELEASE_DIR" s3://bucket/
 * --delete`), after the switch: this server keeps serving the release as the origin whatever the
 * push does. One push at a time; releases that go live meanwhile fold into one push of the newest.
 * A failure is logged and the next release pushes again; nothing waits for it.
 */
export class ReleasePush {
  readonly #command: string;
  readonly #store: ReleaseStore;
  readonly #logger: Logger;
  #pushed: string | undefined;
  #running: Promise<void> | undefined;
  #again = false;

  constructor(options: { command: string; store: ReleaseStore; logger: Logger }) {
    this.#command = options.command;
    this.#store = options.store;
    this.#logger = options.logger;
  }

  /** Pushes the live release unless it was pushed already; returns at once. */
  pushLive(): void {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#pushNewest().finally(() => {
      this.#running = undefined;
      if (this.#again) {
        this.#again = false;
        this.pushLive();
      }
    });
  }

  /** Resolves when no push runs (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #pushNewest(): Promise<void> {
    const started = Date.now();
    const live = await this.#store.live().catch(() => undefined);
    if (!live || live.id === this.#pushed) return;
    const env = {
      ...process.env,
      RELEASE_DIR: this.#store.releaseDir(live.id),
      RELEASE_ID: live.id,
    };
    const { code, output } = await run(this.#command, env);
    if (code === 0) {
      this.#pushed = live.id;
      this.#logger.info(`release ${live.id} pushed in ${formatDuration(Date.now() - started)}`);
    } else {
      this.#logger.error(
        `pushing release ${live.id} failed (exit ${code}); the site is still served here, and the next release pushes again. ${output.slice(-500)}`,
      );
    }
  }
}

function run(
  command: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, { shell: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', (error) => resolve({ code: null, output: error.message }));
    child.once('close', (code) => resolve({ code, output }));
  });
}
