import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerColumns } from '../../../src/server/exports/answerCells.ts';
import { parseSurvey } from '../../../src/survey/parseSurvey.ts';
import type { SurveyDefinition } from '../../../src/survey/schema.ts';

const en = JSON.parse(readFileSync('public/locales/en/kiosk.json', 'utf8')) as { answer: Record<string, string>; compliance: Record<string, string> };

function survey(version: number, choices: Array<{ value: string; en: string }>): SurveyDefinition {
  const parsed = parseSurvey({
    schema: 'sayso/survey@1', id: 'cells', version, title: { en: 'Cells' }, defaultLanguage: 'en', languages: ['en'],
    items: [
      { kind: 'single', id: 'where', pictogram: 'room', preferNotToAnswer: true, text: { en: 'Where?' }, choices: choices.map((c) => ({ value: c.value, pictogram: 'room', label: { en: c.en } })) },
      { kind: 'info', id: 'note', pictogram: 'information', text: { en: 'Next: how you feel.' } },
      { kind: 'faces', id: 'feel', faces: 5, pictogram: 'wellbeing', text: { en: 'How do you feel?' } },
      { kind: 'compliance', id: 'rules', pictogram: 'safety', text: { en: 'Are the rules applied?' } },
      { kind: 'spoken', id: 'voice', pictogram: 'microphone', text: { en: 'Say it' } },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.survey;
}

describe('answerColumns', () => {
  const v1 = survey(1, [{ value: 'hall', en: 'In the hall' }, { value: 'garden', en: 'In the garden' }]);
  const v2 = survey(2, [{ value: 'hall', en: 'In the main hall' }, { value: 'room', en: 'In my room' }]);
  const columns = answerColumns([v1, v2], 'en');
  const cell = (questionId: string, value: unknown) => columns.find((c) => c.questionId === questionId)!.cell(value);

  it('has a column per question of the current version, in order, information screens left out', () => {
    expect(columns.map((c) => c.header)).toEqual(['Where? (where)', 'How do you feel? (feel)', 'Are the rules applied? (rules)', 'Say it (voice)']);
  });

  it("labels a value by the current version, a value only an older version had by that version's label, and an unknown one by itself", () => {
    expect(cell('where', 'hall')).toBe('In the main hall');
    expect(cell('where', 'garden')).toBe('In the garden');
    expect(cell('where', 'moon')).toBe('moon');
    expect(cell('where', 'prefer-not-to-answer')).toBe(en.answer.preferNot);
    expect(cell('where', undefined)).toBeNull();
  });

  it('writes faces as numbers and fixed scales by the words residents saw', () => {
    expect(cell('feel', 4)).toBe(4);
    expect(cell('rules', 'critical')).toBe(en.compliance.critical);
    expect(cell('voice', 'clip-01.webm')).toBe('clip-01.webm');
  });
});
