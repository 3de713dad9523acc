import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'publisher/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Each file seeds and boots a real Strapi and runs real Astro builds: slow on a busy machine.
    // The first file to need the sample seeds it (helpers/cms.ts): minutes on PostgreSQL beside
    // CI's other lanes.
    hookTimeout: 480_000,
    // One file at a time: an `astro build` whose outDir lies outside site/ deletes site/.astro when
    // it ends, which breaks another build running at the same moment.
    fileParallelism: false,
    testTimeout: 120_000,
  },
});
