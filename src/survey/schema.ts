/**
 * The survey definition schema: one valibot schema shared by tablet, server and tools.
 * Text is inline per language (like XLSForm's label::lang) so a published version
 * carries everything it needs to render, print and report (docs/decisions.md).
 */
import * as v from 'valibot';
import { PICTOGRAM_NAMES } from './pictogramNames.ts';

import { PREFER_NOT_TO_ANSWER } from './answers.ts';

export { PREFER_NOT_TO_ANSWER };

export const SURVEY_SCHEMA_ID = 'sayso/survey@1';

export const SURVEY_AUDIENCES = ['residents', 'inspectors'] as const;
export type SurveyAudience = (typeof SURVEY_AUDIENCES)[number];

export const LanguageCode = v.pipe(
  v.string(),
  v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language code such as "en", "ar" or "ckb"'),
);

const Id = v.pipe(
  v.string(),
  v.regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'must be lower-case letters, digits, "_" and "." (e.g. "room.satisfied")'),
);

const SurveyId = v.pipe(
  v.string(),
  v.regex(/^[a-z][a-z0-9-]{1,62}$/, 'must be lower-case letters, digits and "-" (e.g. "resident-satisfaction")'),
);

const ChoiceValue = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 letters, digits, "_", "." or "-"'),
);

/** Text in several languages: {"en": "...", "ar": "..."}. */
export const LocalizedText = v.record(LanguageCode, v.pipe(v.string(), v.minLength(1, 'must not be empty')));
export type LocalizedText = v.InferOutput<typeof LocalizedText>;

const Pictogram = v.picklist(PICTOGRAM_NAMES, 'must name a pictogram of the app (see src/survey/pictogramNames.ts)');

/** Audio clip URL per language; optional, the media index can add more (ARCHITECTURE.md). */
const AudioByLanguage = v.record(LanguageCode, v.pipe(v.string(), v.minLength(1)));

export const PromptKey = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$/, 'must be a prompt key such as "resident.room.satisfied"'));

export const Choice = v.strictObject({
  value: ChoiceValue,
  label: LocalizedText,
  pictogram: Pictogram,
  promptKey: v.optional(PromptKey),
  audio: v.optional(AudioByLanguage),
});
export type Choice = v.InferOutput<typeof Choice>;

/** A scalar an answer can be compared with in a condition. */
const ConditionValue = v.union([v.string(), v.number(), v.boolean()]);

/**
 * Relevance condition, as data rather than an expression string, so the kiosk, the
 * server and the XLSForm importer share one evaluator and nothing is ever eval'd.
 */
export type Condition =
  | { q: string; equals: string | number | boolean }
  | { q: string; notEquals: string | number | boolean }
  | { q: string; includes: string }
  | { q: string; lt: number }
  | { q: string; lte: number }
  | { q: string; gt: number }
  | { q: string; gte: number }
  | { q: string; answered: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const Condition: v.GenericSchema<Condition> = v.union(
  [
    v.strictObject({ q: Id, equals: ConditionValue }),
    v.strictObject({ q: Id, notEquals: ConditionValue }),
    v.strictObject({ q: Id, includes: v.string() }),
    v.strictObject({ q: Id, lt: v.number() }),
    v.strictObject({ q: Id, lte: v.number() }),
    v.strictObject({ q: Id, gt: v.number() }),
    v.strictObject({ q: Id, gte: v.number() }),
    v.strictObject({ q: Id, answered: v.boolean() }),
    v.strictObject({ all: v.pipe(v.array(v.lazy(() => Condition)), v.minLength(1)) }),
    v.strictObject({ any: v.pipe(v.array(v.lazy(() => Condition)), v.minLength(1)) }),
    v.strictObject({ not: v.lazy(() => Condition) }),
  ],
  'must be a condition such as {"q": "room.satisfied", "equals": false}',
);

const questionBase = {
  id: Id,
  text: LocalizedText,
  hint: v.optional(LocalizedText),
  pictogram: Pictogram,
  promptKey: v.optional(PromptKey),
  audio: v.optional(AudioByLanguage),
  /** Required questions must be answered (or declined, where allowed) before moving on. */
  required: v.optional(v.boolean(), false),
  /** Offers an "I prefer not to answer" button that records PREFER_NOT_TO_ANSWER. */
  preferNotToAnswer: v.optional(v.boolean(), false),
  /** Optional coarse demographic question (PRODUCT.md): reported only in breakdowns. */
  demographic: v.optional(v.boolean(), false),
  relevant: v.optional(Condition),
};

const Choices = v.pipe(v.array(Choice), v.minLength(2, 'needs at least two choices'));

const YesNoQuestion = v.strictObject({ ...questionBase, kind: v.literal('yesno') });
const SingleChoiceQuestion = v.strictObject({ ...questionBase, kind: v.literal('single'), choices: Choices });
const MultipleChoiceQuestion = v.strictObject({
  ...questionBase,
  kind: v.literal('multi'),
  choices: Choices,
  maxSelected: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});
const RatingQuestion = v.strictObject({
  ...questionBase,
  kind: v.literal('rating'),
  /** The scales agencies use: 0-10 (Fedasil), 1-5 (Finland), 1-6 (Latvia), 1-10 (IND). */
  scale: v.picklist(['0-10', '1-5', '1-6', '1-10'], 'must be one of "0-10", "1-5", "1-6", "1-10"'),
  minLabel: v.optional(LocalizedText),
  maxLabel: v.optional(LocalizedText),
});
const FacesQuestion = v.strictObject({
  ...questionBase,
  kind: v.literal('faces'),
  faces: v.picklist([3, 5], 'must be 3 or 5'),
});
const ExpectationQuestion = v.strictObject({ ...questionBase, kind: v.literal('expectation') });
/** Where an inspector's rating comes from: SMAcc triangulates the three (PRODUCT.md). */
export const EVIDENCE_SOURCES = ['observation', 'resident-interview', 'managing-body-interview'] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];
const ComplianceQuestion = v.strictObject({
  ...questionBase,
  kind: v.literal('compliance'),
  evidence: v.optional(v.picklist(EVIDENCE_SOURCES, 'must be "observation", "resident-interview" or "managing-body-interview"')),
});
const TextQuestion = v.strictObject({
  ...questionBase,
  kind: v.literal('text'),
  maxLength: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5000)), 1000),
});
const SpokenQuestion = v.strictObject({
  ...questionBase,
  kind: v.literal('spoken'),
  maxSeconds: v.optional(v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(600)), 120),
});
const InfoScreen = v.strictObject({ ...questionBase, kind: v.literal('info') });

