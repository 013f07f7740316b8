import type { Kysely } from 'kysely';
import { checkForPublishing } from '../../survey/checkForPublishing.ts';
import type { DefinitionProblem } from '../../survey/parseSurvey.ts';
import type { Database } from '../db/schema.ts';

export type PublishOutcome =
  | { ok: true; surveyId: string; version: number; publishedAt: string }
  | { ok: false; reason: 'no_draft' }
  | { ok: false; reason: 'conflict'; currentRevision: number | null }
  | { ok: false; reason: 'invalid'; problems: DefinitionProblem[] };

/** Thrown inside the transaction so that it rolls back; turned into an outcome outside. */
class PublishRefused extends Error {
  constructor(readonly outcome: Exclude<PublishOutcome, { ok: true }>) {
    super('publish refused');
  }
}

/**
 * Publishes the draft at `revision` as the survey's next version, in one transaction: the
 * draft is removed first (only at that revision), so of two publishes at once the second
 * finds no draft and is told so (PostgreSQL makes it wait for the first's row lock; SQLite
 * runs one writer at a time); the version number comes from the versions already stored,
 * and the primary key refuses the same number twice. Either the version is written and the
 * draft is gone, or nothing changes.
 */
export async function publishDraft(db: Kysely<Database>, input: { organisationId: string; surveyId: string; revision: number; now: Date }): Promise<PublishOutcome> {
  const { organisationId, surveyId } = input;
  const publishedAt = input.now.toISOString();
  try {
    return await db.transaction().execute(async (tx) => {
      const removed = await tx.deleteFrom('survey_drafts')
        .where('organisation_id', '=', organisationId).where('survey_id', '=', surveyId).where('revision', '=', input.revision)
        .returning(['definition'])
        .executeTakeFirst();
      if (!removed) {
        const current = await tx.selectFrom('survey_drafts').select('revision')
          .where('organisation_id', '=', organisationId).where('survey_id', '=', surveyId).executeTakeFirst();
        throw new PublishRefused(current ? { ok: false, reason: 'conflict', currentRevision: Number(current.revision) } : { ok: false, reason: 'no_draft' });
      }
      const parsed = checkForPublishing(JSON.parse(removed.definition));
      if (!parsed.ok) throw new PublishRefused({ ok: false, reason: 'invalid', problems: parsed.problems });
      const latest = await tx.selectFrom('survey_versions').select((eb) => eb.fn.max('version').as('version'))
        .where('organisation_id', '=', organisationId).where('survey_id', '=', surveyId).executeTakeFirst();
      const survey = { ...parsed.survey, id: surveyId, version: Number(latest?.version ?? 0) + 1 };
      await tx.insertInto('survey_versions').values({
        organisation_id: organisationId, survey_id: surveyId, version: survey.version, definition: JSON.stringify(survey), published_at: publishedAt,
      }).execute();
      return { ok: true as const, surveyId, version: survey.version, publishedAt };
    });
  } catch (error) {
    if (error instanceof PublishRefused) return error.outcome;
    // Another writer took this version number between our read and insert (an admin's
    // publish-survey, say): the transaction rolled back and the draft is still there.
    if (await versionWasTaken(db, organisationId, surveyId)) {
      const current = await db.selectFrom('survey_drafts').select('revision')
        .where('organisation_id', '=', organisationId).where('survey_id', '=', surveyId).executeTakeFirst();
      if (current) return { ok: false, reason: 'conflict', currentRevision: Number(current.revision) };
    }
    throw error;
  }
}

async function versionWasTaken(db: Kysely<Database>, organisationId: string, surveyId: string): Promise<boolean> {
  const any = await db.selectFrom('survey_versions').select('version')
    .where('organisation_id', '=', organisationId).where('survey_id', '=', surveyId).limit(1).executeTakeFirst();
  return Boolean(any);
}
