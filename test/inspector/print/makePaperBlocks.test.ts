import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evidenceColumns, inTable, makePaperBlocks, paperQuestionNumbers } from '../../../src/inspector/print/makePaperBlocks.ts';
import { parseSheetCount } from '../../../src/inspector/print/parseSheetCount.ts';
import { parseSurvey } from '../../../src/survey/parseSurvey.ts';
import type { Group, Item } from '../../../src/survey/schema.ts';

function builtIn(id: string) {
  const parsed = parseSurvey(JSON.parse(readFileSync(`public/surveys/${id}.json`, 'utf8')));
  if (!parsed.ok) throw new Error(`${id} is invalid`);
  return parsed.survey;
}

describe('makePaperBlocks: a survey version as the blocks of a paper sheet', () => {
  const survey = builtIn('resident-satisfaction');
  const blocks = makePaperBlocks(survey);

  it('starts with the header (the intro is in it) and numbers the questions that take an answer, 1, 2, 3...', () => {
    expect(blocks.slice(0, 2).map((b) => b.kind)).toEqual(['header', 'section']);
    const numbered = blocks.flatMap((b) => (b.kind === 'question' ? [[b.question.id, b.number] as const] : []));
    expect(numbered.slice(0, 3)).toEqual([['room.satisfied', 1], ['room.reasons', 2], ['room.score', 3]]);
    expect(numbered.map(([, n]) => n)).toEqual(numbered.map((_, i) => i + 1));
    expect(Object.fromEntries(paperQuestionNumbers(survey))).toMatchObject({ 'room.satisfied': 1, 'about_you.sex': numbered.length });
  });

  it('leaves the spoken comment out and says so at the end', () => {
    expect(blocks.some((b) => (b.kind === 'question' || b.kind === 'info') && b.question.kind === 'spoken')).toBe(false);
    expect(paperQuestionNumbers(survey).has('closing.spoken')).toBe(false);
    expect(blocks.at(-1)).toEqual({ kind: 'end', spokenLeftOut: true });
  });

  it('heads every group with a section and keeps the follow-up\'s condition for its instruction', () => {
    const sections = blocks.filter((b) => b.kind === 'section');
    expect(sections.map((b) => b.kind === 'section' && b.group.id)).toEqual(['room', 'sanitary', 'food', 'cooking', 'staff', 'safety', 'medical', 'information', 'wellbeing', 'about_you']);
    const reasons = blocks.find((b) => b.kind === 'question' && b.question.id === 'room.reasons');
    expect(reasons).toMatchObject({ relevant: { q: 'room.satisfied', equals: false } });
  });
});

describe('makePaperBlocks: the monitoring visit as a table, one row per item', () => {
  const survey = builtIn('monitoring-visit');
  const blocks = makePaperBlocks(survey);
  const numbers = paperQuestionNumbers(survey);
  const itemGroups: Group[] = [];
  const walk = (items: readonly Item[]) => {
    for (const item of items) if (item.kind === 'group') item.items.some((child) => child.kind === 'group') ? walk(item.items) : itemGroups.push(item);
  };
  walk(survey.items);

  it('has a column per evidence source, in the schema\'s order, named by the survey\'s own question', () => {
    expect(evidenceColumns(survey).map((c) => [c.source, c.question.text.it])).toEqual([
      ['observation', 'Osservazione diretta'],
      ['resident-interview', 'Intervista agli ospiti'],
      ['managing-body-interview', "Intervista all'ente gestore"],
    ]);
  });

  it('prints each item as one row: a cell per source with its question number (none where the item lacks that source), and its notes', () => {
    const rows = blocks.flatMap((b) => (b.kind === 'item' ? [b.row] : []));
    expect(rows.map((r) => r.group.id)).toEqual(itemGroups.map((g) => g.id));
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) {
      expect(row.cells).toHaveLength(3);
      row.cells.forEach((cell, i) => {
        const asked = row.group.items.find((q) => q.kind === 'compliance' && q.evidence === evidenceColumns(survey)[i]!.source);
        expect(cell && { id: cell.question.id, number: cell.number }).toEqual(asked && { id: asked.id, number: numbers.get(asked.id) });
      });
      expect(row.notes?.question.id).toBe(`${row.group.id}.notes`);
      expect(row.notes?.number).toBe(numbers.get(`${row.group.id}.notes`));
    }
    // food.hygiene has no resident interview: that cell is empty.
    expect(rows.find((r) => r.group.id === 'food.hygiene')!.cells.map((c) => c?.question.id)).toEqual(['food.hygiene.observation', undefined, 'food.hygiene.managing_body']);
    // No compliance question prints as a question of its own.
    expect(blocks.some((b) => b.kind === 'question' && b.question.kind === 'compliance')).toBe(false);
  });

  it('heads each area with a table section row, keeps an item\'s condition, and leaves the visit questions as questions', () => {
    const areas = blocks.filter((b) => b.kind === 'section');
    expect(areas.every((b) => b.kind === 'section' && b.table && inTable(b))).toBe(true);
    expect(areas.map((b) => b.kind === 'section' && b.group.id)).toEqual(survey.items.filter((i) => i.kind === 'group').map((g) => g.id));
    expect(blocks.find((b) => b.kind === 'item' && b.row.group.id === 'health.arrival_check')).toMatchObject({ relevant: { not: { q: 'centre_type', equals: 'sai' } } });
    expect(blocks.filter((b) => b.kind === 'question').map((b) => b.kind === 'question' && [b.question.id, b.number])).toEqual([
      ['centre_type', 1], ['visit.residents_interviewed', 2], ['visit.mediator_present', 3], ['visit.announced', 4],
    ]);
  });

  it('ends without a closing note: nothing is left out and no resident is to be thanked', () => {
    expect(blocks.at(-1)?.kind).toBe('item');
  });

  it('prints the resident surveys without a table', () => {
    expect(makePaperBlocks(builtIn('resident-satisfaction')).some(inTable)).toBe(false);
    expect(evidenceColumns(builtIn('centre-satisfaction'))).toEqual([]);
  });
});

describe('parseSheetCount: the number of sheets of a batch', () => {
  it('takes whole numbers from 1 to 500 and nothing else', () => {
    expect(['1', ' 42 ', '500'].map(parseSheetCount)).toEqual([1, 42, 500]);
    expect(['0', '501', '2.5', '-3', '', 'ten', '1e2'].map(parseSheetCount)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