export type Question =
  | v.InferOutput<typeof YesNoQuestion>
  | v.InferOutput<typeof SingleChoiceQuestion>
  | v.InferOutput<typeof MultipleChoiceQuestion>
  | v.InferOutput<typeof RatingQuestion>
  | v.InferOutput<typeof FacesQuestion>
  | v.InferOutput<typeof ExpectationQuestion>
  | v.InferOutput<typeof ComplianceQuestion>
  | v.InferOutput<typeof TextQuestion>
  | v.InferOutput<typeof SpokenQuestion>
  | v.InferOutput<typeof InfoScreen>;

export type QuestionKind = Question['kind'];

export interface Group {
  kind: 'group';
  id: string;
  title: LocalizedText;
  pictogram: (typeof PICTOGRAM_NAMES)[number];
  relevant?: Condition | undefined;
  items: Item[];
}

export type Item = Question | Group;

const GroupSchema: v.GenericSchema<unknown, Group> = v.strictObject({
  kind: v.literal('group'),
  id: Id,
  title: LocalizedText,
  pictogram: Pictogram,
  relevant: v.optional(Condition),
  items: v.pipe(v.array(v.lazy(() => ItemSchema)), v.minLength(1, 'a group needs at least one item')),
}) as v.GenericSchema<unknown, Group>;

export const ItemSchema: v.GenericSchema<unknown, Item> = v.variant(
  'kind',
  [
    YesNoQuestion, SingleChoiceQuestion, MultipleChoiceQuestion, RatingQuestion, FacesQuestion,
    ExpectationQuestion, ComplianceQuestion, TextQuestion, SpokenQuestion, InfoScreen, GroupSchema,
  ] as never,
  'kind must be one of yesno, single, multi, rating, faces, expectation, compliance, text, spoken, info, group',
) as v.GenericSchema<unknown, Item>;

/** Whether each language's text was checked by a native speaker (PRODUCT.md). */
export const TranslationStatus = v.picklist(['reviewed', 'unreviewed', 'machine'], 'must be "reviewed", "unreviewed" or "machine"');
export type TranslationStatus = v.InferOutput<typeof TranslationStatus>;

export const SurveyDefinitionSchema = v.strictObject({
  schema: v.literal(SURVEY_SCHEMA_ID, `must be "${SURVEY_SCHEMA_ID}"`),
  id: SurveyId,
  version: v.pipe(v.number(), v.integer(), v.minValue(1, 'must be 1 or more')),
  title: LocalizedText,
  description: v.optional(LocalizedText),
  defaultLanguage: LanguageCode,
  languages: v.pipe(v.array(LanguageCode), v.minLength(1, 'needs at least one language')),
  translationStatus: v.optional(v.record(LanguageCode, TranslationStatus), {}),
  /** Minutes a respondent usually needs: shown on the consent screen. */
  estimatedMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(120))),
  /** Only in mediator mode (the children's survey): a tablet never starts it for a respondent alone. */
  requiresMediator: v.optional(v.boolean()),
  /**
   * Who fills it in: residents (tablet, paper) or inspectors (a monitoring visit, on paper
   * and in the staff screens): an inspectors' survey is never offered on a kiosk and needs no audio.
   */
  audience: v.optional(v.picklist(SURVEY_AUDIENCES, 'must be "residents" or "inspectors"')),
  items: v.pipe(v.array(ItemSchema), v.minLength(1, 'needs at least one question')),
});

export type SurveyDefinition = v.InferOutput<typeof SurveyDefinitionSchema>;

/** Inspectors' surveys (monitoring visits) never run on a tablet and have no prompts to speak. */
export function isForInspectors(survey: Pick<SurveyDefinition, 'audience'>): boolean {
  return survey.audience === 'inspectors';
}
