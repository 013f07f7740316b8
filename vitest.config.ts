import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';

export default defineConfig({
  plugins: [solid()],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // A throwaway PostgreSQL cluster for the run, so server tests also run on PostgreSQL.
    globalSetup: ['test/server/support/postgresGlobalSetup.ts'],
  },
});
