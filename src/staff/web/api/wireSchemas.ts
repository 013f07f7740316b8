/**
 * What the staff API answers, parsed at the boundary (STYLE.md 9). v.object drops fields it does
 * not know, so a field the server adds later does not break an older page. Each report schema is
 * typed against the shared wire types (src/survey/reportTypes.ts), so the two cannot drift apart.
 * Only valibot functions the kiosk already uses, plus v.object: valibot sits in a chunk the
 * respondent's first screen loads, and every function used anywhere is bundled there.
 */
import * as v from 'valibot';
import type { QuarterId } from '../../../survey/periods.ts';
import { ASSISTANT_ROLES, HELP_KINDS } from '../../../survey/responseEnvelope.ts';
import { TABLET_PIN_USES } from '../../../survey/staffPins.ts';
import { COMMENT_TAGS, type AssistanceReport as AssistanceReportWire, type BreakdownReport, type CommentList, type ComparisonReport, type FacilityReport, type MediatorNotesList, type QuestionFigures, type QuestionReport, type ReportPeriod, type ResponseCounts } from '../../../survey/reportTypes.ts';

export const STAFF_ROLES = ['admin', 'analyst', 'designer', 'manager', 'inspector', 'mediator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const Text = v.record(v.string(), v.string());
// The same pattern as isQuarterId (periods.ts); typed as the template literal it checks.
const Quarter = v.pipe(v.string(), v.regex(/^\d{4}-Q[1-4]$/, 'must be a quarter such as 2026-Q3')) as v.GenericSchema<unknown, QuarterId>;
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
const Share = v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1)));

export const ApiErrorBody = v.object({ error: v.object({ code: v.string(), message: v.string() }) });

export const StaffUserSchema = v.object({
  id: v.string(),
  email: v.string(),
  role: v.picklist(STAFF_ROLES),
  organisationId: v.string(),
  facilityIds: v.array(v.string()),
});
export type StaffUser = v.InferOutput<typeof StaffUserSchema>;
export const SignedIn = v.object({ staff: StaffUserSchema, csrfToken: v.pipe(v.string(), v.minLength(1)) });

/** `languages`: what the facility's tablets cache audio for (the facility routes send it; report answers do not). */
export const FacilitySchema = v.object({ id: v.string(), name: v.string(), timeZone: v.string(), languages: v.optional(v.array(v.string())) });
export type Facility = v.InferOutput<typeof FacilitySchema>;
export const FacilityList = v.object({ facilities: v.array(FacilitySchema) });

export const AccountSchema = v.object({
  id: v.string(),
  email: v.string(),
  role: v.picklist(STAFF_ROLES),
  facilityIds: v.array(v.string()),
  disabled: v.boolean(),
  locked: v.boolean(),
  /** Issue 7: the number typed on a tablet before the PIN (kept when the PIN is removed). Optional: a server before issue 7 sends neither. */
  tabletNumber: v.optional(v.nullable(Count), null),
  hasTabletPin: v.optional(v.boolean(), false),
});
export type Account = v.InferOutput<typeof AccountSchema>;
export const AccountList = v.object({ accounts: v.array(AccountSchema) });

export const DeviceSchema = v.object({
  id: v.string(),
  name: v.string(),
  facilityId: v.string(),
  facilityName: v.string(),
  createdAt: v.string(),
  lastSyncAt: v.nullable(v.string()),
  revokedAt: v.nullable(v.string()),
});
export type Device = v.InferOutput<typeof DeviceSchema>;
export const DeviceList = v.object({ devices: v.array(DeviceSchema) });

export const EnrollmentCode = v.object({ code: v.string(), expiresAt: v.string() });

export const SurveySummarySchema = v.object({
  id: v.string(),
  version: v.number(),
  title: Text,
  languages: v.array(v.string()),
  defaultLanguage: v.string(),
  /** Read loosely by surveyQuestions.ts: only ids, kinds, texts and groups are needed here. */
  definition: v.unknown(),
});
export type SurveySummary = v.InferOutput<typeof SurveySummarySchema>;
export const SurveyList = v.object({ surveys: v.array(SurveySummarySchema) });

