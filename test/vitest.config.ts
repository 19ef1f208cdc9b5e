import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` needs nothing but the source tree; `site` checks the built
 * dist/ (HTML validity, links, and real Chromium for axe, requests and behaviour).
 * `npm test` builds between the two.
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
          hookTimeout: 120_000,
          // One browser, one server: files run one after another on this 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
