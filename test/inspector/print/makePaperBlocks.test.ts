import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makePaperBlocks, paperQuestionNumbers } from '../../../src/inspector/print/makePaperBlocks.ts';
import { parseSheetCount } from '../../../src/inspector/print/parseSheetCount.ts';
import { parseSurvey } from '../../../src/survey/parseSurvey.ts';

function builtIn(id: string) {
  const parsed = parseSurvey(JSON.parse(readFileSync(`public/surveys/${id}.json`, 'utf8')));
  if (!parsed.ok) throw new Error(`${id} is invalid`);
  return parsed.survey;
}

describe('makePaperBlocks: a survey version as the blocks of a paper sheet', () => {
  const survey = builtIn('resident-satisfaction');
  const blocks = makePaperBlocks(survey);

  it('starts with the header and the intro and numbers the questions that take an answer, 1, 2, 3...', () => {
    expect(blocks.slice(0, 2).map((b) => b.kind)).toEqual(['header', 'intro']);
    const numbered = blocks.flatMap((b) => (b.kind === 'question' ? [[b.question.id, b.number] as const] : []));
    expect(numbered.slice(0, 3)).toEqual([['room.satisfied', 1], ['room.reasons', 2], ['room.score', 3]]);
    expect(numbered.map(([, n]) => n)).toEqual(numbered.map((_, i) => i + 1));
    expect(Object.fromEntries(paperQuestionNumbers(survey))).toMatchObject({ 'room.satisfied': 1, 'about_you.sex': numbered.length });
  });

  it('leaves the spoken comment out and says so at the end', () => {
    expect(blocks.some((b) => (b.kind === 'question' || b.kind === 'info') && b.question.kind === 'spoken')).toBe(false);
    expect(paperQuestionNumbers(survey).has('closing.spoken')).toBe(false);
    expect(blocks.at(-1)).toEqual({ kind: 'end', spokenLeftOut: true });
  });

  it('heads every group with a section and keeps the follow-up\'s condition for its instruction', () => {
    const sections = blocks.filter((b) => b.kind === 'section');
    expect(sections.map((b) => b.kind === 'section' && b.group.id)).toEqual(['room', 'sanitary', 'food', 'cooking', 'staff', 'safety', 'medical', 'information', 'wellbeing', 'about_you']);
    const reasons = blocks.find((b) => b.kind === 'question' && b.question.id === 'room.reasons');
    expect(reasons).toMatchObject({ relevant: { q: 'room.satisfied', equals: false } });
  });
});

describe('parseSheetCount: the number of sheets of a batch', () => {
  it('takes whole numbers from 1 to 500 and nothing else', () => {
    expect(['1', ' 42 ', '500'].map(parseSheetCount)).toEqual([1, 42, 500]);
    expect(['0', '501', '2.5', '-3', '', 'ten', '1e2'].map(parseSheetCount)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
