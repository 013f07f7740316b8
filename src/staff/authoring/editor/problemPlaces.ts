/**
 * The server's problems (DefinitionProblem) sorted to where the editor shows them: under
 * their field, in the item they belong to, and as links in the list at the top.
 */
import type { DefinitionProblem } from '../../../survey/parseSurvey.ts';
import { fieldId, pathKey, placeProblem, type DraftDefinition, type ItemPath } from './draftPaths.ts';

export interface PlacedProblem extends DefinitionProblem {
  item?: ItemPath;
  field: string;
  /** A survey language a missing or misplaced text is in, when the field is a text's language. */
  language?: string;
  /** Where the list at the top links to. */
  target: string;
  /** Whether the link goes to the translations table rather than the question's own fields. */
  inTranslations: boolean;
}

const TEXT_FIELD = /^(title|description|text|hint|minLabel|maxLabel|choices\[\d+\]\.label)\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)$/;

export function placeProblems(problems: readonly DefinitionProblem[], definition: DraftDefinition | undefined): PlacedProblem[] {
  return problems.map((problem) => {
    const place = placeProblem(problem.path);
    const text = TEXT_FIELD.exec(place.field);
    const language = text?.[2];
    const base = text ? text[1]! : place.field;
    // The default language is written beside the question; the others in the translations table.
    const inTranslations = language !== undefined && language !== definition?.defaultLanguage;
    const target = inTranslations ? translationCellId(place.item, base, language) : fieldId(place.item, base);
    return { ...problem, ...(place.item ? { item: place.item } : {}), field: base, ...(language ? { language } : {}), target, inTranslations };
  });
}

/** The id of a cell of the translations table. */
export function translationCellId(item: ItemPath | undefined, field: string, language: string): string {
  return `ed-tr-${item ? pathKey(item) : 'survey'}-${field.replace(/\[(\d+)\]/g, '-$1').replace(/[^A-Za-z0-9-]+/g, '-')}-${language}`;
}

/** The problems of one field of one item (undefined item: the survey's own fields). */
export function problemsAt(placed: readonly PlacedProblem[], item: ItemPath | undefined, field: string): PlacedProblem[] {
  const key = item ? pathKey(item) : undefined;
  return placed.filter((p) => (p.item ? pathKey(p.item) : undefined) === key && (p.field === field || p.field.startsWith(`${field}.`) || p.field.startsWith(`${field}[`)));
}
