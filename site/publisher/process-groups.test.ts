import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { isAlive, isRunning, spawnGroup, stopGroup } from './process-groups';

/** A shell that starts a grandchild in the background and prints its pid, then waits. */
function shellWithGrandchild() {
  const child = spawnGroup('sh', ['-c', 'sleep 60 & echo $!; wait'], {});
  const grandchild = once(child.stdout!, 'data').then(([chunk]) => Number(String(chunk).trim()));
  return { child, grandchild };
}

describe('process groups', () => {
  it('stopGroup stops the leader and what it started', async () => {
    const { child, grandchild } = shellWithGrandchild();
    const pid = await grandchild;
    expect(isAlive(pid)).toBe(true);
    expect(isRunning(child)).toBe(true);

    await stopGroup(child, 5_000);
    expect(isRunning(child)).toBe(false);
    // The grandchild got the group's SIGTERM too (a zombie until reaped counts as gone soon after).
    await expect.poll(() => isAlive(pid), { timeout: 5_000 }).toBe(false);
  });

  it('stopGroup of a process that already exited resolves at once', async () => {
    const child = spawnGroup('true', [], {});
    await once(child, 'exit');
    await stopGroup(child, 5_000);
    expect(isRunning(child)).toBe(false);
  });

  it('isAlive tells a running pid from one that is gone', () => {
    expect(isAlive(process.pid)).toBe(true);
    expect(isAlive(2 ** 22 + 1)).toBe(false);
  });
});
