import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSurvey } from '../../../../src/survey/parseSurvey.ts';
import type { Question } from '../../../../src/survey/schema.ts';
import type { DraftDefinition } from '../../../../src/staff/authoring/editor/draftPaths.ts';
import { changeKind, freshChoiceValue, freshId, newGroup, newQuestion, QUESTION_KINDS, renameReferences, setText } from '../../../../src/staff/authoring/editor/editItems.ts';

const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8')) as DraftDefinition;

describe('editing questions', () => {
  it('makes a new question of every kind that passes the checker once its text is written', () => {
    for (const kind of QUESTION_KINDS) {
      const question = newQuestion(kind, 'q1');
      const withWords = { ...question, text: { en: 'Words' } } as Question;
      if (withWords.kind === 'single' || withWords.kind === 'multi') withWords.choices = withWords.choices.map((c) => ({ ...c, label: { en: c.value } }));
      const result = parseSurvey({ schema: 'sayso/survey@1', id: 'blank', version: 1, title: { en: 'T' }, defaultLanguage: 'en', languages: ['en'], items: [withWords] });
      expect(result, kind).toMatchObject({ ok: true });
    }
  });

  it('gives ids not yet used, for questions and groups', () => {
    const d = { ...mini, items: [...mini.items, newQuestion('yesno', 'q1'), newGroup('group1', 'q2')] };
    expect(freshId(d)).toBe('q3');
    expect(freshId(d, 'group')).toBe('group2');
    expect(freshChoiceValue([{ value: 'c3', label: {}, pictogram: 'yes' }, { value: 'a', label: {}, pictogram: 'no' }])).toBe('c4');
  });

  it('keeps words, pictogram, rules and relevance when the kind changes, and the choices between single and multi', () => {
    const reasons = (mini.items[0] as { items: Question[] }).items[1]!;
    const single = changeKind(reasons, 'single');
    expect(single).toMatchObject({ kind: 'single', id: 'room.reasons', text: reasons.text, pictogram: 'room', preferNotToAnswer: true, relevant: { q: 'room.satisfied', equals: false } });
    expect(single.kind === 'single' && single.choices).toEqual((reasons as Extract<Question, { kind: 'multi' }>).choices);
    const rating = changeKind(reasons, 'rating');
    expect(rating).toMatchObject({ kind: 'rating', scale: '0-10' });
    expect('choices' in rating).toBe(false);
    // An information screen takes no answer: it cannot stay required or declinable.
    expect(changeKind({ ...reasons, required: true }, 'info')).toMatchObject({ kind: 'info', required: false, preferNotToAnswer: false });
  });

  it('follows a renamed id into every condition that names it, nested or in groups', () => {
    const items = renameReferences(
      [...mini.items, { ...newQuestion('text', 'later'), relevant: { any: [{ q: 'room.satisfied', equals: true }, { not: { q: 'overall', gt: 3 } }] } }],
      'room.satisfied',
      'room.ok',
    );
    expect(JSON.stringify(items)).not.toContain('"q":"room.satisfied"');
    expect((items[0] as { items: Question[] }).items[1]!.relevant).toEqual({ q: 'room.ok', equals: false });
    expect(items[3]!.relevant).toEqual({ any: [{ q: 'room.ok', equals: true }, { not: { q: 'overall', gt: 3 } }] });
  });

  it('clears a language when its text is emptied, so the checker names what is missing rather than an empty string', () => {
    expect(setText({ en: 'Yes', ar: 'نعم' }, 'ar', '')).toEqual({ en: 'Yes' });
    expect(setText(undefined, 'fr', 'Oui')).toEqual({ fr: 'Oui' });
  });
});
