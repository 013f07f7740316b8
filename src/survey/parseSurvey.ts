import * as v from 'valibot';
import { conditionReferences } from './evaluateCondition.ts';
import { languageInfo } from './languages.ts';
import { PREFER_NOT_TO_ANSWER, SurveyDefinitionSchema, type Condition, type LocalizedText, type SurveyDefinition } from './schema.ts';
import { listQuestions } from './walkItems.ts';
import type { Group, Item } from './schema.ts';

/** One reason a definition is refused: where, and what is wrong there. */
export interface DefinitionProblem {
  /** e.g. "items[3].choices[1].label.ar" */
  path: string;
  message: string;
}

export type ParseResult =
  | { ok: true; survey: SurveyDefinition }
  | { ok: false; problems: DefinitionProblem[] };

function formatPath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const step of issue.path ?? []) {
    const key = step.key;
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(definition)';
}

/**
 * Checks an untrusted definition (a file, the wire, an old IndexedDB row): first its
 * shape, then the rules a shape cannot say (unique ids, conditions that point
 * backwards, every text in every language of the survey).
 */
export function parseSurvey(input: unknown): ParseResult {
  const shaped = v.safeParse(SurveyDefinitionSchema, input, { abortEarly: false });
  if (!shaped.success) {
    const problems = shaped.issues.map((issue) => ({ path: formatPath(issue), message: issue.message }));
    return { ok: false, problems: dedupe(problems) };
  }
  const problems = checkRules(shaped.output);
  return problems.length ? { ok: false, problems } : { ok: true, survey: shaped.output };
}

/** One line per problem, for logs, the command line and staff screens. */
export function describeProblems(problems: readonly DefinitionProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}

function dedupe(problems: DefinitionProblem[]): DefinitionProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\n${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function checkRules(survey: SurveyDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  const languages = survey.languages;
  if (new Set(languages).size !== languages.length) add('languages', 'lists a language twice');
  if (!languages.includes(survey.defaultLanguage)) add('defaultLanguage', `"${survey.defaultLanguage}" is not in languages`);
  for (const lang of Object.keys(survey.translationStatus)) {
    if (!languages.includes(lang)) add(`translationStatus.${lang}`, `"${lang}" is not in languages`);
  }

  const checkText = (text: LocalizedText | undefined, path: string) => {
    if (!text) return;
    for (const lang of languages) {
      if (!(lang in text)) add(`${path}.${lang}`, `missing translation for ${languageInfo(lang).englishName} (${lang})`);
    }
    for (const lang of Object.keys(text)) {
      if (!languages.includes(lang)) add(`${path}.${lang}`, `"${lang}" is not one of the survey's languages`);
    }
  };
  checkText(survey.title, 'title');
  checkText(survey.description, 'description');

  const seenIds = new Map<string, string>();
  const claimId = (id: string, path: string) => {
    const earlier = seenIds.get(id);
    if (earlier) add(`${path}.id`, `id "${id}" is already used at ${earlier}`);
    else seenIds.set(id, path);
  };

  const placed = listQuestions(survey.items);
  const order = new Map(placed.map((p, index) => [p.question.id, index]));
  const byId = new Map(placed.map((p) => [p.question.id, p.question]));

  const checkCondition = (condition: Condition | undefined, path: string, position: number) => {
    if (!condition) return;
    for (const ref of conditionReferences(condition)) {
      const at = order.get(ref);
      if (at === undefined) add(`${path}.relevant`, `refers to question "${ref}", which does not exist`);
      else if (at >= position) add(`${path}.relevant`, `refers to question "${ref}", which does not come before it`);
      else if (byId.get(ref)?.kind === 'info') add(`${path}.relevant`, `refers to "${ref}", an information screen with no answer`);
    }
  };

  const walkGroups = (items: readonly Item[], base: string) => {
    items.forEach((item, index) => {
      const path = `${base}[${index}]`;
      if (item.kind !== 'group') return;
      const group: Group = item;
      claimId(group.id, path);
      checkText(group.title, `${path}.title`);
      const first = listQuestions(group.items)[0];
      checkCondition(group.relevant, path, first ? (order.get(first.question.id) ?? 0) : 0);
      walkGroups(group.items, `${path}.items`);
    });
  };
  walkGroups(survey.items, 'items');

  placed.forEach(({ question, path }, position) => {
    claimId(question.id, path);
    checkText(question.text, `${path}.text`);
    checkText(question.hint, `${path}.hint`);
    checkCondition(question.relevant, path, position);
    if (question.kind === 'rating') {
      checkText(question.minLabel, `${path}.minLabel`);
      checkText(question.maxLabel, `${path}.maxLabel`);
    }
    if (question.kind === 'single' || question.kind === 'multi') {
      const values = new Set<string>();
      question.choices.forEach((choice, c) => {
        const choicePath = `${path}.choices[${c}]`;
        if (values.has(choice.value)) add(`${choicePath}.value`, `value "${choice.value}" is used twice`);
        if (choice.value === PREFER_NOT_TO_ANSWER) add(`${choicePath}.value`, `"${PREFER_NOT_TO_ANSWER}" is reserved`);
        values.add(choice.value);
        checkText(choice.label, `${choicePath}.label`);
      });
      if (question.kind === 'multi' && question.maxSelected !== undefined && question.maxSelected > question.choices.length) {
        add(`${path}.maxSelected`, 'is larger than the number of choices');
      }
    }
    if (question.kind === 'info' && (question.required || question.preferNotToAnswer)) {
      add(path, 'an information screen takes no answer, so it cannot be required or declined');
    }
  });
  return problems;
}
