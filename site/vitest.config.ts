import { defineConfig } from 'vitest/config';

// Files that change the site's own code while they run: nothing may build beside them.
const ALONE = ['test/publisher-standby.test.ts'];

export default defineConfig({
  test: {
    // Each file seeds and boots a real Strapi and runs real Astro builds: slow on a busy machine.
    // The first file to need the sample seeds it (helpers/cms.ts): minutes on PostgreSQL beside
    // CI's other lanes.
    hookTimeout: 480_000,
    testTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'site',
          include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'publisher/**/*.test.ts'],
          exclude: ALONE,
          // Two files at a time: a file mostly waits for a Strapi start, a build or Chromium, and
          // each build has a working directory of its own (helpers/site.ts).
          maxWorkers: 2,
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/setup/cpu-per-file.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'site-alone',
          include: ALONE,
          // After every other file, by itself.
          sequence: { groupOrder: 1 },
          fileParallelism: false,
          globalSetup: ['test/global-setup.ts'],
          setupFiles: ['test/setup/cpu-per-file.ts'],
        },
      },
    ],
  },
});
