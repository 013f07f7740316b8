import * as v from 'valibot';
import type { LocalizedText } from '../../survey/schema.ts';

/** Question kinds whose share of satisfied answers is an indicator with a target (reportTypes.ts). */
export const INDICATOR_KINDS = ['yesno', 'expectation', 'faces', 'compliance'] as const;

export interface SurveyQuestionInfo {
  id: string;
  kind: string;
  text: LocalizedText;
  demographic: boolean;
  topic?: { id: string; title: LocalizedText; pictogram: string };
}

interface LooseItem {
  kind: string;
  id: string;
  text?: LocalizedText | undefined;
  title?: LocalizedText | undefined;
  pictogram?: string | undefined;
  demographic?: boolean | undefined;
  items?: LooseItem[] | undefined;
}

const Item: v.GenericSchema<unknown, LooseItem> = v.object({
  kind: v.string(),
  id: v.string(),
  text: v.optional(v.record(v.string(), v.string())),
  title: v.optional(v.record(v.string(), v.string())),
  pictogram: v.optional(v.string()),
  demographic: v.optional(v.boolean()),
  items: v.optional(v.array(v.lazy(() => Item))),
});
const Definition = v.object({ items: v.array(Item) });

/**
 * The questions of a survey definition from GET /staff/surveys, read loosely: the staff screens
 * need ids, kinds, texts, topics and the demographic flag (for the breakdown and target pickers),
 * not the whole schema check the kiosk runs.
 */
export function surveyQuestions(definition: unknown): SurveyQuestionInfo[] {
  const parsed = v.safeParse(Definition, definition);
  if (!parsed.success) return [];
  const out: SurveyQuestionInfo[] = [];
  const walk = (items: LooseItem[], topic: SurveyQuestionInfo['topic']) => {
    for (const item of items) {
      if (item.kind === 'group') {
        walk(item.items ?? [], topic ?? { id: item.id, title: item.title ?? {}, pictogram: item.pictogram ?? 'survey' });
      } else if (item.kind !== 'info') {
        out.push({ id: item.id, kind: item.kind, text: item.text ?? {}, demographic: item.demographic === true, ...(topic ? { topic } : {}) });
      }
    }
  };
  walk(parsed.output.items, undefined);
  return out;
}

export function isIndicatorKind(kind: string): boolean {
  return (INDICATOR_KINDS as readonly string[]).includes(kind);
}
