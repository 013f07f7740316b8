import { describe, expect, it } from 'vitest';
import { parseSurvey } from '../../src/survey/parseSurvey.ts';
import { validateAnswers } from '../../src/survey/validateAnswers.ts';
import { relevantAnswers, visibleQuestions } from '../../src/survey/visibleQuestions.ts';
import { loadFixture } from './loadFixture.ts';

const parsed = parseSurvey(loadFixture('mini-survey.json'));
if (!parsed.ok) throw new Error('fixture must be valid');
const survey = parsed.survey;

describe('visibleQuestions and relevantAnswers', () => {
  it('hides the reasons until the respondent says "no"', () => {
    expect(visibleQuestions(survey, {}).map((p) => p.question.id)).toEqual(['room.satisfied', 'room.score', 'overall', 'comment']);
    expect(visibleQuestions(survey, { 'room.satisfied': false }).map((p) => p.question.id)).toContain('room.reasons');
  });

  it('drops reasons given before the answer changed to "yes"', () => {
    expect(relevantAnswers(survey, { 'room.satisfied': true, 'room.reasons': ['noise'], overall: 4 })).toEqual({ 'room.satisfied': true, overall: 4 });
  });
});

describe('validateAnswers', () => {
  it('accepts a complete response with every required answer', () => {
    expect(validateAnswers(survey, { 'room.satisfied': false, 'room.reasons': ['noise'], 'room.score': 0 }, 'complete')).toEqual([]);
  });

  it('names each wrong answer and each missing required one', () => {
    const problems = validateAnswers(survey, { 'room.satisfied': 'yes', overall: 6, ghost: 1 }, 'complete');
    expect(problems).toEqual(expect.arrayContaining([
      { questionId: 'room.satisfied', message: 'must be true or false' },
      { questionId: 'overall', message: 'must be a whole number from 1 to 5' },
      { questionId: 'ghost', message: 'is not a question of this survey version' },
      { questionId: 'room.score', message: 'is required' },
    ]));
  });

  it('lets a partial response miss required answers but not break the definition', () => {
    expect(validateAnswers(survey, { 'room.satisfied': true }, 'partial')).toEqual([]);
    expect(validateAnswers(survey, { 'room.satisfied': true, 'room.reasons': ['noise'] }, 'partial')).toEqual([
      { questionId: 'room.reasons', message: 'is answered but not shown for these answers' },
    ]);
  });

  it('accepts "prefer not to answer" only where it is offered', () => {
    expect(validateAnswers(survey, { 'room.satisfied': false, 'room.reasons': 'prefer-not-to-answer' }, 'partial')).toEqual([]);
    expect(validateAnswers(survey, { overall: 'prefer-not-to-answer' }, 'partial')).toEqual([
      { questionId: 'overall', message: 'does not offer "prefer not to answer"' },
    ]);
  });

  it('refuses unknown or repeated choices', () => {
    expect(validateAnswers(survey, { 'room.satisfied': false, 'room.reasons': ['noise', 'noise', 'mice'] }, 'partial')[0]?.message).toBe('has unknown choices: mice');
  });
});
