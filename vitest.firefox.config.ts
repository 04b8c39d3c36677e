import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Real-Firefox tests (test/firefox): one Firefox at a time (2 cores), generous timeouts, no retries.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['test/firefox/**/*.firefox.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
