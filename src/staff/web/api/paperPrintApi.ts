/**
 * The print screen's calls (docs/paper-api.md, Routes): the paper workspace (facilities and batches),
 * a survey's published versions and one version's definition, and reserving a batch of
 * serials. Same rules as makeStaffApi.ts: the session cookie, the server's own error, and
 * the CSRF token on the state change (taken from GET /auth/me, as spokenCommentsApi.ts does).
 */
import * as v from 'valibot';
import { parseSurvey } from '../../../survey/parseSurvey.ts';
import type { SurveyDefinition } from '../../../survey/schema.ts';
import { StaffApiError } from './makeStaffApi.ts';
import { makeStaffFetch, type StaffFetchOptions } from './staffFetch.ts';

const BatchSchema = v.object({
  id: v.string(),
  facilityId: v.string(),
  surveyId: v.string(),
  surveyVersion: v.number(),
  language: v.string(),
  firstSerial: v.number(),
  count: v.number(),
  createdAt: v.string(),
});
export type PaperBatch = v.InferOutput<typeof BatchSchema>;

const Workspace = v.object({
  facilities: v.array(v.object({ id: v.string(), name: v.string(), timeZone: v.string() })),
  // Definitions are checked one by one below, so one odd version does not hide the rest.
  surveys: v.array(v.unknown()),
  batches: v.array(BatchSchema),
});
export interface PaperPrintWorkspace {
  facilities: Array<{ id: string; name: string; timeZone: string }>;
  surveys: SurveyDefinition[];
  batches: PaperBatch[];
}

const VersionList = v.object({ versions: v.array(v.object({ version: v.number(), title: v.record(v.string(), v.string()) })) });
export type PublishedVersion = v.InferOutput<typeof VersionList>['versions'][number];
const DefinitionAnswer = v.object({ definition: v.unknown() });
const BatchAnswer = v.object({ batch: BatchSchema });

export interface NewBatch {
  facilityId: string;
  surveyId: string;
  surveyVersion: number;
  language: string;
  count: number;
}

export function makePaperPrintApi(options: StaffFetchOptions = {}) {
  const api = makeStaffFetch(options);
  const { send, read } = api;

  const definitionOf = (raw: unknown, what: string): SurveyDefinition => {
    const parsed = parseSurvey(raw);
    if (!parsed.ok) throw new StaffApiError(200, 'unexpected_answer', `${what}: ${parsed.problems[0]?.path ?? ''} ${parsed.problems[0]?.message ?? 'invalid definition'}`);
    return parsed.survey;
  };

  const surveyPath = (surveyId: string) => `/paper/surveys/${encodeURIComponent(surveyId)}/versions`;

  return {
    /** GET /paper/workspace: the caller's facilities, the surveys (current versions and those batches name), the batches. */
    workspace: async (): Promise<PaperPrintWorkspace> => {
      const answer = await read(Workspace, await send('GET', '/paper/workspace'), 'GET /paper/workspace');
      const surveys = answer.surveys.flatMap((raw) => {
        const parsed = parseSurvey(raw);
        return parsed.ok ? [parsed.survey] : [];
      });
      return { facilities: answer.facilities, surveys, batches: answer.batches };
    },
    /** GET /paper/surveys/:id/versions: every published version, oldest first. */
    versions: async (surveyId: string): Promise<PublishedVersion[]> =>
      (await read(VersionList, await send('GET', surveyPath(surveyId)), `GET ${surveyPath(surveyId)}`)).versions,
    /** GET /paper/surveys/:id/versions/:version. */
    definition: async (surveyId: string, version: number): Promise<SurveyDefinition> => {
      const path = `${surveyPath(surveyId)}/${version}`;
      return definitionOf((await read(DefinitionAnswer, await send('GET', path), `GET ${path}`)).definition, `GET ${path}`);
    },
    /** POST /paper/batches: reserves `count` serials at once (201 {batch}). */
    createBatch: async (batch: NewBatch): Promise<PaperBatch> =>
      (await read(BatchAnswer, await api.change('POST', '/paper/batches', { body: batch }), 'POST /paper/batches')).batch,
  };
}

export type PaperPrintApi = ReturnType<typeof makePaperPrintApi>;
