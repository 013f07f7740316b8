import type { Group, Item, Question } from './schema.ts';

/** A question together with the groups that contain it, outermost first. */
export interface PlacedQuestion {
  question: Question;
  groups: Group[];
  /** Position in the definition's items, e.g. "items[2].items[0]" (for error messages). */
  path: string;
}

/** Every question of a definition in order, groups flattened away. */
export function listQuestions(items: readonly Item[], groups: Group[] = [], base = 'items'): PlacedQuestion[] {
  const out: PlacedQuestion[] = [];
  items.forEach((item, index) => {
    const path = `${base}[${index}]`;
    if (item.kind === 'group') out.push(...listQuestions(item.items, [...groups, item], `${path}.items`));
    else out.push({ question: item, groups, path });
  });
  return out;
}
