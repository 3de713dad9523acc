import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { mayRaisePriority, setNiceness, SPARE_NICENESS } from './process-priority';

/** The niceness of each thread of `pid`, from /proc (field 19 of stat, after the name). */
function threadNiceness(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map((thread) => {
    const stat = readFileSync(`/proc/${pid}/task/${thread}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

describe('setNiceness', () => {
  const children: ReturnType<typeof spawn>[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });

  it.runIf(process.platform === 'linux')(
    'steps back every thread of a process, those it starts later too, and brings it forward again',
    async () => {
      // A Node process starts several threads (V8's, libuv's) and one more when asked to.
      const child = spawn(
        process.execPath,
        [
          '-e',
          `const { Worker } = require('node:worker_threads');
           process.stdin.once('data', () => {
             new Worker('setInterval(() => {}, 1000)', { eval: true }).on('online', () => console.log('more'));
           });
           console.log('up');`,
        ],
        { stdio: ['pipe', 'pipe', 'inherit'] },
      );
      children.push(child);
      await once(child.stdout!, 'data');
      expect(setNiceness(child.pid!, SPARE_NICENESS)).toBe(true);
      const before = threadNiceness(child.pid!);
      expect(before.length).toBeGreaterThan(1);
      expect(new Set(before)).toEqual(new Set([SPARE_NICENESS]));

      child.stdin!.write('\n');
      await once(child.stdout!, 'data');
      const after = threadNiceness(child.pid!);
      expect(after.length).toBeGreaterThan(before.length);
      expect(new Set(after)).toEqual(new Set([SPARE_NICENESS]));

      // Raising it again needs CAP_SYS_NICE: root has it (CI), an unprivileged user does not.
      const raised = setNiceness(child.pid!, 0);
      expect(raised).toBe(mayRaisePriority());
      expect(raised).toBe(process.getuid?.() === 0);
      if (raised) expect(new Set(threadNiceness(child.pid!))).toEqual(new Set([0]));
    },
    10_000,
  );

  it('tells a process that is gone from a refusal', () => {
    expect(setNiceness(2 ** 22 + 12345, SPARE_NICENESS)).toBe(true);
  });
});
