import { defineConfig } from 'vitest/config';

/** End-to-end tests in real Chromium; the app is built once per run (test/e2e/support/buildOnce.ts). */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/support/buildOnce.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    environment: 'node',
  },
});
