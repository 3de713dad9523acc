// @ts-check
// The thread of page-linker.ts; it stops at the first page the base release lacks and says which.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { placeFile } from './place-file.mjs';

const { baseDir, outDir } = /** @type {{ baseDir: string, outDir: string }} */ (workerData);
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const folders = new Set();
let failed = false;

port.on('message', (/** @type {string[] | null} */ files) => {
  if (files === null) {
    port.postMessage({ done: true });
    return;
  }
  if (failed) return;
  for (const file of files) {
    const to = path.join(outDir, file);
    const folder = path.dirname(to);
    try {
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      placeFile(path.join(baseDir, file), to);
    } catch (error) {
      failed = true;
      port.postMessage({ missing: file, message: /** @type {Error} */ (error).message });
      return;
    }
  }
});
