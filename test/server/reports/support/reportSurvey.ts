import type { Choice, SurveyDefinition } from '../../../../src/survey/schema.ts';

/**
 * A small survey with every kind a report handles: indicators of each scale, a rating with
 * end labels, a multi-select with "prefer not to answer", free text, and two demographics.
 * Version 2 adds a reason; version 1 had a reason ("smell") that version 2 dropped.
 */
export function reportSurvey(version: 1 | 2 = 1): SurveyDefinition {
  const reasons: Choice[] = [
    { value: 'noise', pictogram: 'noise', label: { en: 'Too noisy' } },
    { value: 'cold', pictogram: 'temperature', label: { en: 'Too cold' } },
    version === 1
      ? { value: 'smell', pictogram: 'dirty', label: { en: 'It smells' } }
      : { value: 'crowded', pictogram: 'crowded', label: { en: 'Too crowded' } },
  ];
  return {
    schema: 'sayso/survey@1',
    id: 'report-test',
    version,
    title: { en: 'Report test' },
    defaultLanguage: 'en',
    languages: ['en'],
    translationStatus: {},
    items: [
      {
        kind: 'group', id: 'room', title: { en: 'Your room' }, pictogram: 'room',
        items: [
          { kind: 'yesno', id: 'room.satisfied', required: true, preferNotToAnswer: true, demographic: false, pictogram: 'room', text: { en: 'Happy with your room?' } },
          {
            kind: 'multi', id: 'room.reasons', required: false, preferNotToAnswer: true, demographic: false, pictogram: 'room',
            relevant: { q: 'room.satisfied', equals: false }, text: { en: 'Why not?' }, choices: reasons,
          },
          {
            kind: 'rating', id: 'room.score', scale: '0-10', required: false, preferNotToAnswer: true, demographic: false, pictogram: 'rating',
            text: { en: 'Rate your room' }, minLabel: { en: 'Very bad' }, maxLabel: { en: 'Very good' },
          },
        ],
      },
      { kind: 'faces', id: 'mood', faces: 5, required: false, preferNotToAnswer: false, demographic: false, pictogram: 'wellbeing', text: { en: 'How do you feel?' } },
      { kind: 'faces', id: 'desk', faces: 3, required: false, preferNotToAnswer: false, demographic: false, pictogram: 'help', text: { en: 'The desk?' } },
      { kind: 'expectation', id: 'food', required: false, preferNotToAnswer: true, demographic: false, pictogram: 'food', text: { en: 'Food?' } },
      { kind: 'compliance', id: 'safety', required: false, preferNotToAnswer: false, demographic: false, pictogram: 'safety', text: { en: 'Safety?' } },
      { kind: 'text', id: 'comment', maxLength: 1000, required: false, preferNotToAnswer: false, demographic: false, pictogram: 'comment', text: { en: 'Anything else?' } },
      {
        kind: 'group', id: 'about', title: { en: 'About you' }, pictogram: 'age',
        items: [
          {
            kind: 'single', id: 'about.age', required: false, preferNotToAnswer: true, demographic: true, pictogram: 'age', text: { en: 'Your age' },
            choices: [
              { value: 'under_18', pictogram: 'child', label: { en: 'Under 18' } },
              { value: 'adult', pictogram: 'age', label: { en: '18 or older' } },
            ],
          },
          {
            kind: 'single', id: 'about.sex', required: false, preferNotToAnswer: true, demographic: true, pictogram: 'sex', text: { en: 'Sex' },
            choices: [
              { value: 'female', pictogram: 'sex', label: { en: 'Female' } },
              { value: 'male', pictogram: 'sex', label: { en: 'Male' } },
            ],
          },
        ],
      },
    ],
  } satisfies SurveyDefinition;
}
