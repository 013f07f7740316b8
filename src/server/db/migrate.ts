import { Migrator, type Kysely, type Migration } from 'kysely';
import * as initial from './migrations/0001-initial.ts';
import * as staff from './migrations/0002-staff.ts';
import * as organisationKeys from './migrations/0003-organisation-keys.ts';
import * as staffAndReports from './migrations/0004-staff-and-reports.ts';
import * as audio from './migrations/0005-audio.ts';
import * as mediator from './migrations/0006-mediator.ts';
import * as paper from './migrations/0007-paper.ts';
import * as authoring from './migrations/0008-authoring.ts';

/**
 * The migrations, in order. Numbered files, never edited once released; each is
 * applied once (Kysely records them), so running this at every start is safe.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-staff': staff,
  '0003-organisation-keys': organisationKeys,
  '0004-staff-and-reports': staffAndReports,
  '0005-audio': audio,
  '0006-mediator': mediator,
  '0007-paper': paper,
  '0008-authoring': authoring,
};

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
