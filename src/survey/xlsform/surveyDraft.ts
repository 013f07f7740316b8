/** A Sayso item read from one survey row, before its relevance is read; and the id rule. */
import type { Condition, QuestionKind } from '../schema.ts';

export interface Draft {
  row: number;
  /** The XLSForm name, as `${name}` in expressions refers to it. */
  name: string;
  id: string;
  kind: QuestionKind | 'group';
  /** The Sayso item, without `relevant` and (for a group) `items`. */
  item: Record<string, unknown>;
  relevantText?: string;
  relevantCondition?: Condition;
  children?: Draft[];
  choiceValues?: string[];
}

/** What a name in an expression can point at. */
export type NameEntry = { draft: Draft } | { skippedRow: number; reason: string };

export interface SurveyRows {
  items: Draft[];
  names: Map<string, NameEntry>;
  /** Kept drafts in spreadsheet order (groups at their begin row). */
  order: Draft[];
}

/** An XLSForm name as a Sayso id: lower-case letters, digits, "_" and "." (e.g. "room.satisfied"). */
export function toSaysoId(name: string): string {
  let id = name
    .toLowerCase()
    .replace(/[^a-z0-9_.]+/g, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/^\.+|\.+$/g, '')
    .split('.')
    .map((part) => part || '_')
    .join('.');
  if (!/^[a-z]/.test(id)) id = `q_${id}`;
  return id;
}
