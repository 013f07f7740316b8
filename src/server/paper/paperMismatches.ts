import type { Kysely } from 'kysely';
import type { Answers } from '../../survey/answers.ts';
import { canonicalJson } from '../../survey/canonicalJson.ts';
import { makeUuidV7 } from '../../survey/makeUuidV7.ts';
import { formatSerial } from '../../survey/paper/paperSerial.ts';
import type { SurveyDefinition } from '../../survey/schema.ts';
import { listQuestions } from '../../survey/walkItems.ts';
import type { Database } from '../db/schema.ts';
import { getSurveyVersion } from '../queries/surveyVersions.ts';
import { makePaperChecker } from './checkPaperSheet.ts';
import { lockFacilitySheets } from './paperBatches.ts';
import { writePaperSheets } from './storePaperSheets.ts';

/** One keying as a mismatch shows it. */
export interface PaperKeying { language: string; filledOn: string; answers: Answers; unreadable: string[] }

export interface PaperMismatchView {
  id: string; facilityId: string; surveyId: string; surveyVersion: number; serial: number; serialText: string;
  first: PaperKeying; second: PaperKeying; differences: string[]; createdAt: string;
}

/** The questions the two keyings disagree on (answer, or read as unreadable), in the survey's order. */
export function keyingDifferences(survey: SurveyDefinition | undefined, first: PaperKeying, second: PaperKeying): string[] {
  const ids = new Set([...Object.keys(first.answers), ...Object.keys(second.answers), ...first.unreadable, ...second.unreadable]);
  const differs = (id: string) => canonicalJson(first.answers[id] ?? null) !== canonicalJson(second.answers[id] ?? null)
    || first.unreadable.includes(id) !== second.unreadable.includes(id);
  const order = new Map((survey ? listQuestions(survey.items) : []).map((p, index) => [p.question.id, index]));
  return [...ids].filter(differs).sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
}

function keying(row: { language: string; filled_on: string; answers: string; unreadable: string }): PaperKeying {
  return { language: row.language, filledOn: row.filled_on, answers: JSON.parse(row.answers) as Answers, unreadable: JSON.parse(row.unreadable) as string[] };
}

/** Open mismatches of these facilities, oldest first, both keyings side by side. */
export async function listOpenMismatches(db: Kysely<Database>, organisationId: string, facilityIds: readonly string[]): Promise<PaperMismatchView[]> {
  if (facilityIds.length === 0) return [];
  const rows = await db.selectFrom('paper_mismatches as m')
    .innerJoin('paper_entries as f', 'f.id', 'm.first_entry_id')
    .innerJoin('paper_entries as s', 's.id', 'm.second_entry_id')
    .select([
      'm.id', 'm.facility_id', 'm.survey_id', 'm.serial', 'm.created_at', 'f.survey_version',
      'f.language as f_language', 'f.filled_on as f_filled_on', 'f.answers as f_answers', 'f.unreadable as f_unreadable',
      's.language as s_language', 's.filled_on as s_filled_on', 's.answers as s_answers', 's.unreadable as s_unreadable',
    ])
    .where('m.organisation_id', '=', organisationId).where('m.facility_id', 'in', [...facilityIds]).where('m.resolved_at', 'is', null)
    .orderBy('m.created_at').orderBy('m.id').execute();
  const surveys = new Map<string, Promise<SurveyDefinition | undefined>>();
  const views: PaperMismatchView[] = [];
  for (const row of rows) {
    const key = `${row.survey_id}@${row.survey_version}`;
    if (!surveys.has(key)) surveys.set(key, getSurveyVersion(db, organisationId, row.survey_id, Number(row.survey_version)));
    const first = keying({ language: row.f_language, filled_on: row.f_filled_on, answers: row.f_answers, unreadable: row.f_unreadable });
    const second = keying({ language: row.s_language, filled_on: row.s_filled_on, answers: row.s_answers, unreadable: row.s_unreadable });
    views.push({
      id: row.id, facilityId: row.facility_id, surveyId: row.survey_id, surveyVersion: Number(row.survey_version), serial: Number(row.serial),
      serialText: formatSerial(Number(row.serial)), first, second, differences: keyingDifferences(await surveys.get(key), first, second), createdAt: row.created_at,
    });
  }
  return views;
}

