import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The routes of drafts, publishing, versions and the template library (docs/authoring-api.md). */
export function authoringRoutes(options: { db: Kysely<Database>; now?: () => Date }): Hono {
  const app = new Hono();
  void options;
  return app;
}
