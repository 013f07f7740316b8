import type { QuestionReport } from '../../survey/reportTypes.ts';
import type { LocalizedText, SurveyDefinition } from '../../survey/schema.ts';
import { listQuestions } from '../../survey/walkItems.ts';

export interface CommentQuestion {
  id: string;
  text: LocalizedText;
  topic?: QuestionReport['topic'];
  /** Position in the current definition; questions only older versions had come after. */
  order: number;
}

/**
 * The free-text questions comments can belong to, with their text and topic from the
 * current definition; a question only an older version had keeps that version's words,
 * so its comments are still listed. A question whose kind changed away from text is left out.
 */
export function commentQuestions(versions: readonly SurveyDefinition[]): Map<string, CommentQuestion> {
  const found = new Map<string, CommentQuestion>();
  const notText = new Set<string>();
  let order = 0;
  for (const survey of [...versions].reverse()) {
    for (const { question, groups } of listQuestions(survey.items)) {
      if (found.has(question.id) || notText.has(question.id)) continue;
      if (question.kind !== 'text') {
        notText.add(question.id);
        continue;
      }
      const group = groups[0];
      found.set(question.id, {
        id: question.id,
        text: question.text,
        ...(group ? { topic: { id: group.id, title: group.title, pictogram: group.pictogram } } : {}),
        order: order++,
      });
    }
  }
  return found;
}
