/**
 * A survey version as the blocks of a paper sheet, in print order: the header (with the
 * intro), section headings, numbered questions, information texts, monitoring items (one
 * table row each) and the closing note. Pagination moves whole blocks (a question is never
 * split across pages). Pure.
 */
import { onPaper, takesPaperAnswer } from '../../survey/paper/paperAnswers.ts';
import { EVIDENCE_SOURCES, isForInspectors, type Condition, type EvidenceSource, type Group, type Item, type Question, type SurveyDefinition } from '../../survey/schema.ts';

type ComplianceQuestion = Extract<Question, { kind: 'compliance' }>;
type TextQuestion = Extract<Question, { kind: 'text' }>;

/** One column of the monitoring table: an evidence source, named as its first question is. */
export interface EvidenceColumn {
  source: EvidenceSource;
  question: ComplianceQuestion;
}

/** A monitoring item: one compliance question per evidence source (absent ones print "—"), and its notes. */
export interface ItemRow {
  group: Group;
  /** In the order of the table's columns. */
  cells: Array<{ question: ComplianceQuestion; number: number } | undefined>;
  notes?: { question: TextQuestion; number: number } | undefined;
}

export type PaperBlock =
  | { kind: 'header' }
  | { kind: 'section'; group: Group; depth: number; relevant?: Condition | undefined; table: boolean }
  | { kind: 'question'; question: Question; number: number; relevant?: Condition | undefined }
  | { kind: 'info'; question: Question; relevant?: Condition | undefined }
  | { kind: 'item'; row: ItemRow; relevant?: Condition | undefined }
  | { kind: 'end'; spokenLeftOut: boolean };

/**
 * The printed number of every question that takes an answer on paper, 1, 2, 3... in
 * definition order (information texts and spoken comments get none). The transcription
 * and the relevance instructions use the same numbers. Stable: keyed entry relies on it.
 */
export function paperQuestionNumbers(survey: SurveyDefinition): Map<string, number> {
  const numbers = new Map<string, number>();
  const walk = (items: readonly Item[]) => {
    for (const item of items) {
      if (item.kind === 'group') walk(item.items);
      else if (takesPaperAnswer(item)) numbers.set(item.id, numbers.size + 1);
    }
  };
  walk(survey.items);
  return numbers;
}

/**
 * Whether a group is a monitoring item: compliance questions only, each naming a different
 * evidence source, plus at most one text question (its notes), none with a condition of its own.
 */
function isItemGroup(group: Group): boolean {
  const sources = new Set<EvidenceSource>();
  let notes = 0;
  for (const item of group.items) {
    if (item.kind === 'group' || item.relevant) return false;
    if (item.kind === 'compliance' && item.evidence && !sources.has(item.evidence)) sources.add(item.evidence);
    else if (item.kind === 'text' && notes === 0) notes++;
    else return false;
  }
  return sources.size > 0;
}

/** The monitoring table's columns: the evidence sources the survey's items use, in schema order. */
export function evidenceColumns(survey: SurveyDefinition): EvidenceColumn[] {
  const first = new Map<EvidenceSource, ComplianceQuestion>();
  const walk = (items: readonly Item[]) => {
    for (const item of items) {
      if (item.kind !== 'group') continue;
      if (isItemGroup(item)) {
        for (const q of item.items) if (q.kind === 'compliance' && q.evidence && !first.has(q.evidence)) first.set(q.evidence, q);
      } else walk(item.items);
    }
  };
  walk(survey.items);
  return EVIDENCE_SOURCES.flatMap((source) => (first.has(source) ? [{ source, question: first.get(source)! }] : []));
}

export function makePaperBlocks(survey: SurveyDefinition): PaperBlock[] {
  const numbers = paperQuestionNumbers(survey);
  const columns = evidenceColumns(survey);
  const blocks: PaperBlock[] = [{ kind: 'header' }];
  let spokenLeftOut = false;
  const hasPaperItems = (items: readonly Item[]): boolean => items.some((item) => (item.kind === 'group' ? hasPaperItems(item.items) : onPaper(item)));
  const itemRow = (group: Group): ItemRow => {
    const numbered = <Q extends Question>(question: Q) => ({ question, number: numbers.get(question.id)! });
    const compliance = group.items.filter((q): q is ComplianceQuestion => q.kind === 'compliance');
    const notes = group.items.find((q): q is TextQuestion => q.kind === 'text');
    return {
      group,
      cells: columns.map((column) => {
        const question = compliance.find((q) => q.evidence === column.source);
        return question ? numbered(question) : undefined;
      }),
      notes: notes ? numbered(notes) : undefined,
    };
  };
  const walk = (items: readonly Item[], depth: number) => {
    for (const item of items) {
      if (item.kind === 'group') {
        // A group of spoken comments only would print as a heading with nothing under it.
        if (!hasPaperItems(item.items)) {
          spokenLeftOut = true;
          continue;
        }
        if (isItemGroup(item)) {
          blocks.push({ kind: 'item', row: itemRow(item), relevant: item.relevant });
          continue;
        }
        const table = item.items.some((child) => child.kind === 'group' && isItemGroup(child));
        blocks.push({ kind: 'section', group: item, depth, relevant: item.relevant, table });
        walk(item.items, depth + 1);
      } else if (!onPaper(item)) {
        spokenLeftOut = true;
      } else if (item.kind === 'info') {
        blocks.push({ kind: 'info', question: item, relevant: item.relevant });
      } else {
        blocks.push({ kind: 'question', question: item, number: numbers.get(item.id)!, relevant: item.relevant });
      }
    }
  };
  walk(survey.items, 0);
  // The closing note thanks a resident and tells what paper left out; an inspector's sheet may have neither to say.
  if (spokenLeftOut || !isForInspectors(survey)) blocks.push({ kind: 'end', spokenLeftOut });
  return blocks;
}

/** Section headings stay on the page of the first item under them. */
export function keepsWithNext(block: PaperBlock): boolean {
  return block.kind === 'section';
}

/** Blocks drawn as rows of the monitoring table: each page that has some repeats the table's column header above the first. */
export function inTable(block: PaperBlock): boolean {
  return block.kind === 'item' || (block.kind === 'section' && block.table);
}
