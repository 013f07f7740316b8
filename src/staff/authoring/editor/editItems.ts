/**
 * The edits a designer makes to questions and groups, as plain functions on a draft: a new
 * question of a kind, a change of kind that keeps what still applies, unique ids, and a
 * renamed id carried into every condition that names it (so relevance never breaks silently).
 */
import type { Choice, Condition, Group, Item, LocalizedText, Question, QuestionKind } from '../../../survey/schema.ts';
import { listItemPaths, type DraftDefinition } from './draftPaths.ts';

export const QUESTION_KINDS = ['yesno', 'single', 'multi', 'rating', 'faces', 'expectation', 'compliance', 'text', 'spoken', 'info'] as const satisfies readonly QuestionKind[];
export const RATING_SCALES = ['0-10', '1-5', '1-6', '1-10'] as const;

/** The pictogram a new question of each kind starts with (the designer picks a better one). */
const KIND_PICTOGRAMS: Record<QuestionKind, Question['pictogram']> = {
  yesno: 'yes', single: 'survey', multi: 'survey', rating: 'rating', faces: 'face-3', expectation: 'expect-at',
  compliance: 'compliance-effective', text: 'comment', spoken: 'microphone', info: 'information',
};

/** Every id in use (questions and groups). */
export function usedIds(definition: DraftDefinition): Set<string> {
  return new Set(listItemPaths(definition.items).map(({ item }) => item.id));
}

/** "q1", "q2"... the first not yet used (prefix "group" for groups). */
export function freshId(definition: DraftDefinition, prefix = 'q'): string {
  const used = usedIds(definition);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

const choice = (value: string, pictogram: Choice['pictogram']): Choice => ({ value, label: {}, pictogram });

export function newQuestion(kind: QuestionKind, id: string): Question {
  const base = { id, text: {} as LocalizedText, pictogram: KIND_PICTOGRAMS[kind], required: false, preferNotToAnswer: false, demographic: false };
  switch (kind) {
    case 'single':
    case 'multi':
      return { ...base, kind, choices: [choice('a', 'yes'), choice('b', 'no')] };
    case 'rating':
      return { ...base, kind, scale: '0-10' };
    case 'faces':
      return { ...base, kind, faces: 5 };
    case 'text':
      return { ...base, kind, maxLength: 1000 };
    case 'spoken':
      return { ...base, kind, maxSeconds: 120 };
    default:
      return { ...base, kind };
  }
}

export function newGroup(id: string, firstQuestionId: string): Group {
  return { kind: 'group', id, title: {}, pictogram: 'survey', items: [newQuestion('yesno', firstQuestionId)] };
}

/** A question of another kind with the same id, words, pictogram, audio and rules; choices kept between single and multi. */
export function changeKind(question: Question, kind: QuestionKind): Question {
  const fresh = newQuestion(kind, question.id);
  const { id, text, hint, pictogram, promptKey, audio, required, preferNotToAnswer, demographic, relevant } = question;
  const kept = { ...fresh, id, text, pictogram, required: kind === 'info' ? false : required, preferNotToAnswer: kind === 'info' ? false : preferNotToAnswer, demographic };
  const optional = { ...(hint ? { hint } : {}), ...(promptKey ? { promptKey } : {}), ...(audio ? { audio } : {}), ...(relevant ? { relevant } : {}) };
  if ((kind === 'single' || kind === 'multi') && (question.kind === 'single' || question.kind === 'multi')) return { ...kept, ...optional, kind, choices: question.choices } as Question;
  return { ...kept, ...optional } as Question;
}

/** The condition with every reference to `from` pointing at `to`. */
export function renameInCondition(condition: Condition, from: string, to: string): Condition {
  if ('all' in condition) return { all: condition.all.map((c) => renameInCondition(c, from, to)) };
  if ('any' in condition) return { any: condition.any.map((c) => renameInCondition(c, from, to)) };
  if ('not' in condition) return { not: renameInCondition(condition.not, from, to) };
  return condition.q === from ? ({ ...condition, q: to } as Condition) : condition;
}

/** Every condition of the draft, with a renamed question id followed. */
export function renameReferences(items: readonly Item[], from: string, to: string): Item[] {
  return items.map((item) => {
    const relevant = item.relevant ? renameInCondition(item.relevant, from, to) : undefined;
    const withRelevant = relevant ? { ...item, relevant } : item;
    return item.kind === 'group' ? ({ ...(withRelevant as Group), items: renameReferences(item.items, from, to) } satisfies Group) : withRelevant;
  });
}

/** Sets or clears one language of a text; an emptied text is left as {} (the checker then names what is missing). */
export function setText(text: LocalizedText | undefined, language: string, value: string): LocalizedText {
  const next = { ...(text ?? {}) };
  if (value === '') delete next[language];
  else next[language] = value;
  return next;
}

/** A value for a new choice: "c3", "c4"... not used in the list. */
export function freshChoiceValue(choices: readonly Choice[]): string {
  const used = new Set(choices.map((c) => c.value));
  for (let n = choices.length + 1; ; n++) if (!used.has(`c${n}`)) return `c${n}`;
}
