/**
 * The visit report (GET /reports/visits, docs/monitoring-visit.md): a facility's monitoring
 * visits, newest first, each with its critical issues and the items where the evidence sources
 * disagree, by area. Inspectors' assessments only: no resident answers, no staff names.
 */
import type { EvidenceSource, LocalizedText } from '../../../survey/schema.ts';

export type ComplianceRating = 'effective' | 'partial' | 'critical';
/** What a source said of an item: a rating, "unreadable" on a paper sheet, or null (not rated, or not asked). */
export type SourceRating = ComplianceRating | 'unreadable' | null;

export interface VisitItemFinding {
  /** The item's group id, e.g. "food.meals". */
  itemId: string;
  text: LocalizedText;
  /** Per evidence source the item asks: sources it does not ask are absent. */
  ratings: Partial<Record<EvidenceSource, SourceRating>>;
  /** The sources that rated it critical (critical issues only; empty for a disagreement). */
  criticalSources: EvidenceSource[];
  /** The inspector's notes, as written: plain text, never markup. */
  notes: string | null;
}

export interface VisitArea {
  /** The area's group id, e.g. "food". */
  id: string;
  title: LocalizedText;
  critical: VisitItemFinding[];
  /** Items rated by two or more sources that do not all agree. */
  disagreements: VisitItemFinding[];
}

export type RatingCounts = Record<ComplianceRating, number>;

export interface VisitSummary {
  responseId: string;
  /** The paper sheet's serial, when the visit came on paper. */
  serial: number | null;
  /** The serial as printed ("000123-4"). */
  serialText: string | null;
  /** The visit day (YYYY-MM-DD, the facility's calendar). */
  visitDay: string;
  surveyVersion: number;
  language: string;
  centreType: { value: string; label: LocalizedText } | null;
  /** Only areas with a critical issue or a disagreement, in the survey's order. */
  areas: VisitArea[];
  /** Ratings given, per evidence source. */
  counts: Record<EvidenceSource, RatingCounts>;
  /** Items with at least one rating. */
  itemsRated: number;
}

export interface VisitReport {
  facilityId: string;
  surveyId: string;
  from: string | null;
  to: string | null;
  /** Survey title and languages, for the screen's headings. */
  survey: { id: string; title: LocalizedText; defaultLanguage: string };
  visits: VisitSummary[];
}
