import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` needs nothing but the source tree; `site` checks the built dist/
 * (static checks read its files; browser checks drive real Chromium). `npm test` builds
 * between the two. docs/TESTING.md says which check lives where and how to run each.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          root: '.',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'site',
          root: '.',
          include: ['test/site/**/*.test.ts'],
          globalSetup: ['test/support/site-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Files run in parallel, one per core; they share one Chromium (started by
          // site-setup.ts) and one static server, each test in browser contexts of its own.
          fileParallelism: true,
          maxWorkers: availableParallelism(),
        },
      },
    ],
  },
});
