import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder for this test run's builds, removed when the run ends. */
    scratchDir: string;
    /**
     * Where the run's seeded sample newsroom (data.db and public/uploads) is kept once the first
     * file needing it has seeded it (helpers/cms.ts); removed when the run ends.
     */
    sampleCmsDir: string;
  }
}

/**
 * One scratch folder for the whole run: test builds write hundreds of pages each, and a folder
 * per build that nobody removes fills /tmp on a developer's machine within a week.
 */
export default async function setup(project: TestProject) {
  const scratchDir = await mkdtemp(path.join(os.tmpdir(), 'toasoan-site-tests-'));
  project.provide('scratchDir', scratchDir);
  // Beside the throwaway CMSs (tmpfs when there is one) so copying it stays a memory copy.
  const shm = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const sampleCmsDir = path.join(shm, `toasoan-site-test-sample-${path.basename(scratchDir)}`);
  project.provide('sampleCmsDir', sampleCmsDir);
  return async () => {
    await rm(scratchDir, { recursive: true, force: true });
    await rm(sampleCmsDir, { recursive: true, force: true });
  };
}
