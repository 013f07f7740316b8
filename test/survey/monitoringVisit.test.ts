import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSurvey } from '../../src/survey/parseSurvey.ts';
import { surveyPrompts, translateFromBundles } from '../../src/survey/prompts.ts';
import { isForInspectors } from '../../src/survey/schema.ts';
import { listQuestions } from '../../src/survey/walkItems.ts';
import { visibleQuestions } from '../../src/survey/visibleQuestions.ts';

const parsed = parseSurvey(JSON.parse(readFileSync('public/surveys/monitoring-visit.json', 'utf8')));
if (!parsed.ok) throw new Error('monitoring-visit is invalid');
const survey = parsed.survey;
const questions = listQuestions(survey.items);

describe('monitoring-visit (SMAcc model)', () => {
  it('is an inspectors\' survey, with English reviewed and the other languages waiting for review', () => {
    expect(isForInspectors(survey)).toBe(true);
    expect(survey.translationStatus).toMatchObject({ en: 'reviewed', it: 'unreviewed', fr: 'unreviewed', nl: 'unreviewed', de: 'unreviewed', pl: 'unreviewed' });
  });

  it('starts with the centre type and the visit facts, none of them about a person', () => {
    expect(survey.items.slice(0, 4).map((item) => item.id)).toEqual(['centre_type', 'visit.residents_interviewed', 'visit.mediator_present', 'visit.announced']);
    const centre = survey.items[0];
    expect(centre?.kind === 'single' && centre.choices.map((c) => c.value)).toEqual(['cpa', 'cas', 'sai']);
    expect(questions.filter((p) => p.question.demographic)).toEqual([]);
  });

  it('rates every item effective / partial / critical per evidence source, with a notes field, and requires nothing', () => {
    expect(questions.filter((p) => p.question.required)).toEqual([]);
    for (const { question, groups } of questions.filter((p) => p.groups.length === 2)) {
      if (question.kind === 'text') expect(question.id).toBe(`${groups[1]!.id}.notes`);
      else expect([question.kind, question.kind === 'compliance' && question.evidence !== undefined]).toEqual(['compliance', true]);
    }
  });

  it('shows the items of one centre type only for that type, and every item while the type is not marked', () => {
    const ids = (answers: Record<string, string>) => new Set(visibleQuestions(survey, answers).map((p) => p.question.id));
    expect(ids({ centre_type: 'sai' }).has('integration.job_orientation.resident_interview')).toBe(true);
    expect(ids({ centre_type: 'cas' }).has('integration.job_orientation.resident_interview')).toBe(false);
    expect(ids({ centre_type: 'cpa' }).has('integration.language_courses.observation')).toBe(false);
    expect(ids({ centre_type: 'sai' }).has('health.arrival_check.managing_body')).toBe(false);
    expect(ids({}).size).toBe(questions.length);
  });

  it('has no audio prompts: an inspector reads it, no respondent hears it', () => {
    expect(surveyPrompts(survey, translateFromBundles({}))).toEqual([]);
  });

  it('refuses an evidence source or an audience the schema does not know', () => {
    const bad = JSON.parse(readFileSync('public/surveys/monitoring-visit.json', 'utf8'));
    bad.audience = 'tablets';
    bad.items[4].items[0].items[0].evidence = 'hearsay';
    const result = parseSurvey(bad);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['audience', 'items[4].items[0].items[0].evidence']));
  });
});
