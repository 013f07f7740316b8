/**
 * Staff's call for monitoring visits (docs/monitoring-visit.md, GET /reports/visits): a
 * facility's visits with their critical issues, disagreements and counts per evidence source.
 * A read only (staffFetch.ts).
 */
import * as v from 'valibot';
import { EVIDENCE_SOURCES } from '../../../survey/schema.ts';
import { makeStaffFetch, type StaffFetchOptions } from './staffFetch.ts';

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

export function makeVisitsApi(options: StaffFetchOptions = {}) {
  const api = makeStaffFetch(options);
  return {
    /** GET /reports/visits: the facility's visits of the survey (monitoring-visit), newest first. */
    report: (params: { facilityId: string; surveyId?: string }): Promise<VisitReport> =>
      api.get(VisitReportSchema, `/reports/visits?${new URLSearchParams({ facility: params.facilityId, survey: params.surveyId ?? 'monitoring-visit' })}`),
  };
}

export type VisitsApi = ReturnType<typeof makeVisitsApi>;
