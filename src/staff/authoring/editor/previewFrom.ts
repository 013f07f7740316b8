/**
 * The draft as the preview shows it when it starts at the question being edited: the
 * questions before it left out, and any condition naming one of them dropped (nobody
 * answered them here), so the kiosk opens on that question at once. Only the preview
 * sees this; what is saved and published is always the whole draft.
 */
import { conditionReferences } from '../../../survey/evaluateCondition.ts';
import type { Item } from '../../../survey/schema.ts';
import { listQuestions } from '../../../survey/walkItems.ts';
import type { DraftDefinition } from './draftPaths.ts';

export function previewFrom(definition: DraftDefinition, questionId: string | undefined): DraftDefinition {
  const placed = listQuestions(definition.items);
  const at = placed.findIndex((p) => p.question.id === questionId);
  if (at <= 0) return definition;
  const skipped = new Set(placed.slice(0, at).map((p) => p.question.id));
  const keep = (items: readonly Item[]): Item[] =>
    items.flatMap((item): Item[] => {
      const withoutCondition = item.relevant && conditionReferences(item.relevant).some((id) => skipped.has(id)) ? dropRelevant(item) : item;
      if (withoutCondition.kind !== 'group') return skipped.has(withoutCondition.id) ? [] : [withoutCondition];
      const children = keep(withoutCondition.items);
      return children.length ? [{ ...withoutCondition, items: children }] : [];
    });
  return { ...definition, items: keep(definition.items) };
}

function dropRelevant(item: Item): Item {
  const { relevant: _dropped, ...rest } = item;
  return rest as Item;
}

/** The question the preview starts at for a selected item: the item itself, or a group's first question. */
export function firstQuestionOf(item: Item | undefined): string | undefined {
  if (!item) return undefined;
  return item.kind === 'group' ? listQuestions(item.items)[0]?.question.id : item.id;
}
