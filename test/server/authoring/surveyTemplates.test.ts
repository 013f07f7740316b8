import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplate, TEMPLATE_IDS, templateSummaries } from '../../../src/server/authoring/surveyTemplates.ts';
import { publishBuiltInSurveys } from '../../../src/server/seedDemo.ts';
import { LAUNCH_LANGUAGES } from '../../../src/survey/languages.ts';
import { surveyPrompts, translateFromBundles } from '../../../src/survey/prompts.ts';
import type { LocalizedText } from '../../../src/survey/schema.ts';
import { listQuestions } from '../../../src/survey/walkItems.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { authoringWorld, type AuthoringWorld } from './support/authoringWorld.ts';

const NEW_TEMPLATES = ['service-desk-smiley', 'quick-check'];

describe('the template library', () => {
  it('holds the six questionnaires of PRODUCT.md', () => {
    expect(templateSummaries().map((t) => [t.id, t.questions, t.audience])).toEqual([
      ['resident-satisfaction', expect.any(Number), 'residents'],
      ['children-satisfaction', expect.any(Number), 'residents'],
      ['centre-satisfaction', expect.any(Number), 'residents'],
      ['monitoring-visit', expect.any(Number), 'inspectors'],
      ['service-desk-smiley', 1, 'residents'],
      ['quick-check', 3, 'residents'],
    ]);
  });

  it('has the service desk smiley ask one required question with five faces', () => {
    const questions = listQuestions(loadTemplate('service-desk-smiley')!.items).map((p) => p.question);
    expect(questions.map((q) => [q.kind, q.kind === 'faces' && q.faces, q.required])).toEqual([['faces', 5, true]]);
  });

  it('has the quick check ask three yes/no questions, each declinable', () => {
    const questions = listQuestions(loadTemplate('quick-check')!.items).map((p) => p.question);
    expect(questions.map((q) => [q.kind, q.required, q.preferNotToAnswer])).toEqual([['yesno', true, true], ['yesno', true, true], ['yesno', true, true]]);
    expect(new Set(questions.map((q) => q.pictogram)).size).toBe(3);
  });

  for (const id of TEMPLATE_IDS) {
    it(`${id}: is complete in the sixteen launch languages, with a review status and nothing left in English`, () => {
      const survey = loadTemplate(id)!;
      expect([...survey.languages].sort()).toEqual([...LAUNCH_LANGUAGES].sort());
      expect(Object.keys(survey.translationStatus).sort()).toEqual([...LAUNCH_LANGUAGES].sort());
      const texts: Array<[string, LocalizedText | undefined]> = [['title', survey.title], ['description', survey.description]];
      for (const { question, path } of listQuestions(survey.items)) texts.push([`${path}.text`, question.text]);
      const copies = texts.flatMap(([path, text]) => (text ? survey.languages.filter((l) => l !== 'en' && text[l] === text.en).map((l) => `${path}.${l}`) : []));
      expect(copies).toEqual([]);
      expect(survey.description).toBeDefined();
    });
  }

  it('gives every prompt of the new templates its own key and a text in every launch language', () => {
    const bundles = Object.fromEntries(LAUNCH_LANGUAGES.map((l) => [l, JSON.parse(readFileSync(`public/locales/${l}/kiosk.json`, 'utf8')) as unknown]));
    for (const id of NEW_TEMPLATES) {
      const prompts = surveyPrompts(loadTemplate(id)!, translateFromBundles(bundles));
      expect(new Set(prompts.map((p) => p.key)).size, id).toBe(prompts.length);
      expect(prompts.every((p) => p.key.startsWith(`${id}.`))).toBe(true);
      const gaps = prompts.flatMap((p) => LAUNCH_LANGUAGES.filter((l) => !p.text[l]).map((l) => `${l}:${p.key}`));
      expect(gaps).toEqual([]);
    }
  });

  it('keeps the two new ones out of the built-in surveys every organisation gets', () => {
    const { builtIn } = JSON.parse(readFileSync('public/surveys/index.json', 'utf8')) as { builtIn: string[] };
    for (const id of NEW_TEMPLATES) {
      expect(builtIn).not.toContain(id);
      expect(existsSync(`public/surveys/${id}.json`)).toBe(false);
    }
  });
});

for (const kind of testDatabaseKinds()) {
  describe(`surveys from templates on ${kind.name}`, () => {
    let dispose: () => Promise<void>;
    let w: AuthoringWorld;
    beforeAll(async () => {
      const opened = await kind.open();
      dispose = opened.dispose;
      w = await authoringWorld(opened.handle.db);
    });
    afterAll(() => dispose?.());

    it('lists the templates with their titles and descriptions per language', async () => {
      const { templates } = (await (await w.api(w.designer, 'GET', '/templates')).json()) as { templates: Array<{ id: string; title: Record<string, string>; description: Record<string, string>; languages: string[] }> };
      expect(templates.map((t) => t.id)).toEqual([...TEMPLATE_IDS]);
      const smiley = templates.find((t) => t.id === 'service-desk-smiley')!;
      expect(smiley.title.en).toBe('Your visit to the desk');
      expect(Object.keys(smiley.description).sort()).toEqual([...LAUNCH_LANGUAGES].sort());
    });

    it('makes each template a publishable survey of its own id', async () => {
      for (const templateId of TEMPLATE_IDS) {
        const id = `ours-${templateId}`;
        const draft = await w.create(id, { kind: 'template', templateId });
        expect(draft).toMatchObject({ origin: `template:${templateId}`, problems: [] });
        expect(draft.definition).toMatchObject({ id, version: 1 });
        const published = await w.publish(id, draft.revision);
        expect(await published.json(), templateId).toMatchObject({ surveyId: id, version: 1 });
      }
    });

    it('is not published to an organisation at start, unlike the built-in four', async () => {
      await publishBuiltInSurveys(w.db, w.otherOrganisationId);
      const ids = (await w.db.selectFrom('survey_versions').select('survey_id').where('organisation_id', '=', w.otherOrganisationId).execute()).map((r) => r.survey_id);
      expect(ids.sort()).toEqual(['centre-satisfaction', 'children-satisfaction', 'monitoring-visit', 'resident-satisfaction']);
    });
  });
}
