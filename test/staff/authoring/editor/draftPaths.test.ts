import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fieldId, insertItem, itemAt, listItemPaths, moveItem, placeProblem, removeItem, updateItem, type DraftDefinition } from '../../../../src/staff/authoring/editor/draftPaths.ts';
import { newQuestion } from '../../../../src/staff/authoring/editor/editItems.ts';

const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8')) as DraftDefinition;
const ids = (d: DraftDefinition) => listItemPaths(d.items).map(({ item, path }) => `${path.join('.')}:${item.id}`);

describe('draft paths', () => {
  it('finds items through groups by their indices', () => {
    expect(itemAt(mini, [0, 1])?.id).toBe('room.reasons');
    expect(itemAt(mini, [1])?.id).toBe('overall');
    expect(itemAt(mini, [0, 9])).toBeUndefined();
    expect(ids(mini)).toEqual(['0:room', '0.0:room.satisfied', '0.1:room.reasons', '0.2:room.score', '1:overall', '2:comment']);
  });

  it('changes, inserts and removes an item inside a group without touching the original draft', () => {
    const changed = updateItem(mini, [0, 2], (item) => ({ ...item, id: 'room.rating' }));
    expect(itemAt(changed, [0, 2])?.id).toBe('room.rating');
    expect(itemAt(mini, [0, 2])?.id).toBe('room.score');
    // Untouched items are shared, so the editor's lists keep their rows.
    expect(changed.items[1]).toBe(mini.items[1]);
    const inserted = insertItem(mini, [0, 1], newQuestion('text', 'room.note'));
    expect(ids(inserted).slice(0, 4)).toEqual(['0:room', '0.0:room.satisfied', '0.1:room.note', '0.2:room.reasons']);
    expect(ids(removeItem(mini, [0]))).toEqual(['0:overall', '1:comment']);
  });

  it('moves an item up or down within its list and says where it went; not past either end', () => {
    const moved = moveItem(mini, [0, 0], 1)!;
    expect(moved.path).toEqual([0, 1]);
    expect(ids(moved.definition).slice(1, 3)).toEqual(['0.0:room.reasons', '0.1:room.satisfied']);
    expect(moveItem(mini, [0, 0], -1)).toBeUndefined();
    expect(moveItem(mini, [2], 1)).toBeUndefined();
    expect(ids(moveItem(mini, [2], -1)!.definition).slice(-2)).toEqual(['1:comment', '2:overall']);
  });

  it("places the checker's problem paths at their item and field", () => {
    expect(placeProblem('items[0].items[1].choices[1].label.ar')).toEqual({ item: [0, 1], field: 'choices[1].label.ar' });
    expect(placeProblem('items[3].relevant')).toEqual({ item: [3], field: 'relevant' });
    expect(placeProblem('items[2]')).toEqual({ item: [2], field: '' });
    expect(placeProblem('title.fr')).toEqual({ field: 'title.fr' });
    expect(placeProblem('items')).toEqual({ field: 'items' });
    expect(fieldId([0, 1], 'choices[1].label')).toBe('ed-item-0-1-choices-1-label');
    expect(fieldId(undefined, 'title')).toBe('ed-survey-title');
  });
});
