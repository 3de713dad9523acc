import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Each file seeds and boots a real Strapi and runs real Astro builds: slow on a busy machine.
    hookTimeout: 240_000,
    testTimeout: 120_000,
  },
});
