import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { ResponseEnvelope, type SyncItemResult } from '../../survey/responseEnvelope.ts';
import type { SurveyDefinition } from '../../survey/schema.ts';
import { validateAnswers } from '../../survey/validateAnswers.ts';
import { makeUuidV7 } from '../../survey/makeUuidV7.ts';
import type { Database } from '../db/schema.ts';
import { checkResponseSignature } from '../responseSignature.ts';
import { openSealedAnswers } from '../openSealedAnswers.ts';
import { organisationPrivateKey } from './organisationKeys.ts';
import { openMediatorNotes } from '../mediation/openMediatorNotes.ts';
import { countReportCells, reportQuarter, type ReportCellInput } from '../reports/reportCellsFor.ts';
import type { DeviceEnrollment } from './enrollments.ts';
import { getSurveyVersion } from './surveyVersions.ts';
import { storedContentHashes, writeResponses, type ResponseWrite } from './writeResponses.ts';
import { makeResponseWaveFinder } from '../waves/findResponseWave.ts';

/** Published versions are immutable: each is read and parsed once per database, not once per batch. */
const surveyCaches = new WeakMap<Kysely<Database>, Map<string, Promise<SurveyDefinition | undefined>>>();

/** A device clock further than this from the server's is implausible: kept, flagged, and reported at the received time. */
export const CLOCK_TOLERANCE_MS = 10 * 60_000;

type Accepted = ResponseWrite & {
  /** Who assisted (the opaque reference only; the staff id is found at write time). */
  staffRef: string | null;
  /** The mediator's note, opened: stored apart from the answers. */
  notes: Omit<Database['mediator_notes'], 'received_at'> | null;
};

type Rejected = Extract<SyncItemResult, { status: 'rejected' }>;

/**
 * Text as a database column can hold it: PostgreSQL refuses NUL in text, and neither
 * database should get lone surrogates. Only for what the server writes about a rejected
 * item (its claimed id, the reason), never for answers, which are stored as escaped JSON.
 */
function storableText(text: string, maxLength: number): string {
  return text.replace(/\u0000/g, '\uFFFD').toWellFormed().slice(0, maxLength);
}

function reject(id: unknown, code: string, message: string): Rejected {
  return { id: typeof id === 'string' ? id : null, status: 'rejected', error: { code, message } };
}