export const SettingsSchema = v.object({
  minCellSize: Count,
  /** Days the sound of a spoken comment is kept (1 to 730); transcripts stay. */
  spokenRetentionDays: Count,
  targets: v.array(v.object({ surveyId: v.string(), questionId: v.string(), percent: v.number() })),
  /** Keyed paper sheets wait for a second, blind keying (docs/paper-api.md); optional so an older server's answer still parses. */
  paperDoubleEntry: v.optional(v.boolean(), false),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

/** GET/PUT /staff/me/tablet-pin (docs/staff-api.md, Tablet PINs): the caller's tablet number, when the PIN was set, what it unlocks. */
export const TabletPinSchema = v.object({
  number: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
  setAt: v.nullable(v.string()),
  uses: v.array(v.picklist(TABLET_PIN_USES)),
});
export type TabletPin = v.InferOutput<typeof TabletPinSchema>;

export const ResidentCounts = v.object({ counts: v.array(v.object({ period: v.string(), residents: Count })) });

// ------------------------------------------------------------------ reports

const Topic = v.optional(v.object({ id: v.string(), title: Text, pictogram: v.string() }));

const Figures: v.GenericSchema<unknown, QuestionFigures> = v.object({
  n: Count,
  hidden: v.boolean(),
  distribution: v.array(v.object({ value: v.string(), label: Text, pictogram: v.optional(v.string()), count: Count })),
  declined: Count,
  mean: v.optional(v.nullable(v.number())),
  median: v.optional(v.nullable(v.number())),
  satisfiedShare: v.optional(Share),
});

const Counts: v.GenericSchema<unknown, ResponseCounts> = v.object({ complete: Count, partial: Count, total: Count });

const QuarterPeriod = v.object({ kind: v.literal('quarter'), id: Quarter, from: v.string(), to: v.string() });
const Period: v.GenericSchema<unknown, ReportPeriod> = v.variant('kind', [QuarterPeriod, v.object({ kind: v.literal('range'), from: v.string(), to: v.string() })]);

const SurveyHead = v.object({ id: v.string(), version: v.number(), title: Text, languages: v.array(v.string()), defaultLanguage: v.string() });
const Participation = v.object({ residents: v.nullable(Count), rate: v.nullable(v.number()) });

const Question: v.GenericSchema<unknown, QuestionReport> = v.object({
  questionId: v.string(),
  kind: v.string(),
  text: Text,
  topic: Topic,
  target: v.optional(v.object({ percent: v.number(), met: v.nullable(v.boolean()) })),
  figures: Figures,
});

export const FacilityReportSchema: v.GenericSchema<unknown, FacilityReport> = v.object({
  survey: SurveyHead,
  facility: FacilitySchema,
  period: Period,
  minCellSize: Count,
  responses: Counts,
  participation: Participation,
  questions: v.nullable(v.array(Question)),
  trend: v.array(v.object({ period: Quarter, responses: Counts, indicators: v.record(v.string(), Share) })),
});

const ComparisonCells = v.record(v.string(), v.object({ n: Count, hidden: v.boolean(), satisfiedShare: Share, met: v.nullable(v.boolean()) }));

export const ComparisonReportSchema: v.GenericSchema<unknown, ComparisonReport> = v.object({
  survey: SurveyHead,
  period: QuarterPeriod,
  minCellSize: Count,
  indicators: v.array(v.object({ questionId: v.string(), text: Text, topic: Topic, targetPercent: v.number() })),
  rows: v.array(v.object({
    facility: v.object({ id: v.string(), name: v.string() }),
    responses: Counts,
    participation: Participation,
    cells: ComparisonCells,
  })),
  total: ComparisonCells,
});

export const BreakdownReportSchema: v.GenericSchema<unknown, BreakdownReport> = v.object({
  survey: SurveyHead,
  period: QuarterPeriod,
  facilityId: v.nullable(v.string()),
  dimension: v.object({ id: v.string(), label: Text }),
  minCellSize: Count,
  questions: v.array(v.object({
    questionId: v.string(),
    kind: v.string(),
    text: Text,
    topic: Topic,
    overall: Figures,
    groups: v.array(v.object({ value: v.string(), label: Text, figures: Figures })),
  })),
});

export const CommentListSchema: v.GenericSchema<unknown, CommentList> = v.object({
  facility: v.object({ id: v.string(), name: v.string() }),
  period: QuarterPeriod,
  comments: v.array(v.object({
    id: v.string(),
    questionId: v.string(),
    questionText: Text,
    topic: Topic,
    language: v.string(),
    text: v.string(),
    tag: v.nullable(v.picklist(COMMENT_TAGS)),
  })),
});

const HiddenCount = v.nullable(Count);

/** GET /reports/assistance (docs/staff-api.md, "Mediator mode reports"): null counts are hidden small cells. */
export const AssistanceReportSchema: v.GenericSchema<unknown, AssistanceReportWire> = v.object({
  surveyId: v.string(),
  facilityId: v.string(),
  period: Quarter,
  minCellSize: Count,
  modes: v.object({ self: HiddenCount, assisted: HiddenCount }),
  kinds: v.array(v.object({ kind: v.picklist(HELP_KINDS), responses: HiddenCount })),
  roles: v.array(v.object({ role: v.picklist([...ASSISTANT_ROLES, 'mediator']), responses: HiddenCount })),
  questionsHelped: v.array(v.object({ questionId: v.string(), text: Text, responses: HiddenCount })),
  withdrawals: Count,
});
export type AssistanceReport = AssistanceReportWire;

/** GET /reports/mediator-notes: plain text, apart from residents' comments; `hidden` for a quarter too small to show. */
export const MediatorNoteListSchema: v.GenericSchema<unknown, MediatorNotesList> = v.object({
  notes: v.array(v.object({ id: v.string(), text: v.string() })),
  hidden: v.boolean(),
});
export type MediatorNoteList = MediatorNotesList;
