import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder for this test run's builds, removed when the run ends. */
    scratchDir: string;
  }
}

/**
 * One scratch folder for the whole run: test builds write hundreds of pages each, and a folder
 * per build that nobody removes fills /tmp on a developer's machine within a week.
 */
export default async function setup(project: TestProject) {
  const scratchDir = await mkdtemp(path.join(os.tmpdir(), 'toasoan-site-tests-'));
  project.provide('scratchDir', scratchDir);
  return async () => {
    await rm(scratchDir, { recursive: true, force: true });
  };
}
