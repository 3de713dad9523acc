import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Integration tests in test/, the seed's next to it (scripts/, data/: owned by ops).
    include: ['test/**/*.test.ts', 'scripts/**/*.test.ts', 'data/**/*.test.ts'],
    // strapi.destroy() calls process.removeAllListeners(), which kills vitest's default `forks`
    // workers ("Worker exited unexpectedly"); worker threads survive it.
    pool: 'threads',
    // The files run one after another in one worker that keeps its modules: Strapi's load once
    // per run, not once per file (about 4 s of CPU each). startCms puts process.env back.
    isolate: false,
    setupFiles: ['test/setup/stop-every-cms.ts'],
    // Each file boots its own Strapi (~4 s, ~300 MB): one at a time keeps a 2-core machine responsive.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
