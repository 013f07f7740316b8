import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The routes of XLSForm import reports and exports (docs/authoring-api.md). */
export function xlsformRoutes(options: { db: Kysely<Database>; now?: () => Date }): Hono {
  const app = new Hono();
  void options;
  return app;
}
