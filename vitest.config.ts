import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Three lanes: `unit` (shared + extension logic, WXT's fake browser, linkedom DOMs), `server` (the real Hono
// app on a fresh libSQL file per test) and `browser` (the built extension in Debian's Chromium).
export default defineConfig({
  test: {
    // The JSON report gives .ci/run its closing "N passed, N failed" line.
    reporters: ['default', ['json', { outputFile: '.tmp/vitest-report.json' }]],
    projects: [
      {
        plugins: [WxtVitest()],
        test: { name: 'unit', include: ['tests/shared/**/*.test.ts', 'tests/extension/**/*.test.ts'] },
      },
      {
        test: { name: 'server', include: ['tests/server/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
