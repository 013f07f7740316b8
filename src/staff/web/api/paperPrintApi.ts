/**
 * The print screen's calls (API8.md, Routes): the paper workspace (facilities and batches),
 * a survey's published versions and one version's definition, and reserving a batch of
 * serials. Same rules as makeStaffApi.ts: the session cookie, the server's own error, and
 * the CSRF token on the state change (taken from GET /auth/me, as spokenCommentsApi.ts does).
 */
import * as v from 'valibot';
import { parseSurvey } from '../../../survey/parseSurvey.ts';
import type { SurveyDefinition } from '../../../survey/schema.ts';
import { StaffApiError } from './makeStaffApi.ts';
import { ApiErrorBody } from './wireSchemas.ts';

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
const CsrfAnswer = v.object({ csrfToken: v.string() });

export interface NewBatch {
  facilityId: string;
  surveyId: string;
  surveyVersion: number;
  language: string;
  count: number;
}

export function makePaperPrintApi(options: { base?: string; fetch?: typeof fetch } = {}) {
  const base = options.base ?? '/api/v1';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let csrfToken: string | undefined;

  async function send(method: string, path: string, init: { body?: unknown; csrf?: string } = {}): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (init.csrf) headers['X-CSRF-Token'] = init.csrf;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { method, headers, credentials: 'same-origin', ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
    } catch (error) {
      throw new StaffApiError(0, 'network', (error as Error).message || 'the server could not be reached');
    }
    if (response.ok) return response;
    const text = await response.text().catch(() => '');
    try {
      const parsed = v.safeParse(ApiErrorBody, JSON.parse(text));
      if (parsed.success) throw new StaffApiError(response.status, parsed.output.error.code, parsed.output.error.message);
    } catch (error) {
      if (error instanceof StaffApiError) throw error;
    }
    throw new StaffApiError(response.status, `http_${response.status}`, text.slice(0, 300) || response.statusText);
  }

  async function read<S extends v.GenericSchema>(schema: S, response: Response, what: string): Promise<v.InferOutput<S>> {
    const parsed = v.safeParse(schema, await response.json().catch(() => undefined));
    if (!parsed.success) throw new StaffApiError(response.status, 'unexpected_answer', `${what}: ${parsed.issues[0]?.message ?? 'unexpected answer'}`);
    return parsed.output;
  }

  const definitionOf = (raw: unknown, what: string): SurveyDefinition => {
    const parsed = parseSurvey(raw);
    if (!parsed.ok) throw new StaffApiError(200, 'unexpected_answer', `${what}: ${parsed.problems[0]?.path ?? ''} ${parsed.problems[0]?.message ?? 'invalid definition'}`);
    return parsed.survey;
  };

  const csrf = async () => (csrfToken ??= (await read(CsrfAnswer, await send('GET', '/auth/me'), 'GET /auth/me')).csrfToken);
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
    createBatch: async (batch: NewBatch): Promise<PaperBatch> => {
      let response: Response;
      try {
        response = await send('POST', '/paper/batches', { body: batch, csrf: await csrf() });
      } catch (error) {
        // A new sign-in gave a new token: ask once more with it.
        if (!(error instanceof StaffApiError && error.code === 'csrf_failed')) throw error;
        csrfToken = undefined;
        response = await send('POST', '/paper/batches', { body: batch, csrf: await csrf() });
      }
      return (await read(BatchAnswer, response, 'POST /paper/batches')).batch;
    },
  };
}

export type PaperPrintApi = ReturnType<typeof makePaperPrintApi>;
