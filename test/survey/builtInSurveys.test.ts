import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAUNCH_LANGUAGES } from '../../src/survey/languages.ts';
import { describeProblems, parseSurvey } from '../../src/survey/parseSurvey.ts';
import { listQuestions } from '../../src/survey/walkItems.ts';

const index = JSON.parse(readFileSync('public/surveys/index.json', 'utf8')) as { builtIn: string[] };

describe('built-in surveys', () => {
  it('lists the resident, children\'s and centre satisfaction surveys, and ships a file for each', () => {
    expect(index.builtIn).toEqual(expect.arrayContaining(['resident-satisfaction', 'children-satisfaction', 'centre-satisfaction']));
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

  describe('children-satisfaction (unaccompanied minors)', () => {
    const parsed = parseSurvey(JSON.parse(readFileSync('public/surveys/children-satisfaction.json', 'utf8')));
    const questions = parsed.ok ? listQuestions(parsed.survey.items).map((placed) => placed.question) : [];

    it('starts only with a mediator present, and takes about five minutes', () => {
      expect(parsed.ok && parsed.survey.requiresMediator).toBe(true);
      expect(parsed.ok && parsed.survey.estimatedMinutes).toBe(5);
    });

    it('asks each topic with three faces, never a number scale, and may always be declined', () => {
      expect(questions.filter((q) => q.kind === 'rating')).toEqual([]);
      const faces = questions.filter((q) => q.kind === 'faces');
      expect(faces.map((q) => q.id)).toEqual(['sleep.feeling', 'food.feeling', 'safety.feeling', 'adults.feeling', 'school.feeling', 'free_time.feeling', 'wellbeing.feeling']);
      for (const q of faces) expect([q.kind === 'faces' && q.faces, q.preferNotToAnswer]).toEqual([3, true]);
    });

    it('asks about the child only in optional, declinable, coarse under-18 bands and sex', () => {
      const demographics = questions.filter((q) => q.demographic);
      expect(demographics.map((q) => [q.id, q.required, q.preferNotToAnswer])).toEqual([['about_you.age', false, true], ['about_you.sex', false, true]]);
      const [age, sex] = demographics;
      expect(age?.kind === 'single' && age.choices.map((c) => c.value)).toEqual(['under_14', '14_15', '16_17']);
      expect(sex?.kind === 'single' && sex.choices.map((c) => c.value)).toEqual(['female', 'male', 'other']);
    });

    it('ends with an optional comment, typed or spoken', () => {
      expect(questions.filter((q) => q.kind === 'text' || q.kind === 'spoken').map((q) => [q.kind, q.required])).toEqual([['text', false], ['spoken', false]]);
    });
  });

  it('has its file name match its id', () => {
    for (const file of readdirSync('public/surveys').filter((f) => f !== 'index.json')) {
      const json = JSON.parse(readFileSync(`public/surveys/${file}`, 'utf8')) as { id: string };
      expect(`${json.id}.json`).toBe(file);
    }
  });
});
