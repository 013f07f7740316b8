import type { Kysely } from 'kysely';
import { checkForPublishing } from '../../survey/checkForPublishing.ts';
import type { DefinitionProblem } from '../../survey/parseSurvey.ts';
import type { Database } from '../db/schema.ts';

/** A draft as the API gives it (docs/authoring-api.md). */
export interface DraftView {
  surveyId: string;
  revision: number;
  definition: Record<string, unknown>;
  origin: string;
  basedOnVersion: number | null;
  updatedAt: string;
  problems: DefinitionProblem[];
}

type DraftRow = Database['survey_drafts'];

/** What stands between a draft and publishing; none means it can be published. */
export function draftProblems(definition: unknown): DefinitionProblem[] {
  const parsed = checkForPublishing(definition);
  return parsed.ok ? [] : parsed.problems;
}

export function toDraftView(row: DraftRow): DraftView {
  const definition = JSON.parse(row.definition) as Record<string, unknown>;
  return {
    surveyId: row.survey_id, revision: Number(row.revision), definition, origin: row.origin,
    basedOnVersion: row.based_on_version === null ? null : Number(row.based_on_version),
    updatedAt: row.updated_at, problems: draftProblems(definition),
  };
}

export async function findDraft(db: Kysely<Database>, organisationId: string, surveyId: string): Promise<DraftRow | undefined> {
  return db.selectFrom('survey_drafts').selectAll()
    .where('organisation_id', '=', organisationId).where('survey_id', '=', surveyId).executeTakeFirst();
}

/** Whether the id is taken in this organisation: by a published version or by a draft. */
export async function surveyIdInUse(db: Kysely<Database>, organisationId: string, surveyId: string): Promise<boolean> {
  const version = await db.selectFrom('survey_versions').select('version')
    .where('organisation_id', '=', organisationId).where('survey_id', '=', surveyId).limit(1).executeTakeFirst();
  return Boolean(version) || Boolean(await findDraft(db, organisationId, surveyId));
}

export async function latestVersionNumber(db: Kysely<Database>, organisationId: string, surveyId: string): Promise<number | null> {
  const row = await db.selectFrom('survey_versions').select((eb) => eb.fn.max('version').as('version'))
    .where('organisation_id', '=', organisationId).where('survey_id', '=', surveyId).executeTakeFirst();
  return row?.version === null || row?.version === undefined ? null : Number(row.version);
}

/**
 * Stores a first draft. The primary key (organisation, survey) makes a second draft of the
 * same id fail rather than replace the first: answered false then.
 */
export async function insertDraft(db: Kysely<Database>, input: {
  organisationId: string; surveyId: string; definition: Record<string, unknown>; origin: string;
  basedOnVersion: number | null; staffId: string; now: Date;
}): Promise<DraftRow | false> {
  const row: DraftRow = {
    organisation_id: input.organisationId, survey_id: input.surveyId, definition: JSON.stringify(input.definition),
    revision: 1, origin: input.origin, based_on_version: input.basedOnVersion, updated_by: input.staffId, updated_at: input.now.toISOString(),
  };
  try {
    await db.insertInto('survey_drafts').values(row).execute();
  } catch (error) {
    if (await findDraft(db, input.organisationId, input.surveyId)) return false;
    throw error;
  }
  return row;
}

export type SaveOutcome = { ok: true; revision: number; updatedAt: string } | { ok: false; currentRevision: number | null };

/** Saves over the revision the designer loaded: a compare-and-set, so two tabs never overwrite each other unseen. */
export async function saveDraft(db: Kysely<Database>, input: {
  organisationId: string; surveyId: string; revision: number; definition: Record<string, unknown>; staffId: string; now: Date;
}): Promise<SaveOutcome> {
  const updatedAt = input.now.toISOString();
  const result = await db.updateTable('survey_drafts')
    .set({ definition: JSON.stringify(input.definition), revision: input.revision + 1, updated_by: input.staffId, updated_at: updatedAt })
    .where('organisation_id', '=', input.organisationId).where('survey_id', '=', input.surveyId).where('revision', '=', input.revision)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return { ok: true, revision: input.revision + 1, updatedAt };
  const current = await findDraft(db, input.organisationId, input.surveyId);
  return { ok: false, currentRevision: current ? Number(current.revision) : null };
}

export async function deleteDraft(db: Kysely<Database>, organisationId: string, surveyId: string): Promise<boolean> {
  const result = await db.deleteFrom('survey_drafts').where('organisation_id', '=', organisationId).where('survey_id', '=', surveyId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
