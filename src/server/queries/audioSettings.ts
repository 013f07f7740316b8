import type { Kysely } from 'kysely';
import { LAUNCH_LANGUAGES, type LaunchLanguage } from '../../survey/languages.ts';
import type { Database } from '../db/schema.ts';

/** The languages a facility enables, in launch order: null in the database means all of them. */
export function facilityLanguages(stored: string | null): LaunchLanguage[] {
  if (stored === null) return [...LAUNCH_LANGUAGES];
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return [...LAUNCH_LANGUAGES];
  }
  const chosen = new Set(Array.isArray(parsed) ? parsed : []);
  const languages = LAUNCH_LANGUAGES.filter((language) => chosen.has(language));
  return languages.length ? languages : [...LAUNCH_LANGUAGES];
}

/** What to store for a chosen set: null when it is every launch language (new ones then join by themselves). */
export function storedLanguages(languages: readonly string[]): string | null {
  const chosen = LAUNCH_LANGUAGES.filter((language) => languages.includes(language));
  return chosen.length === LAUNCH_LANGUAGES.length ? null : JSON.stringify(chosen);
}

export async function readSpokenRetentionDays(db: Kysely<Database>, organisationId: string): Promise<number> {
  const row = await db.selectFrom('organisations').select('spoken_retention_days').where('id', '=', organisationId).executeTakeFirstOrThrow();
  return Number(row.spoken_retention_days);
}

export async function setSpokenRetentionDays(db: Kysely<Database>, organisationId: string, days: number): Promise<void> {
  await db.updateTable('organisations').set({ spoken_retention_days: days }).where('id', '=', organisationId).execute();
}
