import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSurvey } from '../../../../src/survey/parseSurvey.ts';
import { listQuestions } from '../../../../src/survey/walkItems.ts';
import type { DraftDefinition } from '../../../../src/staff/authoring/editor/draftPaths.ts';
import { firstQuestionOf, previewFrom } from '../../../../src/staff/authoring/editor/previewFrom.ts';

const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8')) as DraftDefinition;
const ids = (d: DraftDefinition) => listQuestions(d.items).map((p) => p.question.id);

describe('the preview starting at the question being edited', () => {
  it('leaves out the questions before it, and the conditions that named them, and is still a valid survey', () => {
    const shown = previewFrom(mini, 'room.reasons');
    expect(ids(shown)).toEqual(['room.reasons', 'room.score', 'overall', 'comment']);
    expect(listQuestions(shown.items)[0]!.question.relevant).toBeUndefined();
    expect(parseSurvey(shown).ok).toBe(true);
    // A group left with nothing is left out too.
    expect(previewFrom(mini, 'overall').items.map((item) => item.id)).toEqual(['overall', 'comment']);
  });

  it('shows the whole draft for the first question, an unknown one, or none', () => {
    expect(previewFrom(mini, 'room.satisfied')).toBe(mini);
    expect(previewFrom(mini, 'nowhere')).toBe(mini);
    expect(previewFrom(mini, undefined)).toBe(mini);
    expect(firstQuestionOf(mini.items[0])).toBe('room.satisfied');
    expect(firstQuestionOf(mini.items[1])).toBe('overall');
  });
});
