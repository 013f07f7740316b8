/**
 * A survey version as the blocks of a paper sheet, in print order: the header, the intro,
 * section headings, numbered questions, information texts and the closing note. Pagination
 * moves whole blocks (a question is never split across pages). Pure.
 */
import { onPaper, takesPaperAnswer } from '../../survey/paper/paperAnswers.ts';
import type { Condition, Group, Item, Question, SurveyDefinition } from '../../survey/schema.ts';

export type PaperBlock =
  | { kind: 'header' }
  | { kind: 'intro' }
  | { kind: 'section'; group: Group; depth: number; relevant?: Condition | undefined }
  | { kind: 'question'; question: Question; number: number; relevant?: Condition | undefined }
  | { kind: 'info'; question: Question; relevant?: Condition | undefined }
  | { kind: 'end'; spokenLeftOut: boolean };

/**
 * The printed number of every question that takes an answer on paper, 1, 2, 3... in
 * definition order (information texts and spoken comments get none). The transcription
 * and the relevance instructions use the same numbers.
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

export function makePaperBlocks(survey: SurveyDefinition): PaperBlock[] {
  const numbers = paperQuestionNumbers(survey);
  const blocks: PaperBlock[] = [{ kind: 'header' }, { kind: 'intro' }];
  let spokenLeftOut = false;
  const hasPaperItems = (items: readonly Item[]): boolean => items.some((item) => (item.kind === 'group' ? hasPaperItems(item.items) : onPaper(item)));
  const walk = (items: readonly Item[], depth: number) => {
    for (const item of items) {
      if (item.kind === 'group') {
        // A group of spoken comments only would print as a heading with nothing under it.
        if (!hasPaperItems(item.items)) {
          spokenLeftOut = true;
          continue;
        }
        blocks.push({ kind: 'section', group: item, depth, relevant: item.relevant });
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
  blocks.push({ kind: 'end', spokenLeftOut });
  return blocks;
}

/** Section headings stay on the page of the first item under them. */
export function keepsWithNext(block: PaperBlock): boolean {
  return block.kind === 'section' || block.kind === 'header';
}
