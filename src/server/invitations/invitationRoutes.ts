import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** The routes of answering by an invitation code: no account, no enrollment (docs/authoring-api.md). */
export function invitationRoutes(options: { db: Kysely<Database>; now?: () => Date }): Hono {
  const app = new Hono();
  void options;
  return app;
}
