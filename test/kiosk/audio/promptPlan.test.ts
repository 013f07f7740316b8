import { describe, expect, it } from 'vitest';
import { makePromptPlanner } from '../../../src/kiosk/audio/promptPlan.ts';
import type { Translate } from '../../../src/survey/prompts.ts';
import type { SurveyDefinition } from '../../../src/survey/schema.ts';

const words: Record<string, Record<string, string>> = {
  en: { 'answer.yes': 'Yes', 'answer.no': 'No', 'answer.preferNot': 'I prefer not to answer', 'question.required': 'Please answer.', 'answer.ratingValue': '{{value}}', 'answer.ratingValueWithLabel': '{{value}}: {{label}}' },
  // French lacks "prefer not": the kiosk shows it in English, so it is spoken in English.
  fr: { 'answer.yes': 'Oui', 'answer.no': 'Non', 'question.required': 'Répondez, s.v.p.', 'answer.ratingValue': '{{value}}', 'answer.ratingValueWithLabel': '{{value}} : {{label}}' },
};
const translate: Translate = (language, key, params = {}) => words[language]?.[key]?.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));

// As the kiosk may meet it: a definition whose French lacks one label (parseSurvey would refuse it at publish time).
const survey = {
  schema: 'sayso/survey@1', id: 'demo', version: 1, title: { en: 'Demo' }, defaultLanguage: 'en', languages: ['en', 'fr'],
  items: [
    { kind: 'yesno', id: 'happy', text: { en: 'Are you happy?', fr: 'Êtes-vous heureux ?' }, hint: { en: 'Think of this week.', fr: 'Pensez à cette semaine.' }, pictogram: 'wellbeing', required: true, preferNotToAnswer: true },
    { kind: 'single', id: 'food', text: { en: 'Food?', fr: 'Repas ?' }, pictogram: 'food', audio: { fr: '/media/food-fr.ogg' }, choices: [
      { value: 'good', label: { en: 'Good', fr: 'Bon' }, pictogram: 'yes' },
      { value: 'bad', label: { en: 'Bad' }, pictogram: 'no' },
    ] },
    { kind: 'rating', id: 'score', text: { en: 'Score?', fr: 'Note ?' }, pictogram: 'rating', scale: '1-5', minLabel: { en: 'Awful', fr: 'Affreux' } },
  ],
} as unknown as SurveyDefinition;
const question = (id: string) => survey.items.find((item) => item.id === id) as Extract<(typeof survey.items)[number], { kind: 'yesno' | 'single' | 'rating' }>;

describe('makePromptPlanner', () => {
  const { plan } = makePromptPlanner(translate);

  it('reads a question (text and hint), then each answer in order, then "prefer not" and the required note', () => {
    const prompts = plan({ screen: 'question', language: 'fr', fallbackLanguage: 'en', survey, question: question('happy'), answered: false });
    expect(prompts.map((p) => [p.key, p.language, p.text, p.target])).toEqual([
      ['demo.happy', 'fr', 'Êtes-vous heureux ? Pensez à cette semaine.', undefined],
      ['app.answer.yes', 'fr', 'Oui', 0],
      ['app.answer.no', 'fr', 'Non', 1],
      ['app.answer.preferNot', 'en', 'I prefer not to answer', 'preferNot'],
      ['app.question.required', 'fr', 'Répondez, s.v.p.', undefined],
    ]);
    expect(plan({ screen: 'question', language: 'fr', fallbackLanguage: 'en', survey, question: question('happy'), answered: true }).map((p) => p.key)).not.toContain('app.question.required');
  });

  it('speaks a choice shown in the survey\'s default language in that language, and names the survey\'s own clip', () => {
    const prompts = plan({ screen: 'question', language: 'fr', fallbackLanguage: 'en', survey, question: question('food'), answered: false });
    expect(prompts.map((p) => [p.key, p.language, p.text, p.surveyClipUrl])).toEqual([
      ['demo.food', 'fr', 'Repas ?', '/media/food-fr.ogg'],
      ['demo.food.good', 'fr', 'Bon', undefined],
      ['demo.food.bad', 'en', 'Bad', undefined],
    ]);
  });

  it('reads rating numbers with the shared number prompts and the labelled edge with its own', () => {
    const prompts = plan({ screen: 'question', language: 'fr', fallbackLanguage: 'en', survey, question: question('score'), answered: true });
    expect(prompts.slice(1).map((p) => [p.key, p.text, p.target])).toEqual([
      ['demo.score.min', '1 : Affreux', 0],
      ['app.answer.ratingValue.2', '2', 1],
      ['app.answer.ratingValue.3', '3', 2],
      ['app.answer.ratingValue.4', '4', 3],
      ['app.answer.ratingValue.5', '5', 4],
    ]);
  });

  it('says each language\'s name in that language on the language screen', () => {
    const prompts = plan({ screen: 'language', language: 'en', languages: ['fr', 'ar'] });
    expect(prompts.map((p) => [p.key, p.language, p.text])).toEqual([
      ['app.language.self', 'fr', 'Français'],
      ['app.language.self', 'ar', 'العربية'],
    ]);
  });
});
