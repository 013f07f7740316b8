import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { paperCodeOf, paperOptions, readPaperCell } from '../../../src/survey/paper/paperAnswers.ts';
import { ItemSchema, PREFER_NOT_TO_ANSWER, type Question } from '../../../src/survey/schema.ts';

const question = (raw: Record<string, unknown>) => v.parse(ItemSchema, { id: 'q', text: { en: 'Q' }, pictogram: 'room', ...raw }) as Question;
const choices = ['noise', 'cold', 'dirt'].map((value) => ({ value, label: { en: value }, pictogram: 'room' }));
const yesno = question({ kind: 'yesno' });
const multi = question({ kind: 'multi', choices });
const single = question({ kind: 'single', choices, preferNotToAnswer: true });
const rating = question({ kind: 'rating', scale: '0-10' });
const text = question({ kind: 'text', maxLength: 10 });

describe('paper answer codes', () => {
  it('numbers options in print order; a rating is its own number', () => {
    expect(paperOptions(yesno)).toEqual([{ code: '1', value: true }, { code: '2', value: false }]);
    expect(paperOptions(question({ kind: 'compliance' })).map((o) => o.value)).toEqual(['effective', 'partial', 'critical']);
    expect(paperOptions(rating).map((o) => o.code)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(paperOptions(text)).toEqual([]);
  });

  it('reads codes, stored values and the marks for blank, unreadable and prefer-not', () => {
    expect(readPaperCell(yesno, '1')).toEqual({ kind: 'value', value: true });
    expect(readPaperCell(yesno, 'No')).toEqual({ kind: 'value', value: false });
    expect(readPaperCell(single, ' cold ')).toEqual({ kind: 'value', value: 'cold' });
    expect(readPaperCell(single, 'p')).toEqual({ kind: 'value', value: PREFER_NOT_TO_ANSWER });
    expect(readPaperCell(rating, '10')).toEqual({ kind: 'value', value: 10 });
    expect(readPaperCell(multi, '1;3')).toEqual({ kind: 'value', value: ['noise', 'dirt'] });
    expect(readPaperCell(multi, '31')).toEqual({ kind: 'value', value: ['dirt', 'noise'] });
    expect(readPaperCell(multi, '')).toEqual({ kind: 'blank' });
    expect(readPaperCell(rating, '-')).toEqual({ kind: 'blank' });
    expect(readPaperCell(rating, '?')).toEqual({ kind: 'unreadable' });
    expect(readPaperCell(text, 'too warm')).toEqual({ kind: 'value', value: 'too warm' });
  });

  it('refuses what the form does not offer, with the codes it does', () => {
    expect(readPaperCell(rating, '11')).toEqual({ kind: 'error', message: '"11" is not an option: write a number from 0 to 10' });
    expect(readPaperCell(multi, '1;4')).toMatchObject({ kind: 'error', message: expect.stringContaining('a code from 1 to 3') });
    expect(readPaperCell(yesno, 'p')).toEqual({ kind: 'error', message: 'does not offer "prefer not to answer"' });
    expect(readPaperCell(text, 'much too long')).toMatchObject({ kind: 'error' });
  });

  it('never takes a formula', () => {
    expect(readPaperCell(rating, '=1+1')).toMatchObject({ kind: 'error', message: expect.stringContaining('formula') });
    expect(readPaperCell(text, '=HYPERLINK("http://x")')).toMatchObject({ kind: 'error', message: expect.stringContaining('formula') });
    expect(readPaperCell(text, '@SUM(A1)')).toMatchObject({ kind: 'error' });
    expect(readPaperCell(text, '-5 degrees')).toEqual({ kind: 'value', value: '-5 degrees' });
  });

  it('prints back the code of a stored value', () => {
    expect(paperCodeOf(yesno, false)).toBe('2');
    expect(paperCodeOf(multi, ['noise', 'dirt'])).toBe('1;3');
    expect(paperCodeOf(single, PREFER_NOT_TO_ANSWER)).toBe('p');
    expect(paperCodeOf(rating, 7)).toBe('7');
  });
});
