/**
 * What the report API returns (docs/staff-api.md): the wire types shared by the server's
 * report queries and the staff screens. Plain data; labels come with it so a screen or an
 * export needs no survey definition of its own.
 */
import type { LocalizedText } from './schema.ts';
import type { QuarterId } from './periods.ts';
import type { AssistantRole, HelpKind } from './responseEnvelope.ts';

/** Dimensions a breakdown may use: the response's language, mode or source, or a demographic question's id. */
export type BreakdownDimension = 'language' | 'mode' | 'source' | (string & {});

/** One value of a question and how many gave it. */
export interface DistributionEntry {
  value: string;
  label: LocalizedText;
  /** The pictogram residents saw for this value (faces, expectation, choices). */
  pictogram?: string;
  count: number;
}

/** One question's figures in one group of responses (a facility's quarter, or one breakdown group). */
export interface QuestionFigures {
  /**
   * Responses that answered the question (prefer-not-to-answer included; for `multi`, the
   * respondents, not the choices). 0 for a hidden breakdown group: a small group's size is
   * withheld too.
   */
  n: number;
  /** True when n is below the organisation's threshold, or hidden to protect another hidden cell: no figures then. */
  hidden: boolean;
  /**
   * Counts per value, in the scale's order (ratings lowest first; yes before no); for `multi`,
   * ranked by count. Values only older versions had come last, labelled by their value.
   * Declined answers are not in it (see `declined`). Empty when hidden, and for free text
   * and spoken answers, which are counted, never shown by value.
   */
  distribution: DistributionEntry[];
  /** How many declined ("prefer not to answer"), not part of the shares. */
  declined: number;
  /** Ratings only. */
  mean?: number | null;
  median?: number | null;
  /** Indicators only (yesno, expectation, faces, compliance): share of satisfied answers, 0..1, over n − declined. */
  satisfiedShare?: number | null;
}

export interface QuestionReport {
  questionId: string;
  kind: string;
  text: LocalizedText;
  /** The group (topic) the question belongs to, outermost. */
  topic?: { id: string; title: LocalizedText; pictogram: string };
  /** Set for indicators: the target in percent and whether the share meets it (null when hidden). */
  target?: { percent: number; met: boolean | null };
  figures: QuestionFigures;
}

export interface ResponseCounts {
  complete: number;
  partial: number;
  total: number;
}

export type ReportPeriod =
  | { kind: 'quarter'; id: QuarterId; from: string; to: string }
  | { kind: 'range'; from: string; to: string };

export interface TrendPoint {
  period: QuarterId;
  responses: ResponseCounts;
  /** Satisfied share per indicator question id; null when hidden or no answers. */
  indicators: Record<string, number | null>;
}

/** GET /api/v1/reports/facility */
export interface FacilityReport {
  survey: { id: string; version: number; title: LocalizedText; languages: string[]; defaultLanguage: string };
  facility: { id: string; name: string; timeZone: string };
  period: ReportPeriod;
  minCellSize: number;
  responses: ResponseCounts;
  /** Complete responses over the resident count staff entered for the quarter. */
  participation: { residents: number | null; rate: number | null };
  /** Null for a custom date range: ranges show totals only. */
  questions: QuestionReport[] | null;
  /** The quarters up to this one (at most 8), oldest first; empty for a range. */
  trend: TrendPoint[];
}

/** GET /api/v1/reports/comparison: facilities side by side for one quarter. */
export interface ComparisonReport {
  survey: FacilityReport['survey'];
  period: Extract<ReportPeriod, { kind: 'quarter' }>;
  minCellSize: number;
  /** The indicators compared (columns). */
  indicators: Array<{ questionId: string; text: LocalizedText; topic?: QuestionReport['topic']; targetPercent: number }>;
  rows: Array<{
    facility: { id: string; name: string };
    responses: ResponseCounts;
    participation: { residents: number | null; rate: number | null };
    /** Per indicator question id. */
    cells: Record<string, { n: number; hidden: boolean; satisfiedShare: number | null; met: boolean | null }>;
  }>;
  /** Every facility together. */
  total: ComparisonReport['rows'][number]['cells'];
}

/** GET /api/v1/reports/breakdown: one question's figures per group of a dimension. */
export interface BreakdownReport {
  survey: FacilityReport['survey'];
  period: Extract<ReportPeriod, { kind: 'quarter' }>;
  /** Null: every facility the caller may see. */
  facilityId: string | null;
  dimension: { id: BreakdownDimension; label: LocalizedText };
  minCellSize: number;
  questions: Array<{
    questionId: string;
    kind: string;
    text: LocalizedText;
    topic?: QuestionReport['topic'];
    overall: QuestionFigures;
    /** '_none': the respondent did not say (or declined). */
    groups: Array<{ value: string; label: LocalizedText; figures: QuestionFigures }>;
  }>;
}

export const COMMENT_TAGS = ['technical-failure', 'remark', 'tip', 'other'] as const;
export type CommentTag = (typeof COMMENT_TAGS)[number];

/** GET /api/v1/reports/comments */
export interface CommentList {
  facility: { id: string; name: string };
  period: Extract<ReportPeriod, { kind: 'quarter' }>;
  comments: Array<{
    /** Opaque: no response id, no time of day. */
    id: string;
    questionId: string;
    questionText: LocalizedText;
    topic?: QuestionReport['topic'];
    language: string;
    text: string;
    tag: CommentTag | null;
  }>;
}

/**
 * GET /api/v1/reports/assistance: how a facility's quarter was answered, alone or with a
 * mediator, and what help was given. Every count below the organisation's threshold is
 * null (hidden), and so is whatever would give a hidden one away by subtraction.
 */
export interface AssistanceReport {
  surveyId: string;
  facilityId: string;
  period: string;
  minCellSize: number;
  /** Responses per mode; null when below minCellSize (hidden). */
  modes: { self: number | null; assisted: number | null };
  /** Assisted responses with each kind of help (null: hidden). */
  kinds: Array<{ kind: HelpKind; responses: number | null }>;
  roles: Array<{ role: AssistantRole | 'mediator'; responses: number | null }>;
  /** Questions helped, most helped first (null: hidden). */
  questionsHelped: Array<{ questionId: string; text: LocalizedText; responses: number | null }>;
  /** Respondents who withdrew this quarter (a plain count: no answers exist to protect). */
  withdrawals: number;
}

/**
 * GET /api/v1/reports/mediator-notes: mediators' observations of a facility's quarter,
 * apart from the respondents' answers, sorted by their opaque id (never by time). Hidden
 * (no notes, `hidden: true`) when the quarter has fewer responses than the threshold.
 */
export interface MediatorNotesList {
  notes: Array<{ id: string; text: string }>;
  hidden: boolean;
}
