import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeProblems, parseSurvey } from '../../src/survey/parseSurvey.ts';
import type { Answers } from '../../src/survey/answers.ts';
import { visibleQuestions } from '../../src/survey/visibleQuestions.ts';
import { listQuestions } from '../../src/survey/walkItems.ts';
import { convertReception50, type Reception50Source } from './convertReception50.ts';

const source = JSON.parse(readFileSync(new URL('./reception-50.source.json', import.meta.url), 'utf8')) as Reception50Source;

function parsed() {
  const result = parseSurvey(convertReception50(source));
  if (!result.ok) throw new Error(describeProblems(result.problems));
  return result.survey;
}

describe('convertReception50', () => {
  it('gives a definition parseSurvey accepts', () => {
    const result = parseSurvey(convertReception50(source));
    expect(result.ok ? [] : describeProblems(result.problems)).toEqual([]);
    expect(result.ok && result.survey.id).toBe('reception-50');
  });

  it('has 50 questions: 10 topics of satisfied, rating, reasons, smiley, comment', () => {
    const survey = parsed();
    const questions = listQuestions(survey.items).map((p) => p.question);
    expect(questions).toHaveLength(50);
    expect(survey.items).toHaveLength(10);
    expect(questions.slice(0, 5).map((q) => [q.id, q.kind, q.required])).toEqual([
      ['room.satisfied', 'yesno', true],
      ['room.rating', 'rating', true],
      ['room.reasons', 'multi', false],
      ['room.smiley', 'faces', true],
      ['room.comment', 'text', false],
    ]);
    const rating = questions[1];
    expect(rating?.kind === 'rating' && [rating.scale, rating.minLabel?.en, rating.maxLabel?.en]).toEqual(['0-10', 'Very bad', 'Excellent']);
    expect(questions[0]?.text).toEqual({ en: 'Are you satisfied with your room?', ar: 'هل أنت راضٍ عن غرفتك؟' });
  });

  it('shows the reasons only after "no"', () => {
    const survey = parsed();
    const shown = (answers: Answers) => visibleQuestions(survey, answers).map((p) => p.question.id);

    expect(shown({})).toHaveLength(40);
    expect(shown({}).some((id) => id.endsWith('.reasons'))).toBe(false);
    expect(shown({ 'room.satisfied': true })).not.toContain('room.reasons');
    expect(shown({ 'room.satisfied': false })).toContain('room.reasons');
    expect(shown({ 'room.satisfied': false }).indexOf('room.reasons')).toBe(shown({ 'room.satisfied': false }).indexOf('room.rating') + 1);

    const allNo = Object.fromEntries(source.topics.map((t) => [`${t.id}.satisfied`, false]));
    expect(shown(allNo)).toHaveLength(50);
  });
});
