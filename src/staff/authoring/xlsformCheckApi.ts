/**
 * The server's XLSForm check (docs/xlsform.md, "Files, HTTP and the command line"): the file goes as
 * it is, the server reads it off its main thread and answers the row-level report and the
 * survey it made; nothing is stored. A file it cannot read is an answer too (the screen
 * shows the reader's message), so 400/413/415 come back as `refused`.
 */
import * as v from 'valibot';
import { makeStaffFetch, type StaffFetchOptions } from '../web/api/staffFetch.ts';

const ProblemSchema = v.object({
  sheet: v.string(),
  row: v.optional(v.number()),
  column: v.optional(v.string()),
  name: v.optional(v.string()),
  severity: v.picklist(['error', 'skipped', 'warning']),
  message: v.string(),
});
export type XlsformCheckProblem = v.InferOutput<typeof ProblemSchema>;

const CheckSchema = v.object({
  fileName: v.string(),
  kind: v.picklist(['xlsx', 'xls']),
  survey: v.unknown(),
  publishable: v.boolean(),
  problems: v.array(ProblemSchema),
  summary: v.object({ questions: v.number(), groups: v.number(), languages: v.array(v.string()), skippedRows: v.number() }),
});
export type XlsformCheck = v.InferOutput<typeof CheckSchema>;

const Refusal = v.object({ error: v.object({ code: v.string(), message: v.string() }) });

export type XlsformCheckAnswer =
  | { ok: true; check: XlsformCheck }
  /** broken_file (the reader's message), unsupported_file (save as .xlsx), too_large. */
  | { ok: false; status: number; code: string; message: string };

export function makeXlsformCheckApi(options: StaffFetchOptions = {}) {
  const api = makeStaffFetch(options);
  return {
    async check(file: Blob, fileName: string, choice: { surveyId?: string; languages?: string[] } = {}): Promise<XlsformCheckAnswer> {
      const query = new URLSearchParams({ fileName });
      if (choice.surveyId) query.set('surveyId', choice.surveyId);
      if (choice.languages?.length) query.set('languages', choice.languages.join(','));
      const response = await api.change('POST', `/staff/xlsform/check?${query}`, {
        raw: file, headers: { 'Content-Type': 'application/octet-stream' }, allow: [400, 413, 415],
      });
      if (response.ok) return { ok: true, check: await api.read(CheckSchema, response, 'POST /staff/xlsform/check') };
      const refusal = await api.read(Refusal, response, 'POST /staff/xlsform/check');
      return { ok: false, status: response.status, code: refusal.error.code, message: refusal.error.message };
    },
  };
}

export type XlsformCheckApi = ReturnType<typeof makeXlsformCheckApi>;
