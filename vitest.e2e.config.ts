import { defineConfig } from 'vitest/config';

// Real-browser tests: one Chromium at a time (2 cores), generous timeouts, no retries.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
