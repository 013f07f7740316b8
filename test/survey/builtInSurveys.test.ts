import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAUNCH_LANGUAGES } from '../../src/survey/languages.ts';
import { describeProblems, parseSurvey } from '../../src/survey/parseSurvey.ts';
import { listQuestions } from '../../src/survey/walkItems.ts';

const index = JSON.parse(readFileSync('public/surveys/index.json', 'utf8')) as { builtIn: string[] };

describe('built-in surveys', () => {
  it('lists the resident and centre satisfaction surveys, and ships a file for each', () => {
    expect(index.builtIn).toEqual(expect.arrayContaining(['resident-satisfaction', 'centre-satisfaction']));
    for (const id of index.builtIn) expect(existsSync(`public/surveys/${id}.json`)).toBe(true);
  });

  for (const id of index.builtIn) {
    describe(id, () => {
      const parsed = parseSurvey(JSON.parse(readFileSync(`public/surveys/${id}.json`, 'utf8')));

      it('is a valid definition', () => {
        expect(parsed.ok ? '' : describeProblems(parsed.problems)).toBe('');
      });

      it('is complete in all sixteen launch languages, each with a review status', () => {
        if (!parsed.ok) return;
        expect([...parsed.survey.languages].sort()).toEqual([...LAUNCH_LANGUAGES].sort());
        expect(Object.keys(parsed.survey.translationStatus).sort()).toEqual([...LAUNCH_LANGUAGES].sort());
      });

      it('has no text left in English in another language', () => {
        if (!parsed.ok) return;
        const copies: string[] = [];
        for (const { question, path } of listQuestions(parsed.survey.items)) {
          for (const lang of parsed.survey.languages) {
            if (lang !== 'en' && question.text[lang] === question.text.en) copies.push(`${path}.text.${lang}`);
          }
        }
        expect(copies).toEqual([]);
      });

      it('gives every choice of a question its own pictogram, so answers are told apart without reading', () => {
        if (!parsed.ok) return;
        const shared: string[] = [];
        for (const { question, path } of listQuestions(parsed.survey.items)) {
          if (question.kind !== 'single' && question.kind !== 'multi') continue;
          const pictograms = question.choices.map((choice) => choice.pictogram);
          if (new Set(pictograms).size !== pictograms.length) shared.push(`${path}: ${pictograms.join(', ')}`);
        }
        expect(shared).toEqual([]);
      });
    });
  }

  it('has its file name match its id', () => {
    for (const file of readdirSync('public/surveys').filter((f) => f !== 'index.json')) {
      const json = JSON.parse(readFileSync(`public/surveys/${file}`, 'utf8')) as { id: string };
      expect(`${json.id}.json`).toBe(file);
    }
  });
});
