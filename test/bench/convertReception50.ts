/**
 * Converts the peers' 50-question reception survey (reception-50.source.json, see
 * README.md) into a Sayso survey definition, so Sayso is measured on the same
 * questions as Enketo, SurveyJS and ODK Web Forms.
 *
 * Pure: no I/O. The result is meant to pass parseSurvey (convertReception50.test.ts).
 */
import type { PictogramName } from '../../src/survey/pictogramNames.ts';
import { SURVEY_SCHEMA_ID, type Group, type LocalizedText, type Question, type SurveyDefinition } from '../../src/survey/schema.ts';

type Bilingual = { en: string; ar: string };

/** The parts of reception-50.source.json the conversion uses. */
export interface Reception50Source {
  kinds: string[];
  questionText: Record<'satisfied' | 'rating' | 'reasons' | 'smiley' | 'comment', Bilingual>;
  ratingLabels: { min: Bilingual; max: Bilingual };
  ratingMin: number;
  ratingMax: number;
  scriptedAnswers: { satisfied: string; rating: string; reasons: number[]; smiley: string };
  smileys: Array<{ value: string; en: string; ar: string }>;
  title: Bilingual;
  topics: Array<{
    id: string;
    title: Bilingual;
    phrase: Bilingual;
    /** [value, English label, Arabic label] */
    reasons: Array<[string, string, string]>;
  }>;
  yesNo: Array<{ value: string; en: string; ar: string }>;
}

export const RECEPTION_50_ID = 'reception-50';

/** Topic pictograms; a topic not listed here gets the generic "survey". */
const TOPIC_PICTOGRAMS: Record<string, PictogramName> = {
  room: 'room',
  sanitary: 'sanitary',
  food: 'food',
  cooking: 'cooking',
  supervision: 'help',
  safety: 'safety',
  medical: 'medical',
  staff: 'staff',
  wellbeing: 'wellbeing',
  information: 'information',
};

/** Reason pictograms by "<topic>.<reason>"; a reason not listed here gets "other". */
const REASON_PICTOGRAMS: Record<string, PictogramName> = {
  'room.crowded': 'crowded',
  'room.noise': 'noise',
  'room.temperature': 'temperature',
  'room.dirty': 'dirty',
  'room.privacy': 'privacy',
  'sanitary.dirty': 'dirty',
  'sanitary.few': 'quantity',
  'sanitary.hotwater': 'hot-water',
  'sanitary.lock': 'no-lock',
  'sanitary.broken': 'broken',
  'food.quantity': 'quantity',
  'food.quality': 'taste',
  'food.diet': 'diet',
  'food.variety': 'variety',
  'food.times': 'mealtimes',
  'cooking.access': 'no-access',
  'cooking.equipment': 'kitchen-equipment',
  'cooking.hours': 'waiting',
  'cooking.ingredients': 'ingredients',
  'cooking.hygiene': 'dirty',
  'supervision.reach': 'unavailable',
  'supervision.time': 'waiting',
  'supervision.language': 'language-barrier',
  'supervision.helpful': 'not-listened',
  'supervision.respect': 'disrespect',
  'safety.conflicts': 'conflict',
  'safety.theft': 'theft',
  'safety.night': 'night',
  'safety.storage': 'no-lock',
  'safety.harassment': 'harassment',
  'medical.waiting': 'waiting',
  'medical.interpreter': 'language-barrier',
  'medical.serious': 'not-taken-seriously',
  'medical.appointment': 'no-access',
  'medical.medication': 'medicine',
  'staff.available': 'unavailable',
  'staff.language': 'language-barrier',
  'staff.unfriendly': 'disrespect',
  'staff.slow': 'waiting',
  'staff.unclear': 'rules-unclear',
  'wellbeing.stress': 'worry',
  'wellbeing.boredom': 'boredom',
  'wellbeing.lonely': 'isolation',
  'wellbeing.sleep': 'sleep',
  'wellbeing.uncertainty': 'worry',
  'information.language': 'language-barrier',
  'information.little': 'not-informed',
  'information.contradictory': 'rules-unclear',
  'information.hard': 'rules-unclear',
  'information.late': 'waiting',
};

const localized = (text: Bilingual): LocalizedText => ({ en: text.en, ar: text.ar });

/** "{t}" in the source's question texts stands for the topic's phrase. */
const fill = (template: Bilingual, phrase: Bilingual): LocalizedText => ({
  en: template.en.replaceAll('{t}', phrase.en),
  ar: template.ar.replaceAll('{t}', phrase.ar),
});

/** Fields every question has once parsed (the schema's defaults, spelled out). */
const defaults = { required: false, preferNotToAnswer: false, demographic: false } as const;

export function convertReception50(source: Reception50Source): SurveyDefinition {
  if (source.ratingMin !== 0 || source.ratingMax !== 10) {
    throw new Error(`reception-50: expected a 0-10 rating, got ${source.ratingMin}-${source.ratingMax}`);
  }
  if (source.smileys.length !== 5) throw new Error(`reception-50: expected 5 smileys, got ${source.smileys.length}`);

  const groups: Group[] = source.topics.map((topic) => {
    const id = topic.id;
    const pictogram = TOPIC_PICTOGRAMS[id] ?? 'survey';
    const text = (kind: keyof Reception50Source['questionText']) => fill(source.questionText[kind], topic.phrase);
    const items: Question[] = [
      { ...defaults, kind: 'yesno', id: `${id}.satisfied`, required: true, pictogram, text: text('satisfied') },
      {
        ...defaults,
        kind: 'rating',
        id: `${id}.rating`,
        required: true,
        pictogram: 'rating',
        scale: '0-10',
        minLabel: localized(source.ratingLabels.min),
        maxLabel: localized(source.ratingLabels.max),
        text: text('rating'),
      },
      {
        ...defaults,
        kind: 'multi',
        id: `${id}.reasons`,
        pictogram,
        relevant: { q: `${id}.satisfied`, equals: false },
        text: text('reasons'),
        choices: topic.reasons.map(([value, en, ar]) => ({
          value,
          label: { en, ar },
          pictogram: REASON_PICTOGRAMS[`${id}.${value}`] ?? 'other',
        })),
      },
      { ...defaults, kind: 'faces', id: `${id}.smiley`, required: true, pictogram: 'wellbeing', faces: 5, text: text('smiley') },
      { ...defaults, kind: 'text', id: `${id}.comment`, pictogram: 'comment', maxLength: 1000, text: text('comment') },
    ];
    return { kind: 'group', id, title: localized(topic.title), pictogram, items };
  });

  return {
    schema: SURVEY_SCHEMA_ID,
    id: RECEPTION_50_ID,
    version: 1,
    title: localized(source.title),
    defaultLanguage: 'en',
    languages: ['en', 'ar'],
    translationStatus: {},
    items: groups,
  };
}
