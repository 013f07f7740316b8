import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSurvey } from '../../../../src/survey/parseSurvey.ts';
import type { DraftDefinition } from '../../../../src/staff/authoring/editor/draftPaths.ts';
import { placeProblems, problemsAt, translationCellId } from '../../../../src/staff/authoring/editor/problemPlaces.ts';
import { addLanguage, changeText, missingCounts, removeLanguage, setTranslationStatus, surveyTexts, textAt } from '../../../../src/staff/authoring/editor/surveyTexts.ts';

const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8')) as DraftDefinition;

describe('the texts of a survey, side by side', () => {
  it('lists every text in the order a respondent meets it, with where it sits', () => {
    const entries = surveyTexts(mini);
    expect(entries.map((e) => `${e.role}:${e.owner}`)).toEqual([
      'title:mini', 'groupTitle:room', 'question:room.satisfied', 'question:room.reasons', 'choice:room.reasons · noise', 'choice:room.reasons · cold',
      'question:room.score', 'question:overall', 'question:comment',
    ]);
    expect(entries[4]).toMatchObject({ item: [0, 1], field: 'choices[0].label' });
    expect(textAt(mini, [0, 1], 'choices[1].label')).toEqual({ en: 'Too cold', ar: 'بارد جدًا' });
  });

  it('counts what a new language lacks, marks it unreviewed, and counts nothing once it is written', () => {
    const withFrench = addLanguage(mini, 'fr');
    expect(withFrench.languages).toEqual(['en', 'ar', 'fr']);
    expect(withFrench.translationStatus).toMatchObject({ fr: 'unreviewed' });
    expect(missingCounts(surveyTexts(withFrench), withFrench.languages)).toEqual({ en: 0, ar: 0, fr: 9 });
    let written = withFrench;
    for (const entry of surveyTexts(withFrench)) written = changeText(written, entry.item, entry.field, (text) => ({ ...text, fr: `fr ${entry.owner}` }));
    expect(missingCounts(surveyTexts(written), written.languages).fr).toBe(0);
    expect(parseSurvey(written).ok).toBe(true);
    // The checker agrees with the count: one problem per missing text.
    const problems = parseSurvey(withFrench);
    expect(problems.ok === false && problems.problems.length).toBe(9);
  });

  it('removes a language and its words everywhere, never the default one', () => {
    const english = removeLanguage(mini, 'ar');
    expect(english.languages).toEqual(['en']);
    expect(JSON.stringify(english)).not.toMatch(/"ar"/);
    expect(parseSurvey(english).ok).toBe(true);
    expect(removeLanguage(mini, 'en')).toBe(mini);
    expect(setTranslationStatus(mini, 'ar', 'machine').translationStatus).toEqual({ en: 'reviewed', ar: 'machine' });
  });

  it("puts the checker's problems beside their field, and a missing translation in its table cell", () => {
    const withFrench = addLanguage({ ...mini, items: [...mini.items, { kind: 'yesno', id: 'room.satisfied', text: { en: 'Again' }, pictogram: 'room' }] } as DraftDefinition, 'fr');
    const result = parseSurvey(withFrench);
    expect(result.ok).toBe(false);
    const placed = placeProblems(result.ok ? [] : result.problems, withFrench);
    const choiceLabel = placed.find((p) => p.path === 'items[0].items[1].choices[1].label.fr')!;
    expect(choiceLabel).toMatchObject({ item: [0, 1], field: 'choices[1].label', language: 'fr', inTranslations: true, target: translationCellId([0, 1], 'choices[1].label', 'fr') });
    expect(choiceLabel.target).toBe('ed-tr-0-1-choices-1-label-fr');
    const duplicate = placed.find((p) => p.message.includes('already used'))!;
    expect(duplicate).toMatchObject({ item: [3], field: 'id', inTranslations: false, target: 'ed-item-3-id' });
    expect(problemsAt(placed, [3], 'id')).toEqual([duplicate]);
    expect(problemsAt(placed, undefined, 'title').map((p) => p.path)).toEqual(['title.fr']);
  });
});
