import { describe, expect, it } from 'vitest';
import { BuildQueue, type BuildReasons } from './build-queue';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A queue whose builds take `buildMs` and are recorded with the time each started. */
function recordingQueue(buildMs: number, wait = { quietMs: 200, maxWaitMs: 600 }) {
  const started = Date.now();
  const builds: { reasons: BuildReasons; at: number }[] = [];
  const queue = new BuildQueue(async (reasons) => {
    builds.push({ reasons, at: Date.now() - started });
    await sleep(buildMs);
  }, wait);
  return { queue, builds, now: () => Date.now() - started };
}

describe('BuildQueue', () => {
  it('starts a build at once when none runs', async () => {
    const { queue, builds } = recordingQueue(10);
    expect(queue.request('hook entry.publish')).toBe('started');
    await queue.idle();
    expect(builds).toHaveLength(1);
    expect(builds[0]!.at).toBeLessThan(100);
  });

  it('folds the requests of a storm into one follow-up, started once they pause', async () => {
    // maxWaitMs out of the way: a loaded machine may space the requests past it.
    const { queue, builds, now } = recordingQueue(100, { quietMs: 200, maxWaitMs: 60_000 });
    queue.request('hook entry.publish');
    // A request every 50 ms for 400 ms: past the end of the first build, under maxWaitMs.
    const outcomes = [];
    for (let i = 0; i < 8; i++) {
      await sleep(50);
      outcomes.push(queue.request('hook entry.publish'));
    }
    const lastAt = now();
    await queue.idle();
    expect(outcomes).toEqual(['queued', ...Array(7).fill('coalesced')]);
    expect(builds.map((build) => build.reasons)).toEqual([
      { 'hook entry.publish': 1 },
      { 'hook entry.publish': 8 },
    ]);
    // Not at the first build's end (100 ms), but a quiet 200 ms after the last request.
    expect(builds[1]!.at).toBeGreaterThanOrEqual(lastAt + 200 - 5);
    expect(builds[1]!.at).toBeLessThan(lastAt + 200 + 1_000);
  });

  it('waits no longer than maxWaitMs after a build for requests that keep coming', async () => {
    const { queue, builds, now } = recordingQueue(50, { quietMs: 200, maxWaitMs: 300 });
    queue.request('reconcile');
    let stop = false;
    const stream = (async () => {
      while (!stop) {
        queue.request('hook entry.publish');
        await sleep(50);
      }
    })();
    await sleep(1_500);
    const streamEnd = now();
    stop = true;
    await stream;
    await queue.idle();
    // The follow-up started 300 ms after the first build ended (at 50 ms or later), while the
    // requests went on without a pause of 200 ms.
    expect(builds[1]!.at).toBeGreaterThanOrEqual(50 + 300 - 5);
    expect(builds[1]!.at).toBeLessThan(streamEnd);
  });

  it('drops a follow-up that waits when it is closed', async () => {
    const { queue, builds } = recordingQueue(50);
    queue.request('hook entry.publish');
    queue.request('hook entry.publish');
    await sleep(100);
    queue.close();
    await queue.idle();
    expect(builds).toHaveLength(1);
    expect(queue.request('hook entry.publish')).toBe('closed');
  });
});
