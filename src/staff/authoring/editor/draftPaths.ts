/**
 * Where things are in a draft: an item by its indices through groups ([2, 0] is
 * items[2].items[0]), and the server's problem paths ("items[2].items[0].choices[1].label.ar",
 * parseSurvey's DefinitionProblem) turned into the item and field the editor shows them at.
 */
import type { Group, Item, SurveyDefinition } from '../../../survey/schema.ts';

export type ItemPath = readonly number[];

/** The definition the editor works on: the schema's shape, though a draft may still break its rules. */
export type DraftDefinition = SurveyDefinition;

export const pathKey = (path: ItemPath) => path.join('-');
export const sameItemPath = (a: ItemPath | undefined, b: ItemPath | undefined) => a !== undefined && b !== undefined && pathKey(a) === pathKey(b);

/** "items[2].items[0]" for [2, 0], as parseSurvey writes it. */
export const definitionPath = (path: ItemPath) => path.map((index) => `items[${index}]`).join('.');

export function itemAt(definition: DraftDefinition, path: ItemPath): Item | undefined {
  let items: readonly Item[] = definition.items;
  let item: Item | undefined;
  for (const index of path) {
    item = items[index];
    if (!item) return undefined;
    items = item.kind === 'group' ? item.items : [];
  }
  return item;
}

/** The list an item sits in, and its index there. */
function containerOf(items: Item[], path: ItemPath): { list: Item[]; index: number } | undefined {
  let list = items;
  for (let depth = 0; depth < path.length - 1; depth++) {
    const group = list[path[depth]!];
    if (!group || group.kind !== 'group') return undefined;
    list = group.items;
  }
  return { list, index: path[path.length - 1]! };
}

/** A copy of the items with one list changed by `change` (every group on the way copied, the rest shared). */
function withList(items: readonly Item[], parent: ItemPath, change: (list: Item[]) => Item[]): Item[] {
  if (parent.length === 0) return change([...items]);
  const [head, ...rest] = parent;
  return items.map((item, index) => (index === head && item.kind === 'group' ? ({ ...item, items: withList(item.items, rest, change) } satisfies Group) : item));
}

export function updateItem(definition: DraftDefinition, path: ItemPath, change: (item: Item) => Item): DraftDefinition {
  const parent = path.slice(0, -1);
  const index = path[path.length - 1]!;
  return { ...definition, items: withList(definition.items, parent, (list) => list.map((item, i) => (i === index ? change(item) : item))) };
}

export function removeItem(definition: DraftDefinition, path: ItemPath): DraftDefinition {
  const parent = path.slice(0, -1);
  const index = path[path.length - 1]!;
  return { ...definition, items: withList(definition.items, parent, (list) => list.filter((_, i) => i !== index)) };
}

/** Inserts `item` so that it ends up at `path` (the items after it move down). */
export function insertItem(definition: DraftDefinition, path: ItemPath, item: Item): DraftDefinition {
  const parent = path.slice(0, -1);
  const index = path[path.length - 1]!;
  return { ...definition, items: withList(definition.items, parent, (list) => [...list.slice(0, index), item, ...list.slice(index)]) };
}

/** Swaps an item with its neighbour in the same list; the new path, or undefined at either end. */
export function moveItem(definition: DraftDefinition, path: ItemPath, by: -1 | 1): { definition: DraftDefinition; path: ItemPath } | undefined {
  const where = containerOf(definition.items as Item[], path);
  if (!where) return undefined;
  const target = where.index + by;
  if (target < 0 || target >= where.list.length) return undefined;
  const parent = path.slice(0, -1);
  const items = withList(definition.items, parent, (list) => {
    const moved = [...list];
    [moved[where.index], moved[target]] = [moved[target]!, moved[where.index]!];
    return moved;
  });
  return { definition: { ...definition, items }, path: [...parent, target] };
}

/** Every item with its path, in the order a respondent meets them (groups before their items). */
export function listItemPaths(items: readonly Item[], base: ItemPath = []): Array<{ item: Item; path: ItemPath }> {
  return items.flatMap((item, index) => {
    const path = [...base, index];
    return [{ item, path }, ...(item.kind === 'group' ? listItemPaths(item.items, path) : [])];
  });
}

export interface ProblemPlace {
  /** The item the problem belongs to; undefined for the survey's own fields (title, languages). */
  item?: ItemPath;
  /** What follows the item in the path: "text.ar", "choices[1].label.ar", "relevant", "" for the item itself. */
  field: string;
}

/** "items[2].items[0].choices[1].label.ar" → item [2, 0], field "choices[1].label.ar". */
export function placeProblem(problemPath: string): ProblemPlace {
  const item: number[] = [];
  let rest = problemPath;
  for (;;) {
    const match = /^\.?items\[(\d+)\]/.exec(rest);
    if (!match) break;
    item.push(Number(match[1]));
    rest = rest.slice(match[0].length);
  }
  const field = rest.replace(/^\./, '');
  return item.length ? { item, field } : { field: problemPath === '(definition)' ? '' : problemPath };
}

/**
 * The element id of a field on screen, from its place: the problem list links to it.
 * Survey fields: "ed-survey-title"; item fields: "ed-item-2-0-text"; a translation cell: "ed-tr-...".
 */
export function fieldId(item: ItemPath | undefined, field: string): string {
  const slug = field.replace(/\[(\d+)\]/g, '-$1').replace(/[^A-Za-z0-9-]+/g, '-').replace(/-+$/, '');
  return item ? `ed-item-${pathKey(item)}${slug ? `-${slug}` : ''}` : `ed-survey${slug ? `-${slug}` : ''}`;
}
