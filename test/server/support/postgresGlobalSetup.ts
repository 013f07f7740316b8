/**
 * Vitest globalSetup: one throwaway PostgreSQL cluster for the whole run (see startPostgres.ts).
 * Tests read its URL with `inject('postgresUrl')`; it is null when PostgreSQL is not installed,
 * so those tests skip instead of failing on machines without it.
 */
import type { TestProject } from 'vitest/node';
import { postgresAvailable, startPostgres } from './startPostgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `postgres://postgres@127.0.0.1:PORT/sayso_test`, or null when PostgreSQL is not installed. */
    postgresUrl: string | null;
  }
}

export default async function setup({ provide }: TestProject): Promise<() => Promise<void>> {
  if (!postgresAvailable()) {
    provide('postgresUrl', null);
    return async () => {};
  }
  const postgres = await startPostgres();
  provide('postgresUrl', postgres.url);
  return postgres.stop;
}
