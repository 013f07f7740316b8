import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeRelevance, type RelevanceContext } from '../../../src/inspector/print/describeRelevance.ts';
import type { Condition, Question } from '../../../src/survey/schema.ts';

/** The sheet's words as shipped (public/locales/<lng>/paper.json, paperForm.relevance). */
function relevanceWords(language: string) {
  const bundle = JSON.parse(readFileSync(`public/locales/${language}/paper.json`, 'utf8')) as { paperForm: { relevance: Record<string, string> } };
  return (key: string, vars: Record<string, string | number> = {}) => {
    const template = bundle.paperForm.relevance[key];
    if (template === undefined) throw new Error(`no paperForm.relevance.${key} in ${language}`);
    return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
  };
}

const questions: Record<string, Question> = {
  'room.satisfied': { id: 'room.satisfied', kind: 'yesno', text: { en: 'Room?' }, pictogram: 'room', required: false, preferNotToAnswer: true, demographic: false },
  'room.reasons': {
    id: 'room.reasons', kind: 'multi', text: { en: 'Why?' }, pictogram: 'room', required: false, preferNotToAnswer: false, demographic: false,
    choices: [{ value: 'noise', label: { en: 'Noise' }, pictogram: 'noise' }, { value: 'cold', label: { en: 'Too cold' }, pictogram: 'temperature' }],
  },
  'room.score': { id: 'room.score', kind: 'rating', scale: '0-10', text: { en: 'Score' }, pictogram: 'rating', required: false, preferNotToAnswer: false, demographic: false },
};
const numbers: Record<string, number> = { 'room.satisfied': 3, 'room.reasons': 4, 'room.score': 5 };

function context(language = 'en'): RelevanceContext {
  return {
    numberOf: (id) => numbers[id],
    question: (id) => questions[id],
    valueLabel: (question, value) => {
      if (question?.kind === 'yesno') return value ? 'Yes' : 'No';
      if (question?.kind === 'multi') return question.choices.find((c) => c.value === value)?.label.en ?? String(value);
      return String(value);
    },
    translate: relevanceWords(language),
  };
}

const say = (condition: Condition, scope?: 'question' | 'section') => describeRelevance(condition, context(), scope);

describe('describeRelevance: a relevance condition as an instruction printed on the sheet', () => {
  it('names the printed question number and the answer as the respondent saw it', () => {
    expect(say({ q: 'room.satisfied', equals: false })).toBe('Answer only if you answered “No” to question 3.');
    expect(say({ q: 'room.reasons', includes: 'cold' })).toBe('Answer only if you ticked “Too cold” in question 4.');
    expect(say({ q: 'room.satisfied', answered: false })).toBe('Answer only if you left question 3 blank.');
  });

  it('says number comparisons in words', () => {
    expect(say({ q: 'room.score', lt: 5 })).toBe('Answer only if your answer to question 5 is less than 5.');
    expect(say({ q: 'room.score', gte: 8 })).toBe('Answer only if your answer to question 5 is 8 or more.');
  });

  it('turns a negation into its opposite rather than printing "not (...)"', () => {
    expect(say({ not: { q: 'room.score', lt: 5 } })).toBe('Answer only if your answer to question 5 is 5 or more.');
    expect(say({ not: { q: 'room.satisfied', equals: true } })).toBe('Answer only if you did not answer “Yes” to question 3.');
    expect(say({ not: { any: [{ q: 'room.satisfied', answered: true }, { q: 'room.score', gt: 2 }] } })).toBe(
      'Answer only if you left question 3 blank and your answer to question 5 is 2 or less.',
    );
  });

  it('brackets a group inside another so the sentence reads one way only', () => {
    const condition: Condition = { any: [{ all: [{ q: 'room.satisfied', equals: false }, { q: 'room.score', lte: 3 }] }, { q: 'room.reasons', includes: 'noise' }] };
    expect(say(condition)).toBe('Answer only if (you answered “No” to question 3 and your answer to question 5 is 3 or less) or you ticked “Noise” in question 4.');
  });

  it('words a section heading\'s condition for the whole part, and refers to a question not on paper without a number', () => {
    expect(say({ q: 'room.satisfied', equals: true }, 'section')).toBe('Answer this part only if you answered “Yes” to question 3.');
    expect(say({ q: 'closing.spoken', answered: true })).toBe('Answer only if you answered an earlier question.');
  });

  it('has the instruction in every launch language of the sheet', () => {
    const ar = describeRelevance({ q: 'room.satisfied', equals: false }, context('ar'));
    expect(ar).toBe('أجب فقط إذا أجبت بـ «No» عن السؤال 3.');
    for (const language of ['fr', 'ti', 'ckb']) expect(describeRelevance({ q: 'room.score', gt: 1 }, context(language))).toMatch(/5/);
  });
});
