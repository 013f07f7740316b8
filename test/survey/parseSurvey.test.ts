import { describe, expect, it } from 'vitest';
import { describeProblems, parseSurvey } from '../../src/survey/parseSurvey.ts';
import { loadFixture } from './loadFixture.ts';

const problemsOf = (input: unknown) => {
  const result = parseSurvey(input);
  if (result.ok) throw new Error('expected the definition to be refused');
  return result.problems;
};

describe('parseSurvey', () => {
  it('accepts a valid multilingual definition and fills defaults', () => {
    const result = parseSurvey(loadFixture('mini-survey.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const comment = result.survey.items[2];
    expect(comment).toMatchObject({ kind: 'text', required: false, preferNotToAnswer: false, maxLength: 1000 });
  });

  it('refuses a definition that is not an object, naming the problem', () => {
    expect(problemsOf('nonsense')[0]?.message).toMatch(/object/i);
  });

  it('names the path and the problem of an unknown question kind', () => {
    const survey = loadFixture('mini-survey.json');
    survey.items[1].kind = 'slider';
    const problems = problemsOf(survey);
    expect(problems).toContainEqual({ path: 'items[1].kind', message: expect.stringContaining('kind must be one of') });
  });

  it('refuses a pictogram the app does not ship', () => {
    const survey = loadFixture('mini-survey.json');
    survey.items[0].items[0].pictogram = 'unicorn';
    expect(problemsOf(survey)).toContainEqual({ path: 'items[0].items[0].pictogram', message: expect.stringContaining('pictogram') });
  });

  it('refuses unknown fields instead of ignoring them', () => {
    const survey = loadFixture('mini-survey.json');
    survey.items[1].colour = 'red';
    expect(problemsOf(survey)[0]?.path).toBe('items[1].colour');
  });

  it('refuses a rating scale agencies do not use', () => {
    const survey = loadFixture('mini-survey.json');
    survey.items[0].items[2].scale = '0-7';
    expect(describeProblems(problemsOf(survey))).toContain('items[0].items[2].scale: must be one of "0-10", "1-5", "1-6", "1-10"');
  });

  it('names every missing translation by path and language', () => {
    const survey = loadFixture('mini-survey.json');
    delete survey.items[0].items[1].choices[1].label.ar;
    delete survey.title.ar;
    const problems = problemsOf(survey);
    expect(problems).toContainEqual({ path: 'items[0].items[1].choices[1].label.ar', message: 'missing translation for Arabic (ar)' });
    expect(problems).toContainEqual({ path: 'title.ar', message: 'missing translation for Arabic (ar)' });
  });

  it('refuses duplicate question ids and duplicate choice values', () => {
    const survey = loadFixture('mini-survey.json');
    survey.items[2].id = 'overall';
    survey.items[0].items[1].choices[1].value = 'noise';
    const text = describeProblems(problemsOf(survey));
    expect(text).toContain('items[2].id: id "overall" is already used at items[1]');
    expect(text).toContain('items[0].items[1].choices[1].value: value "noise" is used twice');
  });

  it('refuses a relevance condition pointing at a missing or later question', () => {
    const survey = loadFixture('mini-survey.json');
    survey.items[0].items[0].relevant = { q: 'overall', equals: 3 };
    survey.items[1].relevant = { all: [{ q: 'room.satisfied', equals: true }, { q: 'nope', answered: true }] };
    const text = describeProblems(problemsOf(survey));
    expect(text).toContain('items[0].items[0].relevant: refers to question "overall", which does not come before it');
    expect(text).toContain('items[1].relevant: refers to question "nope", which does not exist');
  });

  it('refuses a malformed condition', () => {
    const survey = loadFixture('mini-survey.json');
    survey.items[1].relevant = { q: 'room.satisfied', sortOf: true };
    expect(problemsOf(survey)[0]).toMatchObject({ path: 'items[1].relevant', message: expect.stringContaining('condition') });
  });

  it('refuses a default language that the survey does not have', () => {
    const survey = loadFixture('mini-survey.json');
    survey.defaultLanguage = 'fr';
    expect(problemsOf(survey)).toContainEqual({ path: 'defaultLanguage', message: '"fr" is not in languages' });
  });

  it('refuses the reserved "prefer not to answer" value as a choice', () => {
    const survey = loadFixture('mini-survey.json');
    survey.items[0].items[1].choices[0].value = 'prefer-not-to-answer';
    expect(describeProblems(problemsOf(survey))).toContain('is reserved');
  });
});
