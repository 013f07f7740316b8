import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The routes of waves, their facilities and invitation batches (docs/authoring-api.md). */
export function waveRoutes(options: { db: Kysely<Database>; now?: () => Date }): Hono {
  const app = new Hono();
  void options;
  return app;
}
