/**
 * Staff's call for monitoring visits (docs/monitoring-visit.md, GET /reports/visits): a
 * facility's visits with their critical issues, disagreements and counts per evidence source.
 * Same rules as makeStaffApi.ts: the session cookie, the server's own error, the answer
 * checked before the screen trusts it. A read only, so no CSRF token.
 */
import * as v from 'valibot';
import { EVIDENCE_SOURCES } from '../../../survey/schema.ts';
import { ApiErrorBody } from './wireSchemas.ts';
import { StaffApiError } from './makeStaffApi.ts';

const Text = v.record(v.string(), v.string());
const Rating = v.nullable(v.picklist(['effective', 'partial', 'critical', 'unreadable']));
/** The evidence sources in the order the report shows them. */
export const EVIDENCE = EVIDENCE_SOURCES;
const Ratings = v.object({ observation: v.optional(Rating), 'resident-interview': v.optional(Rating), 'managing-body-interview': v.optional(Rating) });
const Counts = v.object({ effective: v.number(), partial: v.number(), critical: v.number() });

const Finding = v.object({
  itemId: v.string(),
  text: Text,
  ratings: Ratings,
  criticalSources: v.array(v.picklist(EVIDENCE)),
  notes: v.nullable(v.string()),
});

const Visit = v.object({
  responseId: v.string(),
  serial: v.nullable(v.number()),
  serialText: v.nullable(v.string()),
  visitDay: v.string(),
  surveyVersion: v.number(),
  language: v.string(),
  centreType: v.nullable(v.object({ value: v.string(), label: Text })),
  areas: v.array(v.object({ id: v.string(), title: Text, critical: v.array(Finding), disagreements: v.array(Finding) })),
  counts: v.object({ observation: Counts, 'resident-interview': Counts, 'managing-body-interview': Counts }),
  itemsRated: v.number(),
});

const VisitReportSchema = v.object({
  facilityId: v.string(),
  surveyId: v.string(),
  survey: v.object({ id: v.string(), title: Text, defaultLanguage: v.string() }),
  visits: v.array(Visit),
});

export type VisitReport = v.InferOutput<typeof VisitReportSchema>;
export type VisitEntry = VisitReport['visits'][number];
export type VisitFinding = v.InferOutput<typeof Finding>;

export function makeVisitsApi(options: { base?: string; fetch?: typeof fetch } = {}) {
  const base = options.base ?? '/api/v1';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  return {
    /** GET /reports/visits: the facility's visits of the survey (monitoring-visit), newest first. */
    async report(params: { facilityId: string; surveyId?: string }): Promise<VisitReport> {
      const query = new URLSearchParams({ facility: params.facilityId, survey: params.surveyId ?? 'monitoring-visit' }).toString();
      let response: Response;
      try {
        response = await doFetch(`${base}/reports/visits?${query}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      } catch (error) {
        throw new StaffApiError(0, 'network', (error as Error).message || 'the server could not be reached');
      }
      const text = await response.text().catch(() => '');
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      if (!response.ok) {
        const failed = v.safeParse(ApiErrorBody, body);
        if (failed.success) throw new StaffApiError(response.status, failed.output.error.code, failed.output.error.message);
        throw new StaffApiError(response.status, `http_${response.status}`, text.slice(0, 300) || response.statusText);
      }
      const parsed = v.safeParse(VisitReportSchema, body);
      if (!parsed.success) throw new StaffApiError(response.status, 'unexpected_answer', `GET /reports/visits: ${parsed.issues[0]?.message ?? 'unexpected answer'}`);
      return parsed.output;
    },
  };
}

export type VisitsApi = ReturnType<typeof makeVisitsApi>;
