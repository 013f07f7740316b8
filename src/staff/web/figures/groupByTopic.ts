import type { QuestionReport } from '../../../survey/reportTypes.ts';

export interface TopicGroup {
  topic: QuestionReport['topic'];
  questions: QuestionReport[];
}

/** Questions in report order, gathered under their topic (consecutive questions of one topic stay together). */
export function groupByTopic(questions: QuestionReport[]): TopicGroup[] {
  const groups: TopicGroup[] = [];
  for (const question of questions) {
    const last = groups[groups.length - 1];
    if (last && last.topic?.id === question.topic?.id) last.questions.push(question);
    else groups.push({ topic: question.topic, questions: [question] });
  }
  return groups;
}
