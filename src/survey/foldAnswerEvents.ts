import type { Answers, AnswerValue } from './answers.ts';

/**
 * One tap, as stored on the tablet: an append-only log, never updated in place, so a
 * crash between two taps can lose neither (ARCHITECTURE.md, "Responses on the tablet").
 */
export interface AnswerEvent {
  questionId: string;
  /** `null` clears the answer (the respondent deselected it). */
  value: AnswerValue | null;
  /** Device time, ISO 8601. */
  at: string;
  /** Order within the response; ties in `at` are broken by it. */
  seq: number;
}

/** The answers a log of events adds up to: the last event per question wins. */
export function foldAnswerEvents(events: readonly AnswerEvent[]): Answers {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  const answers: Answers = {};
  for (const event of ordered) {
    if (event.value === null) delete answers[event.questionId];
    else answers[event.questionId] = event.value;
  }
  return answers;
}
