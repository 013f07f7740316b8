/**
 * The import screen's calls (docs/paper-import.md): the paper workspace (facilities and
 * survey versions to choose from), a dry run or an import of a file, and the address of a
 * survey version's template. Same rules as makeStaffApi.ts: the session cookie, the
 * server's own error, and the CSRF token on the upload (from GET /auth/me, as
 * spokenCommentsApi.ts does).
 */
import * as v from 'valibot';
import { StaffApiError } from './makeStaffApi.ts';
import { ApiErrorBody } from './wireSchemas.ts';

const ReportSchema = v.object({
  fileName: v.string(),
  surveyId: v.nullable(v.string()),
  surveyVersion: v.nullable(v.number()),
  rows: v.number(),
  columns: v.array(v.string()),
  cleanRows: v.number(),
  duplicateRows: v.number(),
  problems: v.array(v.object({ row: v.number(), column: v.string(), message: v.string() })),
  problemCount: v.number(),
  problemRows: v.number(),
  fileProblems: v.array(v.string()),
  imported: v.optional(v.number()),
  importId: v.optional(v.string()),
});
export type ImportReport = v.InferOutput<typeof ReportSchema>;

const Refusal = v.object({ error: v.object({ code: v.literal('import_has_problems'), message: v.string() }), report: ReportSchema });

const Workspace = v.object({
  facilities: v.array(v.object({ id: v.string(), name: v.string() })),
  // Only what the template choice needs; the definitions themselves are the server's.
  surveys: v.array(v.object({ id: v.string(), version: v.number(), title: v.record(v.string(), v.string()), defaultLanguage: v.string() })),
});
export type ImportWorkspace = v.InferOutput<typeof Workspace>;
const CsrfAnswer = v.object({ csrfToken: v.string() });

/** A dry run or an import: the report, and whether problems stopped an import (422). */
export interface ImportAnswer {
  report: ImportReport;
  blocked: boolean;
}

export function makePaperImportApi(options: { base?: string; fetch?: typeof fetch } = {}) {
  const base = options.base ?? '/api/v1';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let csrfToken: string | undefined;

  async function failure(response: Response): Promise<StaffApiError> {
    const text = await response.text().catch(() => '');
    try {
      const parsed = v.safeParse(ApiErrorBody, JSON.parse(text));
      if (parsed.success) return new StaffApiError(response.status, parsed.output.error.code, parsed.output.error.message);
    } catch {
      // not JSON: said below
    }
    return new StaffApiError(response.status, `http_${response.status}`, text.slice(0, 300) || response.statusText);
  }

  async function send(path: string, init: RequestInit): Promise<Response> {
    try {
      return await doFetch(`${base}${path}`, { credentials: 'same-origin', ...init });
    } catch (error) {
      throw new StaffApiError(0, 'network', (error as Error).message || 'the server could not be reached');
    }
  }

  async function read<S extends v.GenericSchema>(schema: S, body: unknown, status: number, what: string): Promise<v.InferOutput<S>> {
    const parsed = v.safeParse(schema, body);
    if (!parsed.success) throw new StaffApiError(status, 'unexpected_answer', `${what}: ${parsed.issues[0]?.message ?? 'unexpected answer'}`);
    return parsed.output;
  }

  async function getJson<S extends v.GenericSchema>(schema: S, path: string): Promise<v.InferOutput<S>> {
    const response = await send(path, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw await failure(response);
    return read(schema, await response.json().catch(() => undefined), response.status, `GET ${path}`);
  }

  const csrf = async () => (csrfToken ??= (await getJson(CsrfAnswer, '/auth/me')).csrfToken);

  async function upload(facilityId: string, file: Blob, fileName: string, mode: { dryRun: boolean; onlyClean: boolean }, retried = false): Promise<ImportAnswer> {
    const query = new URLSearchParams({ facility: facilityId, dryRun: mode.dryRun ? '1' : '0', onlyClean: mode.onlyClean ? '1' : '0' });
    const response = await send(`/paper/imports?${query}`, {
      method: 'POST',
      // Header values are Latin-1: the name goes URI-encoded (the server decodes it).
      headers: { Accept: 'application/json', 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(fileName), 'X-CSRF-Token': await csrf() },
      body: file,
    });
    if (response.ok) return { report: await read(ReportSchema, await response.json().catch(() => undefined), response.status, 'POST /paper/imports'), blocked: false };
    if (response.status === 422) {
      const body: unknown = await response.clone().json().catch(() => undefined);
      const refusal = v.safeParse(Refusal, body);
      if (refusal.success) return { report: refusal.output.report, blocked: true };
    }
    const error = await failure(response);
    // A new sign-in gave a new token: ask once more with it.
    if (error.code === 'csrf_failed' && !retried) {
      csrfToken = undefined;
      return upload(facilityId, file, fileName, mode, true);
    }
    throw error;
  }

  return {
    /** GET /paper/workspace: the caller's facilities and the survey versions they print. */
    workspace: () => getJson(Workspace, '/paper/workspace'),
    /** POST /paper/imports: a dry run (nothing written) or the import. */
    upload: (facilityId: string, file: Blob, fileName: string, mode: { dryRun: boolean; onlyClean: boolean }) => upload(facilityId, file, fileName, mode),
    /** GET /paper/imports/template.csv: the header row of a file for this survey version (downloaded by the browser). */
    templateUrl: (surveyId: string, version: number) => `${base}/paper/imports/template.csv?${new URLSearchParams({ survey: surveyId, version: String(version) })}`,
  };
}

export type PaperImportApi = ReturnType<typeof makePaperImportApi>;
