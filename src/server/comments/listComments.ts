import type { Kysely } from 'kysely';
import { PREFER_NOT_TO_ANSWER } from '../../survey/answers.ts';
import { quarterDays, type QuarterId } from '../../survey/periods.ts';
import type { CommentList, CommentTag } from '../../survey/reportTypes.ts';
import type { SurveyDefinition } from '../../survey/schema.ts';
import type { Database } from '../db/schema.ts';
import { commentQuestions } from './commentQuestions.ts';
import { formatCommentId, makeCommentKey } from './commentId.ts';
import { facilityQuarterResponses } from './facilityQuarterResponses.ts';

export interface CommentFilter {
  /** Only this question's comments. */
  questionId?: string;
  /** Only comments with this tag; 'none' for untagged ones. */
  tag?: CommentTag | 'none';
  /** Only comments containing this text, in any letter case. */
  search?: string;
}

const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/**
 * Every free-text answer of a facility's quarter, with its question, the response's
 * language and its tag; nothing else of the response (no id, no time, no other answer).
 * Sorted by question, then by the opaque key: an order by time would let two questions'
 * lists be lined up into respondents.
 */
export async function listComments(
  db: Kysely<Database>,
  input: {
    organisationId: string;
    /** Every version of the survey, oldest first. */
    versions: readonly SurveyDefinition[];
    facility: { id: string; name: string; timeZone: string };
    period: QuarterId;
    filter?: CommentFilter;
  },
): Promise<CommentList> {
  const current = input.versions[input.versions.length - 1];
  const questions = commentQuestions(input.versions);
  const filter = input.filter ?? {};
  const search = filter.search ? fold(filter.search) : undefined;
  const found: Array<CommentList['comments'][number] & { key: string; order: number }> = [];
  if (current) {
    for await (const response of facilityQuarterResponses(db, { organisationId: input.organisationId, facility: input.facility, period: input.period, surveyId: current.id })) {
      const answers = JSON.parse(response.answers) as Record<string, unknown>;
      for (const [questionId, value] of Object.entries(answers)) {
        const question = questions.get(questionId);
        if (!question || typeof value !== 'string' || value === PREFER_NOT_TO_ANSWER || value.trim() === '') continue;
        if (filter.questionId !== undefined && filter.questionId !== questionId) continue;
        if (search !== undefined && !fold(value).includes(search)) continue;
        const key = makeCommentKey(response.id, questionId);
        found.push({
          id: formatCommentId({ key, facilityId: input.facility.id, period: input.period }),
          questionId,
          questionText: question.text,
          ...(question.topic ? { topic: question.topic } : {}),
          language: response.language,
          text: value,
          tag: null,
          key,
          order: question.order,
        });
      }
    }
  }

  const tags = new Map<string, CommentTag>();
  for (let i = 0; i < found.length; i += 500) {
    const keys = found.slice(i, i + 500).map((c) => c.key);
    const rows = await db.selectFrom('comment_tags').select(['comment_id', 'tag'])
      .where('facility_id', '=', input.facility.id).where('comment_id', 'in', keys).execute();
    for (const row of rows) tags.set(row.comment_id, row.tag as CommentTag);
  }

  const comments = found
    .map((comment) => ({ ...comment, tag: tags.get(comment.key) ?? null }))
    .filter((comment) => filter.tag === undefined || (filter.tag === 'none' ? comment.tag === null : comment.tag === filter.tag))
    .sort((a, b) => a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ key: _key, order: _order, ...comment }) => comment);
  return {
    facility: { id: input.facility.id, name: input.facility.name },
    period: { kind: 'quarter', id: input.period, ...quarterDays(input.period) },
    comments,
  };
}
