import { describe, expect, it } from 'vitest';
import { freeSurveyId, isSurveyId, surveyIdFrom } from '../../../src/staff/authoring/surveyIdRules.ts';

describe('survey ids on the staff screens', () => {
  it('takes what the server takes', () => {
    expect(['desk-feedback', 'ab', 'a'.repeat(63)].map(isSurveyId)).toEqual([true, true, true]);
    expect(['a', 'Desk', '1desk', 'desk_feedback', 'a'.repeat(64), ''].map(isSurveyId)).toEqual([false, false, false, false, false, false]);
  });

  it('suggests an id from a title or a file name', () => {
    expect(surveyIdFrom('Service desk (Vilnius).xlsx')).toBe('service-desk-vilnius');
    expect(surveyIdFrom('Évaluation du centre')).toBe('evaluation-du-centre');
    expect(surveyIdFrom('2023 Kobo form.xls')).toBe('kobo-form');
    expect(surveyIdFrom('استبيان')).toBe('');
  });

  it('gives the first free one, numbered after the taken ones', () => {
    const taken = new Set(['quick-check', 'quick-check-2']);
    expect(freeSurveyId('quick-check', taken)).toBe('quick-check-3');
    expect(freeSurveyId('service-desk-smiley', taken)).toBe('service-desk-smiley');
    expect(freeSurveyId('استبيان', taken)).toBe('survey');
  });
});