function issuesText(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${(issue.path ?? []).map((p) => String(p.key)).join('.') || '(response)'}: ${issue.message}`)
    .join('; ');
}

/** Who assisted each fresh assisted response (staff found by reference in the organisation), and mediators' notes. */
async function writeAssistantsAndNotes(tx: Kysely<Database>, organisationId: string, fresh: readonly Accepted[], receivedAt: string): Promise<void> {
  const refs = [...new Set(fresh.flatMap((a) => (a.staffRef ? [a.staffRef] : [])))];
  const staffByRef = new Map<string, string>();
  for (let i = 0; i < refs.length; i += 500) {
    const rows = await tx.selectFrom('staff').select(['id', 'tablet_ref']).where('organisation_id', '=', organisationId).where('tablet_ref', 'in', refs.slice(i, i + 500)).execute();
    for (const row of rows) staffByRef.set(row.tablet_ref!, row.id);
  }
  const assistants = fresh.flatMap((a) => (a.staffRef
    ? [{ response_id: a.row.id, organisation_id: organisationId, staff_ref: a.staffRef, staff_id: staffByRef.get(a.staffRef) ?? null, received_at: receivedAt }]
    : []));
  for (let i = 0; i < assistants.length; i += 200) await tx.insertInto('response_assistants').values(assistants.slice(i, i + 200)).execute();
  const notes = fresh.flatMap((a) => (a.notes ? [{ ...a.notes, received_at: receivedAt }] : []));
  for (let i = 0; i < notes.length; i += 100) await tx.insertInto('mediator_notes').values(notes.slice(i, i + 100)).execute();
}

/**
 * Ingests one batch from a tablet: each item is checked on its own (shape, MAC, mode and
 * assistance, survey version, mediator requirement, answers, mediator's note); good ones
 * are written with their rollups, who assisted them and their notes (apart from the
 * answers), bad ones quarantined with their reason, all in one transaction. Results come
 * back one per item, in order.
 */
export async function ingestBatch(
  db: Kysely<Database>,
  input: { device: DeviceEnrollment; items: readonly unknown[] },
  now = new Date(),
): Promise<SyncItemResult[]> {
  const receivedAt = now.toISOString();
  const results: SyncItemResult[] = new Array(input.items.length);
  const quarantined: Database['quarantine'][] = [];
  const candidates: Array<{ index: number; accepted: Accepted }> = [];

  const enrollmentIds = new Set<string>();
  for (const item of input.items) {
    const id = (item as { enrollmentId?: unknown } | null)?.enrollmentId;
    // PostgreSQL refuses NUL even in a lookup: such an id matches nothing and the item is rejected below.
    if (typeof id === 'string' && !id.includes('\u0000')) enrollmentIds.add(id);
  }
  const enrollments = new Map(
    enrollmentIds.size === 0
      ? []
      : (await db.selectFrom('enrollments').innerJoin('facilities', 'facilities.id', 'enrollments.facility_id')
          .select(['enrollments.id', 'enrollments.secret', 'enrollments.facility_id', 'facilities.organisation_id', 'facilities.time_zone'])
          .where('enrollments.id', 'in', [...enrollmentIds]).execute()).map((e) => [e.id, e]),
  );
  let surveys = surveyCaches.get(db);
  if (!surveys) surveyCaches.set(db, (surveys = new Map()));
  const cache = surveys;
  const surveyFor = (surveyId: string, version: number) => {
    const key = `${input.device.organisation_id}/${surveyId}@${version}`;
    let found = cache.get(key);
    if (!found) {
      found = getSurveyVersion(db, input.device.organisation_id, surveyId, version);
      // Only what exists is remembered: a version published later is found on the next batch.
      found.then((survey) => survey ?? cache.delete(key), () => cache.delete(key));
      cache.set(key, found);
    }
    return found;
  };

  const waveOf = makeResponseWaveFinder(db);

  const quarantine = (index: number, raw: unknown, result: Rejected, enrollmentId: string | null) => {
    results[index] = result;
    quarantined.push({
      id: makeUuidV7(now.getTime()),
      response_id: result.id === null ? null : storableText(result.id, 200),
      enrollment_id: enrollmentId,
      received_at: receivedAt,
      reason: storableText(`${result.error.code}: ${result.error.message}`, 2000),
      // JSON.stringify escapes NUL and lone surrogates, so the payload is kept exactly.
      payload: JSON.stringify(raw) ?? 'null',
    });
  };

  for (const [index, raw] of input.items.entries()) {
    const rawId = (raw as { id?: unknown } | null)?.id;
    const parsed = v.safeParse(ResponseEnvelope, raw);
    if (!parsed.success) {
      quarantine(index, raw, reject(rawId, 'invalid_response', issuesText(parsed.issues)), null);
      continue;
    }
    const response = parsed.output;
    const enrollment = enrollments.get(response.enrollmentId);
    if (!enrollment || enrollment.organisation_id !== input.device.organisation_id) {
      quarantine(index, raw, reject(response.id, 'unknown_enrollment', `enrollment ${response.enrollmentId} is not one of this organisation's`), null);
      continue;
    }
    const signature = checkResponseSignature(response, enrollment.secret);
    if (!signature.valid) {
      quarantine(index, raw, reject(response.id, 'bad_mac', "the response's MAC does not match its enrollment"), enrollment.id);
      continue;
    }
    // Mode and assistance go together; a note only comes with a mediator (docs/staff-api.md, Tablet PINs).
    if ((response.mode === 'assisted') !== Boolean(response.assistance)) {
      const message = response.mode === 'assisted' ? 'an assisted response must say how it was assisted (assistance)' : 'assistance is only for a response in mode assisted';
      quarantine(index, raw, reject(response.id, 'invalid_assistance', message), enrollment.id);
      continue;
    }
    if (response.mediatorNotes && response.mode !== 'assisted') {
      quarantine(index, raw, reject(response.id, 'invalid_assistance', 'mediator notes are only for a response in mode assisted'), enrollment.id);
      continue;
    }
    if (response.sealed && response.answers) {
      quarantine(index, raw, reject(response.id, 'ambiguous_answers', 'the response carries both sealed and plain answers'), enrollment.id);
      continue;
    }
    let answers = response.answers ?? undefined;
    let privateKey: Awaited<ReturnType<typeof organisationPrivateKey>>;
    if (response.sealed) {
      privateKey = await organisationPrivateKey(db, enrollment.organisation_id, response.sealed.key.keyId);
      if (!privateKey) {
        quarantine(index, raw, reject(response.id, 'unknown_key', `the response is sealed to key ${response.sealed.key.keyId}, which this organisation does not have`), enrollment.id);
        continue;
      }
      try {
        answers = openSealedAnswers(response.sealed, response.id, privateKey);
      } catch (error) {
        quarantine(index, raw, reject(response.id, 'bad_seal', `the sealed answers do not open: ${(error as Error).message}`), enrollment.id);
        continue;
      }
    }
    if (!answers) {
      quarantine(index, raw, reject(response.id, 'missing_answers', 'the response carries no answers'), enrollment.id);
      continue;
    }
    const survey = await surveyFor(response.surveyId, response.surveyVersion);
    if (!survey) {
      quarantine(index, raw, reject(response.id, 'unknown_survey_version', `survey ${response.surveyId} version ${response.surveyVersion} does not exist`), enrollment.id);
      continue;
    }
    // An inspectors' survey (the monitoring visit) is never in a bundle: a tablet sending one is hand-made.
    if (survey.audience === 'inspectors') {
      quarantine(index, raw, reject(response.id, 'inspectors_only', `survey ${response.surveyId} is for inspectors: it comes in on paper (docs/paper-api.md), never from a tablet`), enrollment.id);
      continue;
    }
    if (survey.requiresMediator && response.mode === 'self') {
      quarantine(index, raw, reject(response.id, 'mediator_required', `survey ${response.surveyId} is answered with a mediator only (mode assisted)`), enrollment.id);
      continue;
    }
    const problems = validateAnswers(survey, answers, response.status);
    if (problems.length) {
      quarantine(index, raw, reject(response.id, 'answers_invalid', problems.slice(0, 5).map((p) => `${p.questionId} ${p.message}`).join('; ')), enrollment.id);
      continue;
    }
    let notesText: string | null = null;
    if (response.mediatorNotes) {
      try {
        notesText = openMediatorNotes(response.mediatorNotes, { responseId: response.id, sealedKey: response.sealed?.key, privateKey });
      } catch (error) {
        quarantine(index, raw, reject(response.id, 'invalid_notes', `the mediator's note does not open: ${(error as Error).message}`), enrollment.id);
        continue;
      }
    }
    // The staff reference never goes into the response: only response_assistants maps it to a person.
    const { staffRef, ...assistance } = response.assistance ?? {};
    const deviceClock = response.meta?.deviceClock;
    const skew = deviceClock ? Math.abs(now.getTime() - Date.parse(deviceClock)) : 0;
    const deviceTime = response.completedAt ?? response.startedAt;
    const flagged = skew > CLOCK_TOLERANCE_MS || Date.parse(deviceTime) > now.getTime() + CLOCK_TOLERANCE_MS;
    const reportedAt = flagged ? receivedAt : deviceTime;
    const row: Database['responses'] = {
      id: response.id, organisation_id: enrollment.organisation_id, facility_id: enrollment.facility_id, enrollment_id: enrollment.id,
      survey_id: response.surveyId, survey_version: response.surveyVersion, language: response.language, status: response.status,
      source: response.source, mode: response.mode, started_at: response.startedAt, completed_at: response.completedAt ?? null,
      received_at: receivedAt, reported_at: reportedAt, clock_flagged: flagged ? 1 : 0, answers: JSON.stringify(answers),
      assistance: response.assistance ? JSON.stringify(assistance) : null, content_hash: signature.contentHash,
      meta: response.meta ? JSON.stringify(response.meta) : null,
      // Kept so the response's spoken comments, sealed with the same content key, can be opened later.
      sealed_key: response.sealed ? JSON.stringify(response.sealed.key) : null,
      // The server decides the wave (docs/waves.md); the tablet is not asked.
      wave_id: await waveOf({ facilityId: enrollment.facility_id, timeZone: enrollment.time_zone, surveyId: response.surveyId, surveyVersion: response.surveyVersion, reportedAt }),
    };
    const counted = { facilityId: row.facility_id, timeZone: enrollment.time_zone, reportedAt, status: row.status, mode: row.mode, language: row.language };
    const notes = notesText === null ? null : {
      // Opaque (128 random bits): staff see this, never the response id.
      id: randomBytes(16).toString('base64url'), response_id: row.id, organisation_id: row.organisation_id, facility_id: row.facility_id,
      survey_id: row.survey_id, period: reportQuarter(reportedAt, enrollment.time_zone), text: notesText,
    };
    candidates.push({
      index,
      accepted: {
        row, counted: { ...counted, survey, source: row.source, answers, assistance: response.assistance ? (assistance as ReportCellInput['assistance']) : null },
        staffRef: staffRef ?? null, notes,
      },
    });
  }

  // Counted before the transaction, which then holds its locks for the writes only; redone
  // in it for the fresh ones when some turn out to be duplicates.
  const reportCells = countReportCells(candidates.map((c) => c.accepted.counted));

  // One transaction for the batch. Two servers inserting the same new id at once make
  // one of them fail on the primary key: that batch gets a 5xx and the tablet resends
  // it, to be told "duplicate". Nothing is counted twice.
  await db.transaction().execute(async (tx) => {
    const known = await storedContentHashes(tx, candidates.map((c) => c.accepted.row.id));
    const fresh: Accepted[] = [];
    for (const { index, accepted } of candidates) {
      const existing = known.get(accepted.row.id);
      if (existing === undefined) {
        known.set(accepted.row.id, accepted.row.content_hash);
        fresh.push(accepted);
        results[index] = { id: accepted.row.id, status: 'accepted' };
      } else if (existing === accepted.row.content_hash) {
        results[index] = { id: accepted.row.id, status: 'duplicate' };
      } else {
        quarantine(index, input.items[index], reject(accepted.row.id, 'conflicting_duplicate', 'a different response with this id was already received'), accepted.row.enrollment_id);
      }
    }
    await writeResponses(tx, fresh, fresh.length === candidates.length ? reportCells : undefined);
    await writeAssistantsAndNotes(tx, input.device.organisation_id, fresh, receivedAt);
    for (let i = 0; i < quarantined.length; i += 200) await tx.insertInto('quarantine').values(quarantined.slice(i, i + 200)).execute();
    await tx.updateTable('enrollments').set({ last_seen_at: receivedAt }).where('id', '=', input.device.id).execute();
  });
  return results;
}