export type Resolution =
  | { ok: true; responseId: string }
  | { ok: false; status: 400 | 404 | 409; code: string; message: string };

class Refused extends Error {
  constructor(readonly resolution: Extract<Resolution, { ok: false }>) { super(resolution.message); }
}

/**
 * Settles a mismatch with the answers the resolver read off the sheet: checked by the same
 * rules as a keying, then written as the final response (entered by the first keyer,
 * checked by the resolver), the mismatch closed and both keyings deleted, together.
 */
export async function resolveMismatch(
  db: Kysely<Database>,
  input: { organisationId: string; facilityIds: ReadonlySet<string> | 'all'; staffId: string; mismatchId: string; keying: PaperKeying },
  now = new Date(),
): Promise<Resolution> {
  const mismatch = await db.selectFrom('paper_mismatches').selectAll().where('id', '=', input.mismatchId).where('organisation_id', '=', input.organisationId).executeTakeFirst();
  const visible = mismatch && (input.facilityIds === 'all' || input.facilityIds.has(mismatch.facility_id));
  if (!mismatch || !visible) return { ok: false, status: 404, code: 'unknown_mismatch', message: 'no such mismatch among your facilities\'' };
  const alreadyResolved: Resolution = { ok: false, status: 409, code: 'already_resolved', message: `the mismatch of sheet ${formatSerial(Number(mismatch.serial))} was resolved already` };
  if (mismatch.resolved_at !== null) return alreadyResolved;
  const first = await db.selectFrom('paper_entries').selectAll().where('id', '=', mismatch.first_entry_id).executeTakeFirst();
  const facility = await db.selectFrom('facilities').select(['id', 'time_zone']).where('id', '=', mismatch.facility_id).executeTakeFirst();
  if (!first || !facility) return alreadyResolved;
  const context = { organisationId: input.organisationId, facility, staffId: input.staffId };
  const check = await (await makePaperChecker(db, context))({
    entryId: makeUuidV7(now.getTime()), facilityId: facility.id, surveyId: mismatch.survey_id, surveyVersion: Number(first.survey_version),
    serial: Number(mismatch.serial), keyedAt: now.toISOString(), ...input.keying,
  });
  if (!check.ok) return { ok: false, status: 400, code: check.code, message: check.message };
  try {
    return await db.transaction().execute(async (tx) => {
      await lockFacilitySheets(tx, facility.id);
      const still = await tx.selectFrom('paper_mismatches').select('resolved_at').where('id', '=', mismatch.id).executeTakeFirstOrThrow();
      if (still.resolved_at !== null) throw new Refused(alreadyResolved as Extract<Resolution, { ok: false }>);
      await tx.updateTable('paper_mismatches').set({ resolved_at: now.toISOString(), resolved_by: input.staffId }).where('id', '=', mismatch.id).execute();
      const [stored] = await writePaperSheets(tx, {
        ...context, staffId: first.entered_by, via: 'keyed', checkedBy: new Map([[check.sheet.responseId, input.staffId]]),
      }, [check.sheet], now);
      if (stored!.status === 'rejected') throw new Refused({ ok: false, status: 409, code: stored!.code, message: stored!.message });
      // Already gone when the sheet was written just now; not when it was a response already (a retry).
      await tx.deleteFrom('paper_entries').where('id', 'in', [mismatch.first_entry_id, mismatch.second_entry_id]).execute();
      return { ok: true, responseId: check.sheet.responseId } satisfies Resolution;
    });
  } catch (error) {
    if (error instanceof Refused) return error.resolution;
    throw error;
  }
}
