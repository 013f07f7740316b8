import { PREFER_NOT_TO_ANSWER, type Answers } from '../../../src/survey/answers.ts';
import { makeUuidV7 } from '../../../src/survey/makeUuidV7.ts';
import { quarterDays, shiftQuarter, type QuarterId } from '../../../src/survey/periods.ts';
import type { Question, SurveyDefinition } from '../../../src/survey/schema.ts';
import { listQuestions } from '../../../src/survey/walkItems.ts';

/** One response row as the bench stores it (the server's responses columns that reports and exports read). */
export interface BenchResponse {
  id: string;
  reportedAt: string;
  language: string;
  status: 'complete' | 'partial';
  mode: 'self' | 'assisted';
  source: 'tablet' | 'paper' | 'invitation';
  answers: Answers;
}

/** Resident languages weighted roughly as reception centres see them. */
const LANGUAGES: Array<[string, number]> = [
  ['ar', 20], ['en', 10], ['fr', 10], ['ti', 10], ['fa', 10], ['ps', 8], ['so', 6], ['ru', 5],
  ['uk', 5], ['tr', 4], ['ckb', 4], ['nl', 2], ['es', 2], ['it', 2], ['de', 1], ['pl', 1],
];
const LANGUAGE_TOTAL = LANGUAGES.reduce((sum, [, w]) => sum + w, 0);

interface Topic {
  satisfied: string;
  reasons: Extract<Question, { kind: 'multi' }> | undefined;
  score: string | undefined;
  comment: string | undefined;
}

/** The resident survey's topics (satisfied, reasons, score, comment) and its demographics, read from the definition. */
export function surveyShape(survey: SurveyDefinition) {
  const placed = listQuestions(survey.items);
  const topics: Topic[] = [];
  for (const group of new Set(placed.map((p) => p.groups[0]?.id))) {
    const inGroup = placed.filter((p) => p.groups[0]?.id === group).map((p) => p.question);
    const satisfied = inGroup.find((q) => q.kind === 'yesno' && !q.demographic);
    if (!satisfied) continue;
    topics.push({
      satisfied: satisfied.id,
      reasons: inGroup.find((q): q is Extract<Question, { kind: 'multi' }> => q.kind === 'multi'),
      score: inGroup.find((q) => q.kind === 'rating')?.id,
      comment: inGroup.find((q) => q.kind === 'text')?.id,
    });
  }
  const demographics = placed.map((p) => p.question).filter((q): q is Extract<Question, { kind: 'single' }> => q.demographic && q.kind === 'single');
  return { topics, demographics };
}

/**
 * A facility's responses, seeded: `latest` in the newest quarter and the rest spread evenly
 * over the `quarters - 1` before it. About a third not satisfied per topic with 1-3
 * reasons, scores that follow the yes/no, some "prefer not to answer", ~8% comments, ~10%
 * partial responses that stop after a few topics, demographics given by most.
 */
export function* generateResponses(shape: ReturnType<typeof surveyShape>, input: { count: number; latest: number; newestQuarter: QuarterId; quarters: number; random: () => number }): Generator<BenchResponse> {
  const { random } = input;
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  for (let i = 0; i < input.count; i++) {
    const back = i < input.latest ? 0 : 1 + ((i - input.latest) % (input.quarters - 1));
    const { from, to } = quarterDays(shiftQuarter(input.newestQuarter, -back));
    // Noon UTC of a day inside the quarter: the same quarter in every European zone.
    const start = Date.parse(`${from}T00:00:00Z`);
    const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000) + 1;
    const time = start + Math.floor(random() * days) * 86_400_000 + 8 * 3_600_000 + Math.floor(random() * 8 * 3_600_000);
    let languageRoll = random() * LANGUAGE_TOTAL;
    const language = LANGUAGES.find(([, w]) => (languageRoll -= w) < 0)?.[0] ?? 'en';
    const status = random() < 0.1 ? 'partial' : 'complete';
    const answers: Answers = {};
    const topics = status === 'partial' ? 1 + Math.floor(random() * (shape.topics.length - 1)) : shape.topics.length;
    for (const topic of shape.topics.slice(0, topics)) {
      const roll = random();
      const satisfied = roll < 0.04 ? PREFER_NOT_TO_ANSWER : roll < 0.37 ? false : true;
      answers[topic.satisfied] = satisfied;
      if (satisfied === false && topic.reasons) {
        if (random() < 0.05) answers[topic.reasons.id] = PREFER_NOT_TO_ANSWER;
        else {
          const chosen = new Set<string>();
          const wanted = 1 + Math.floor(random() * 3);
          while (chosen.size < wanted) chosen.add(pick(topic.reasons.choices).value);
          answers[topic.reasons.id] = [...chosen];
        }
      }
      if (topic.score) answers[topic.score] = random() < 0.03 ? PREFER_NOT_TO_ANSWER : satisfied === false ? Math.floor(random() * 6) : 4 + Math.floor(random() * 7);
      if (topic.comment && random() < 0.08) answers[topic.comment] = 'A comment of a few words, as residents write them.';
    }
    if (status === 'complete') {
      for (const question of shape.demographics) {
        const roll = random();
        if (roll < 0.85) answers[question.id] = pick(question.choices).value;
        else if (roll < 0.9) answers[question.id] = PREFER_NOT_TO_ANSWER;
      }
    }
    yield {
      id: makeUuidV7(time),
      reportedAt: new Date(time).toISOString(),
      language,
      status,
      mode: random() < 0.25 ? 'assisted' : 'self',
      source: random() < 0.85 ? 'tablet' : random() < 0.8 ? 'paper' : 'invitation',
      answers,
    };
  }
}
