import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { appendCpuLog, ownCpu } from '../helpers/cpu-log';

// With TOASOAN_TEST_CPU_LOG: the CPU a test file's worker and the children it reaped spent.
let start = 0;
let startWall = 0;
beforeAll(() => {
  start = ownCpu();
  startWall = Date.now();
});
afterAll(() => {
  appendCpuLog({
    file: path.basename(expect.getState().testPath ?? ''),
    kind: 'file total',
    wall: (Date.now() - startWall) / 1000,
    cpu: ownCpu() - start,
  });
});
