import { createHash } from 'node:crypto';
import { isQuarterId, type QuarterId } from '../../survey/periods.ts';

/** Where a comment is found again: its facility's quarter, and the key its tag is stored under. */
export interface CommentRef {
  key: string;
  facilityId: string;
  period: QuarterId;
}

const KEY = /^[A-Za-z0-9_-]{22}$/;
/** Facility ids as the API takes them (src/server/reports/parseReportQuery.ts): nothing else reaches a query. */
const FACILITY = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * The key a comment's tag is stored under (comment_tags.comment_id): a truncated SHA-256 of
 * its response id and question id, so neither can be read back from it (128 bits).
 */
export function makeCommentKey(responseId: string, questionId: string): string {
  return createHash('sha256').update(`${responseId}\u0000${questionId}`).digest('base64url').slice(0, 22);
}

/**
 * The opaque id the API hands out: the key plus the facility and quarter it was listed for
 * (both known to whoever listed it), so tagging searches one facility's quarter, not all.
 */
export function formatCommentId(ref: CommentRef): string {
  return `${ref.key}.${Buffer.from(`${ref.facilityId}\n${ref.period}`, 'utf8').toString('base64url')}`;
}

/** The parts of an id made by formatCommentId, or undefined for anything else. */
export function parseCommentId(id: string): CommentRef | undefined {
  if (id.length > 400) return undefined;
  const [key, place, ...rest] = id.split('.');
  if (rest.length || !key || !place || !KEY.test(key) || !/^[A-Za-z0-9_-]+$/.test(place)) return undefined;
  const [facilityId, period, ...more] = Buffer.from(place, 'base64url').toString('utf8').split('\n');
  if (more.length || !facilityId || !FACILITY.test(facilityId) || !period || !isQuarterId(period)) return undefined;
  return { key, facilityId, period };
}
