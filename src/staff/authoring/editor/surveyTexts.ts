/**
 * Every text of a survey in the order a respondent meets it, for the translations table:
 * where it sits (the field it belongs to), what it is, and its words per language; which
 * are missing per language; adding and removing a survey language everywhere at once.
 */
import type { Item, LocalizedText, Question, TranslationStatus } from '../../../survey/schema.ts';
import { itemAt, listItemPaths, updateItem, type DraftDefinition, type ItemPath } from './draftPaths.ts';

export type TextRole = 'title' | 'description' | 'groupTitle' | 'question' | 'hint' | 'minLabel' | 'maxLabel' | 'choice';

export interface TextEntry {
  /** The item it belongs to (undefined: the survey's title or description). */
  item?: ItemPath;
  /** The field within the item: "text", "hint", "choices[1].label"... */
  field: string;
  role: TextRole;
  /** The question, group or choice id it belongs to, for the row's name. */
  owner: string;
  text: LocalizedText;
}

export function surveyTexts(definition: DraftDefinition): TextEntry[] {
  const out: TextEntry[] = [{ field: 'title', role: 'title', owner: definition.id, text: definition.title ?? {} }];
  if (definition.description) out.push({ field: 'description', role: 'description', owner: definition.id, text: definition.description });
  for (const { item, path } of listItemPaths(definition.items)) {
    if (item.kind === 'group') {
      out.push({ item: path, field: 'title', role: 'groupTitle', owner: item.id, text: item.title ?? {} });
      continue;
    }
    out.push({ item: path, field: 'text', role: 'question', owner: item.id, text: item.text ?? {} });
    if (item.hint) out.push({ item: path, field: 'hint', role: 'hint', owner: item.id, text: item.hint });
    if (item.kind === 'rating') {
      if (item.minLabel) out.push({ item: path, field: 'minLabel', role: 'minLabel', owner: item.id, text: item.minLabel });
      if (item.maxLabel) out.push({ item: path, field: 'maxLabel', role: 'maxLabel', owner: item.id, text: item.maxLabel });
    }
    if (item.kind === 'single' || item.kind === 'multi') {
      (item.choices ?? []).forEach((choice, c) => out.push({ item: path, field: `choices[${c}].label`, role: 'choice', owner: `${item.id} · ${choice.value}`, text: choice.label ?? {} }));
    }
  }
  return out;
}

export const isMissing = (entry: TextEntry, language: string) => !entry.text[language]?.trim();

/** How many texts lack each language. */
export function missingCounts(entries: readonly TextEntry[], languages: readonly string[]): Record<string, number> {
  return Object.fromEntries(languages.map((language) => [language, entries.filter((entry) => isMissing(entry, language)).length]));
}

/** The text of a field, by the same address surveyTexts gives. */
export function textAt(definition: DraftDefinition, item: ItemPath | undefined, field: string): LocalizedText | undefined {
  if (!item) return (definition as unknown as Record<string, LocalizedText | undefined>)[field];
  const found = itemAt(definition, item);
  if (!found) return undefined;
  const choice = /^choices\[(\d+)\]\.label$/.exec(field);
  if (choice) return found.kind === 'single' || found.kind === 'multi' ? found.choices?.[Number(choice[1])]?.label : undefined;
  return (found as unknown as Record<string, LocalizedText | undefined>)[field];
}

/** The draft with one field's text changed (a choice label, a hint, the survey title...). */
export function changeText(definition: DraftDefinition, item: ItemPath | undefined, field: string, change: (text: LocalizedText | undefined) => LocalizedText | undefined): DraftDefinition {
  const set = <T extends object>(owner: T, key: string): T => {
    const next = change((owner as Record<string, LocalizedText | undefined>)[key]);
    const copy = { ...owner } as Record<string, unknown>;
    if (next === undefined) delete copy[key];
    else copy[key] = next;
    return copy as T;
  };
  if (!item) return set(definition, field);
  return updateItem(definition, item, (found) => {
    const choice = /^choices\[(\d+)\]\.label$/.exec(field);
    if (choice && (found.kind === 'single' || found.kind === 'multi')) {
      const index = Number(choice[1]);
      return { ...found, choices: found.choices.map((c, i) => (i === index ? set(c, 'label') : c)) };
    }
    return set(found, field);
  });
}

function mapTexts(item: Item, change: (text: LocalizedText) => LocalizedText): Item {
  const opt = (text: LocalizedText | undefined) => (text ? change(text) : undefined);
  if (item.kind === 'group') return { ...item, title: change(item.title ?? {}), items: item.items.map((child) => mapTexts(child, change)) };
  const question = { ...item, text: change(item.text ?? {}) } as Question;
  if (item.hint) question.hint = opt(item.hint);
  if (question.kind === 'rating') {
    if (question.minLabel) question.minLabel = opt(question.minLabel);
    if (question.maxLabel) question.maxLabel = opt(question.maxLabel);
  }
  if (question.kind === 'single' || question.kind === 'multi') question.choices = question.choices.map((c) => ({ ...c, label: change(c.label ?? {}) }));
  return question;
}

/** A new survey language: listed, and marked unreviewed until a native speaker checks it (PRODUCT.md). */
export function addLanguage(definition: DraftDefinition, language: string): DraftDefinition {
  if (definition.languages.includes(language)) return definition;
  return { ...definition, languages: [...definition.languages, language], translationStatus: { ...(definition.translationStatus ?? {}), [language]: 'unreviewed' } };
}

/** A language taken out of the survey, with its words everywhere (never the default language). */
export function removeLanguage(definition: DraftDefinition, language: string): DraftDefinition {
  if (language === definition.defaultLanguage) return definition;
  const drop = (text: LocalizedText): LocalizedText => {
    const { [language]: _gone, ...rest } = text;
    return rest;
  };
  const { [language]: _status, ...translationStatus } = definition.translationStatus ?? {};
  const next: DraftDefinition = {
    ...definition,
    languages: definition.languages.filter((l) => l !== language),
    translationStatus,
    title: drop(definition.title ?? {}),
    items: definition.items.map((item) => mapTexts(item, drop)),
  };
  if (definition.description) next.description = drop(definition.description);
  return next;
}

export function setTranslationStatus(definition: DraftDefinition, language: string, status: TranslationStatus): DraftDefinition {
  return { ...definition, translationStatus: { ...(definition.translationStatus ?? {}), [language]: status } };
}
