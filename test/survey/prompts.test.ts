import { describe, expect, it } from 'vitest';
import { builtInPrompts } from '../../scripts/audio/builtInPrompts.ts';
import { LAUNCH_LANGUAGES } from '../../src/survey/languages.ts';
import { parseSurvey } from '../../src/survey/parseSurvey.ts';
import { appPrompts, promptTextHash, surveyPrompts, translateFromBundles } from '../../src/survey/prompts.ts';

const translate = translateFromBundles({
  en: { consent: { duration: 'It takes about {{minutes}} minutes.' }, answer: { ratingValue: '{{value}}', ratingValueWithLabel: '{{value}}: {{label}}', yes: 'Yes' } },
  fr: { answer: { yes: 'Oui', ratingValue: '{{value}}' } },
});

describe('prompt keys', () => {
  it('name every question, choice, group title, rating edge and the duration of a survey', () => {
    const parsed = parseSurvey({
      schema: 'sayso/survey@1', id: 'demo', version: 1, title: { en: 'Demo' }, defaultLanguage: 'en', languages: ['en'], estimatedMinutes: 4,
      items: [{ kind: 'group', id: 'room', title: { en: 'Your room' }, pictogram: 'room', items: [
        { kind: 'single', id: 'room.why', text: { en: 'Why?' }, hint: { en: 'Pick one.' }, pictogram: 'room', choices: [
          { value: 'noise', label: { en: 'Noise' }, pictogram: 'noise' }, { value: 'Other', label: { en: 'Other' }, pictogram: 'other', promptKey: 'shared.other' }] },
        { kind: 'rating', id: 'room.score', scale: '0-10', text: { en: 'Score?' }, pictogram: 'rating', minLabel: { en: 'Bad' } },
      ] }],
    });
    if (!parsed.ok) throw new Error('fixture invalid');
    const prompts = surveyPrompts(parsed.survey, translate);
    expect(prompts.map((p) => [p.key, p.text.en])).toEqual([
      ['demo.duration', 'It takes about 4 minutes.'],
      ['demo.group.room', 'Your room'],
      ['demo.room.why', 'Why? Pick one.'],
      ['demo.room.why.noise', 'Noise'],
      ['shared.other', 'Other'],
      ['demo.room.score', 'Score?'],
      ['demo.room.score.min', '0: Bad'],
    ]);
  });

  it('give the kiosk\'s own words only in the languages that have them', () => {
    const prompts = appPrompts(['en', 'fr', 'ps'], translate, (language) => `name-${language}`);
    expect(prompts.find((p) => p.key === 'app.answer.yes')!.text).toEqual({ en: 'Yes', fr: 'Oui' });
    expect(prompts.find((p) => p.key === 'app.answer.ratingValue.7')!.text).toEqual({ en: '7', fr: '7' });
    expect(prompts.find((p) => p.key === 'app.language.self')!.text).toEqual({ en: 'name-en', fr: 'name-fr', ps: 'name-ps' });
  });

  it('are unique across the built-in surveys and screens, and every one has text in every launch language', () => {
    const prompts = builtInPrompts();
    expect(new Set(prompts.map((p) => p.key)).size).toBe(prompts.length);
    const gaps = prompts.flatMap((p) => LAUNCH_LANGUAGES.filter((language) => !p.text[language]).map((language) => `${language}:${p.key}`));
    expect(gaps).toEqual([]);
  });
});

describe('promptTextHash', () => {
  it('tells wordings apart and ignores spacing', () => {
    expect(promptTextHash('Are you safe?')).toMatch(/^[0-9a-f]{14}$/);
    expect(promptTextHash('Are you safe?')).toBe(promptTextHash('  Are  you safe? '));
    expect(promptTextHash('Are you safe?')).not.toBe(promptTextHash('Are you safe'));
  });
});
