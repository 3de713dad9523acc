import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropPostgresDatabase } from '../../scripts/lib/throwaway-cms';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A folder for this test run's builds, removed when the run ends. */
    scratchDir: string;
    /**
     * Where the run's seeded sample newsroom (data.db and public/uploads) is kept once the first
     * file needing it has seeded it (helpers/cms.ts); removed when the run ends.
     */
    sampleCmsDir: string;
    /** On PostgreSQL (DATABASE_URL), the database of that sample, the template of every test's. */
    samplePostgresDatabase: string;
  }
}

const RUN_SCRATCH_DIR = 'TOASOAN_SITE_TEST_SCRATCH_DIR';
const RUN_SAMPLE_DATABASE = 'TOASOAN_SITE_TEST_SAMPLE_DATABASE';

/**
 * One scratch folder for the whole run: test builds write hundreds of pages each, and a folder
 * per build that nobody removes fills /tmp on a developer's machine within a week.
 */
export default async function setup(project: TestProject) {
  // Once per run for all the projects of vitest.config.ts (this runs once per project, in the
  // same process): they share one scratch folder and one seeded sample.
  const existing = process.env[RUN_SCRATCH_DIR];
  const scratchDir = existing ?? (await mkdtemp(path.join(os.tmpdir(), 'toasoan-site-tests-')));
  process.env[RUN_SCRATCH_DIR] = scratchDir;
  project.provide('scratchDir', scratchDir);
  // Beside the throwaway CMSs (tmpfs when there is one) so copying it stays a memory copy.
  const shm = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const sampleCmsDir = path.join(shm, `toasoan-site-test-sample-${path.basename(scratchDir)}`);
  project.provide('sampleCmsDir', sampleCmsDir);
  process.env[RUN_SAMPLE_DATABASE] ??= `toasoan_site_sample_${randomBytes(6).toString('hex')}`;
  const samplePostgresDatabase = process.env[RUN_SAMPLE_DATABASE];
  project.provide('samplePostgresDatabase', samplePostgresDatabase);
  if (existing) return;
  return async () => {
    await rm(scratchDir, { recursive: true, force: true });
    await rm(sampleCmsDir, { recursive: true, force: true });
    await rm(`${sampleCmsDir}-postgres`, { recursive: true, force: true });
    delete process.env[RUN_SCRATCH_DIR];
    const postgres = process.env.DATABASE_URL;
    if (postgres?.startsWith('postgres'))
      await dropPostgresDatabase(postgres, samplePostgresDatabase);
  };
}
