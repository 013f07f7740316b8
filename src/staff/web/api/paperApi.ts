/**
 * Transcription's calls (docs/paper-api.md): the workspace the offline keying keeps,
 * keyed entries, open mismatches and their resolution, and the organisation's double-entry
 * setting. Same rules as makeStaffApi.ts: the session cookie, answers parsed at the boundary,
 * the server's own error, the CSRF token on state changes (taken from GET /auth/me, which
 * gives it again: makeStaffApi keeps its copy to itself), and a 401 reported once.
 */
import * as v from 'valibot';
import type { Answers } from '../../../survey/answers.ts';
import type { PaperEntry, PaperEntryResult } from '../../../survey/paper/paperEntry.ts';
import { parseSurvey } from '../../../survey/parseSurvey.ts';
import type { SurveyDefinition } from '../../../survey/schema.ts';
import { StaffApiError } from './makeStaffApi.ts';
import { makeStaffFetch, type StaffFetchOptions } from './staffFetch.ts';

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const AnswerValue = v.union([v.boolean(), v.number(), v.string(), v.array(v.string())]);
const AnswersSchema = v.record(v.string(), AnswerValue);

const BatchSchema = v.object({
  id: v.string(),
  facilityId: v.string(),
  surveyId: v.string(),
  surveyVersion: Count,
  language: v.string(),
  firstSerial: Count,
  count: Count,
  createdAt: v.string(),
});
export type PaperBatch = v.InferOutput<typeof BatchSchema>;

const WorkspaceWire = v.object({
  doubleEntry: v.boolean(),
  staffId: v.string(),
  facilities: v.array(v.object({ id: v.string(), name: v.string(), timeZone: v.string() })),
  surveys: v.array(v.unknown()),
  batches: v.array(BatchSchema),
});

/** What the offline transcription keeps: the caller's facilities, the survey versions the batches name, the batches. */
export interface PaperWorkspace {
  doubleEntry: boolean;
  staffId: string;
  facilities: Array<{ id: string; name: string; timeZone: string }>;
  surveys: SurveyDefinition[];
  batches: PaperBatch[];
}

const ResultSchema = v.object({
  entryId: v.nullable(v.string()),
  status: v.picklist(['accepted', 'duplicate', 'awaiting-second-entry', 'mismatch', 'rejected']),
  responseId: v.optional(v.string()),
  mismatchId: v.optional(v.string()),
  error: v.optional(v.object({ code: v.string(), message: v.string() })),
});
const EntriesAnswer = v.object({ results: v.array(ResultSchema) });

const Keying = v.object({ language: v.string(), filledOn: v.string(), answers: AnswersSchema, unreadable: v.array(v.string()) });
export type PaperKeying = { language: string; filledOn: string; answers: Answers; unreadable: string[] };

const MismatchSchema = v.object({
  id: v.string(),
  facilityId: v.string(),
  surveyId: v.string(),
  surveyVersion: Count,
  serial: Count,
  serialText: v.string(),
  first: Keying,
  second: Keying,
  differences: v.array(v.string()),
  createdAt: v.string(),
});
export type PaperMismatch = v.InferOutput<typeof MismatchSchema>;
const MismatchList = v.object({ mismatches: v.array(MismatchSchema) });
const Resolved = v.object({ responseId: v.string(), status: v.string() });
const PaperSettings = v.object({ paperDoubleEntry: v.boolean() });

/** The results the screens know, typed as the wire type says. */
function asResult(raw: v.InferOutput<typeof ResultSchema>): PaperEntryResult {
  if (raw.status === 'rejected') return { entryId: raw.entryId, status: 'rejected', error: raw.error ?? { code: 'rejected', message: '' } };
  if (raw.status === 'mismatch') return { entryId: raw.entryId, status: 'mismatch', responseId: raw.responseId ?? '', mismatchId: raw.mismatchId ?? '' };
  return { entryId: raw.entryId, status: raw.status, responseId: raw.responseId ?? '' };
}

export function makePaperApi(options: StaffFetchOptions = {}) {
  const api = makeStaffFetch(options);
  const send = (method: string, path: string) => api.send(method, path);
  const read = api.read;
  const change = (method: string, path: string, body: unknown) => api.change(method, path, { body });

  return {
    /** GET /paper/workspace, every survey definition checked with the shared parser. */
    workspace: async (): Promise<PaperWorkspace> => {
      const wire = await read(WorkspaceWire, await send('GET', '/paper/workspace'), 'GET /paper/workspace');
      const surveys: SurveyDefinition[] = [];
      for (const definition of wire.surveys) {
        const parsed = parseSurvey(definition);
        if (!parsed.ok) throw new StaffApiError(200, 'unexpected_answer', `GET /paper/workspace: a survey definition is refused: ${parsed.problems[0]?.path ?? ''} ${parsed.problems[0]?.message ?? ''}`);
        surveys.push(parsed.survey);
      }
      return { ...wire, surveys };
    },
    /** POST /paper/entries: one result per entry, in order. */
    sendEntries: async (entries: PaperEntry[]): Promise<PaperEntryResult[]> =>
      (await read(EntriesAnswer, await change('POST', '/paper/entries', { entries }), 'POST /paper/entries')).results.map(asResult),
    mismatches: async (facilityId?: string): Promise<PaperMismatch[]> =>
      (await read(MismatchList, await send('GET', `/paper/mismatches${facilityId ? `?facility=${encodeURIComponent(facilityId)}` : ''}`), 'GET /paper/mismatches')).mismatches,
    resolveMismatch: async (id: string, keying: PaperKeying): Promise<{ responseId: string }> =>
      read(Resolved, await change('POST', `/paper/mismatches/${encodeURIComponent(id)}/resolve`, keying), 'POST /paper/mismatches/:id/resolve'),
    doubleEntry: async (): Promise<boolean> => (await read(PaperSettings, await send('GET', '/staff/settings'), 'GET /staff/settings')).paperDoubleEntry,
    setDoubleEntry: async (paperDoubleEntry: boolean): Promise<void> => {
      await change('PATCH', '/staff/settings', { paperDoubleEntry });
    },
  };
}

export type PaperApi = ReturnType<typeof makePaperApi>;
