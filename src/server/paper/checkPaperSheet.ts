import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { canonicalJson } from '../../survey/canonicalJson.ts';
import { takesPaperAnswer } from '../../survey/paper/paperAnswers.ts';
import { PaperEntry } from '../../survey/paper/paperEntry.ts';
import { paperResponseId } from '../../survey/paper/paperResponseId.ts';
import { formatSerial } from '../../survey/paper/paperSerial.ts';
import type { SurveyDefinition } from '../../survey/schema.ts';
import { validateAnswers } from '../../survey/validateAnswers.ts';
import { listQuestions } from '../../survey/walkItems.ts';
import type { Database } from '../db/schema.ts';
import { localDay } from '../rollupCells.ts';
import { getSurveyVersion } from '../queries/surveyVersions.ts';

/** Who is entering sheets, for which facility (one of theirs). `staffId` is 'cli' for the admin command. */
export interface PaperContext { organisationId: string; facility: { id: string; time_zone: string }; staffId: string }

/** A sheet that passed every paper answer rule, ready to be stored or compared. */
export interface CheckedSheet { responseId: string; entry: PaperEntry; survey: SurveyDefinition; contentHash: string }

export type SheetCheck = { ok: true; sheet: CheckedSheet } | { ok: false; code: string; message: string };

type Batch = Pick<Database['paper_batches'], 'first_serial' | 'count' | 'survey_id' | 'survey_version' | 'language'>;

/**
 * What makes two keyings of a sheet the same, and a retry a duplicate: survey, version,
 * language, answers and what could not be read (docs/paper-api.md). The filled-on day is
 * not part of it: it is the visit's, not the sheet's content.
 */
export function paperContentHash(input: { surveyId: string; surveyVersion: number; language: string; answers: PaperEntry['answers']; unreadable: readonly string[] }): string {
  const unreadable = [...new Set(input.unreadable)].sort();
  return createHash('sha256')
    .update(canonicalJson({ surveyId: input.surveyId, surveyVersion: input.surveyVersion, language: input.language, answers: input.answers, unreadable }))
    .digest('hex');
}

function issuesText(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues.slice(0, 5).map((issue) => `${(issue.path ?? []).map((p) => String(p.key)).join('.') || 'entry'}: ${issue.message}`).join('; ');
}

/** The batch holding a serial (batches sorted by first serial; serials of a facility never overlap). */
function batchOf(batches: readonly Batch[], serial: number): Batch | undefined {
  let low = 0;
  let high = batches.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const batch = batches[middle]!;
    if (serial < batch.first_serial) high = middle - 1;
    else if (serial >= batch.first_serial + batch.count) low = middle + 1;
    else return batch;
  }
  return undefined;
}

/** Why these answers cannot be a paper sheet of this survey, or null (the one rule set of keyed entries, resolutions and imports). */
export function paperAnswersProblem(survey: SurveyDefinition, answers: PaperEntry['answers'], unreadable: readonly string[]): string | null {
  const questions = new Map(listQuestions(survey.items).map((p) => [p.question.id, p.question]));
  // Paper cannot enforce "required": a blank is a blank.
  const problems = validateAnswers(survey, answers, 'partial').map((p) => (questions.get(p.questionId)?.kind === 'spoken'
    ? `${p.questionId} is a spoken comment, which paper cannot carry`
    : `${p.questionId} ${p.message}`));
  for (const [id, question] of questions) {
    // A spoken comment is recorded on a tablet: a sheet has no place for one (validateAnswers would take a clip name).
    if (question.kind === 'spoken' && answers[id] !== undefined && !problems.some((text) => text.startsWith(`${id} `))) problems.push(`${id} is a spoken comment, which paper cannot carry`);
  }
  const seen = new Set<string>();
  for (const id of unreadable) {
    const question = questions.get(id);
    if (!question) problems.push(`${id} (unreadable) is not a question of this survey version`);
    else if (!takesPaperAnswer(question)) problems.push(`${id} (unreadable) takes no answer on paper`);
    else if (answers[id] !== undefined) problems.push(`${id} is both answered and unreadable`);
    else if (seen.has(id)) problems.push(`${id} is listed as unreadable twice`);
    seen.add(id);
  }
  return problems.length ? problems.slice(0, 5).join('; ') : null;
}

/**
 * A checker of paper entries for one facility: schema, facility, serial (printed for this
 * facility, in a batch of this survey version and language), then the answers. Loads the
 * facility's batches and the survey versions they name once per checker, not per entry.
 */
export async function makePaperChecker(db: Kysely<Database>, context: PaperContext): Promise<(entry: unknown) => Promise<SheetCheck>> {
  const batches: Batch[] = await db.selectFrom('paper_batches')
    .select(['first_serial', 'count', 'survey_id', 'survey_version', 'language'])
    .where('facility_id', '=', context.facility.id).where('organisation_id', '=', context.organisationId)
    .orderBy('first_serial').execute();
  const surveys = new Map<string, Promise<SurveyDefinition | undefined>>();
  const surveyFor = (surveyId: string, version: number) => {
    const key = `${surveyId}@${version}`;
    let found = surveys.get(key);
    if (!found) surveys.set(key, (found = getSurveyVersion(db, context.organisationId, surveyId, version)));
    return found;
  };

  return async (raw) => {
    const parsed = v.safeParse(PaperEntry, raw);
    if (!parsed.success) return { ok: false, code: 'invalid_entry', message: issuesText(parsed.issues) };
    const entry = parsed.output;
    if (entry.facilityId !== context.facility.id) return { ok: false, code: 'unknown_facility', message: 'this sheet names a facility that is not the one being entered (a sheet of another facility?)' };
    const serialText = formatSerial(entry.serial);
    const batch = batchOf(batches, entry.serial);
    if (!batch) return { ok: false, code: 'unknown_serial', message: `${serialText} was never printed for this facility` };
    if (batch.survey_id !== entry.surveyId || batch.survey_version !== entry.surveyVersion) {
      return { ok: false, code: 'wrong_survey', message: `${serialText} was printed for survey ${batch.survey_id} version ${batch.survey_version}, not ${entry.surveyId} version ${entry.surveyVersion}` };
    }
    if (batch.language !== entry.language) return { ok: false, code: 'wrong_language', message: `${serialText} was printed in ${batch.language}, not ${entry.language}` };
    // isoDate checks the pattern only: 2026-02-30 would be counted on a day that does not exist.
    const day = new Date(`${entry.filledOn}T00:00:00.000Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== entry.filledOn) {
      return { ok: false, code: 'invalid_entry', message: `filledOn: ${entry.filledOn} is not a day of the calendar` };
    }
    // Reports count a sheet on its visit day: a day still to come is a typing error.
    if (entry.filledOn > localDay(new Date().toISOString(), context.facility.time_zone)) {
      return { ok: false, code: 'invalid_entry', message: `filledOn: ${entry.filledOn} is after today` };
    }
    const survey = await surveyFor(entry.surveyId, entry.surveyVersion);
    if (!survey) return { ok: false, code: 'wrong_survey', message: `survey ${entry.surveyId} version ${entry.surveyVersion} does not exist` };
    const problem = paperAnswersProblem(survey, entry.answers, entry.unreadable);
    if (problem) return { ok: false, code: 'answers_invalid', message: problem };
    const unreadable = [...entry.unreadable].sort();
    return {
      ok: true,
      sheet: {
        responseId: await paperResponseId(context.facility.id, entry.surveyId, entry.serial),
        entry: { ...entry, unreadable },
        survey,
        contentHash: paperContentHash({ ...entry, unreadable }),
      },
    };
  };
}
