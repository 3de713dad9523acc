import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from './log';
import { ReleasePush } from './release-push';
import { ReleaseStore } from './releases';

let root: string;
let store: ReleaseStore;
const lines: { level: 'info' | 'error'; message: string }[] = [];
const logger: Logger = {
  info: (message) => lines.push({ level: 'info', message }),
  error: (message) => lines.push({ level: 'error', message }),
};

/** A release with one page, made live as the publisher does after a build. */
async function goLive(page: string): Promise<string> {
  const release = await store.create();
  await writeFile(path.join(release.dir, 'index.html'), page);
  const now = new Date().toISOString();
  await store.complete({
    id: release.id,
    startedAt: now,
    finishedAt: now,
    durationMs: 0,
    pages: 1,
    articlePages: 0,
    reasons: { publish: 1 },
    content: null,
  });
  await store.publish(release.id);
  return release.id;
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'toasoan-release-push-'));
  store = new ReleaseStore(path.join(root, 'releases'), 5);
  await store.prepare();
  lines.length = 0;
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('release push', () => {
  it('copies the live release with its id once, and again when another goes live', async () => {
    const target = path.join(root, 'bucket');
    const push = new ReleasePush({
      command: `mkdir -p "${target}" && cp -r "$RELEASE_DIR/." "${target}/" && echo "$RELEASE_ID" >> "${target}/pushed"`,
      store,
      logger,
    });
    const first = await goLive('<p>Bản tin sáng</p>');
    push.pushLive();
    push.pushLive();
    await push.idle();
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('<p>Bản tin sáng</p>');

    const second = await goLive('<p>Bản tin chiều</p>');
    push.pushLive();
    await push.idle();
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('<p>Bản tin chiều</p>');
    expect((await readFile(path.join(target, 'pushed'), 'utf8')).split('\n')).toEqual([
      first,
      second,
      '',
    ]);
  });

  it('logs a failed push and leaves the live release being served', async () => {
    const push = new ReleasePush({
      command: 'echo "bucket unreachable" >&2; exit 3',
      store,
      logger,
    });
    const id = await goLive('<p>Bản tin sáng</p>');
    push.pushLive();
    await push.idle();
    expect(lines.filter((line) => line.level === 'error').map((line) => line.message)).toEqual([
      expect.stringMatching(
        new RegExp(`^pushing release ${id} failed \\(exit 3\\).*bucket unreachable`),
      ),
    ]);
    expect((await store.live())?.id).toBe(id);
    expect(existsSync(path.join(store.releaseDir(id), 'index.html'))).toBe(true);
  });
});
