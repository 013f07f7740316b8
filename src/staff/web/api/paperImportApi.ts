/**
 * The import screen's calls (docs/paper-import.md): the paper workspace (facilities and
 * survey versions to choose from), a dry run or an import of a file, and the address of a
 * survey version's template (session, errors and the CSRF token: staffFetch.ts).
 */
import * as v from 'valibot';
import { StaffApiError } from './makeStaffApi.ts';
import { makeStaffFetch, type StaffFetchOptions } from './staffFetch.ts';

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

/** A dry run or an import: the report, and whether problems stopped an import (422). */
export interface ImportAnswer {
  report: ImportReport;
  blocked: boolean;
}

export function makePaperImportApi(options: StaffFetchOptions = {}) {
  const api = makeStaffFetch(options);

  async function upload(facilityId: string, file: Blob, fileName: string, mode: { dryRun: boolean; onlyClean: boolean }): Promise<ImportAnswer> {
    const query = new URLSearchParams({ facility: facilityId, dryRun: mode.dryRun ? '1' : '0', onlyClean: mode.onlyClean ? '1' : '0' });
    const response = await api.change('POST', `/paper/imports?${query}`, {
      raw: file,
      // Header values are Latin-1: the name goes URI-encoded (the server decodes it).
      headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent(fileName) },
      allow: [422],
    });
    if (response.ok) return { report: await api.read(ReportSchema, response, 'POST /paper/imports'), blocked: false };
    const refusal = v.safeParse(Refusal, await response.clone().json().catch(() => undefined));
    if (refusal.success) return { report: refusal.output.report, blocked: true };
    throw new StaffApiError(response.status, 'unexpected_answer', 'POST /paper/imports: a refusal without its report');
  }

  return {
    /** GET /paper/workspace: the caller's facilities and the survey versions they print. */
    workspace: () => api.get(Workspace, '/paper/workspace'),
    /** POST /paper/imports: a dry run (nothing written) or the import. */
    upload,
    /** GET /paper/imports/template.csv: the header row of a file for this survey version (downloaded by the browser). */
    templateUrl: (surveyId: string, version: number) => `${api.base}/paper/imports/template.csv?${new URLSearchParams({ survey: surveyId, version: String(version) })}`,
  };
}

export type PaperImportApi = ReturnType<typeof makePaperImportApi>;
