import { describe, expect, it } from 'vitest';
import { formatCommentId, makeCommentKey, parseCommentId } from '../../../src/server/comments/commentId.ts';

const responseId = '0190f5b2-7c1e-7a3b-9d2e-4f5a6b7c8d9e';

describe('comment ids', () => {
  it('are the same for the same answer, differ per question, and hold neither the response id nor any part of it', () => {
    const key = makeCommentKey(responseId, 'comment');
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(makeCommentKey(responseId, 'comment')).toBe(key);
    expect(makeCommentKey(responseId, 'room.comment')).not.toBe(key);
    const id = formatCommentId({ key, facilityId: 'f-1', period: '2026-Q3' });
    for (const part of responseId.split('-')) expect(id).not.toContain(part);
    expect(Buffer.from(id.split('.')[1]!, 'base64url').toString()).toBe('f-1\n2026-Q3');
  });

  it('read back what they were made of, and nothing that was not made by them', () => {
    const ref = { key: makeCommentKey(responseId, 'comment'), facilityId: '0190f5b2-0000-7000-8000-000000000001', period: '2026-Q4' as const };
    expect(parseCommentId(formatCommentId(ref))).toEqual(ref);
    const place = (text: string) => Buffer.from(text).toString('base64url');
    for (const bad of [
      '', 'x', `${ref.key}`, `${ref.key}.`, `short.${place('f\n2026-Q1')}`, `${ref.key}.${place('f\n2026-Q5')}`, `${ref.key}.${place('f')}`,
      `${ref.key}.${place('f\n2026-Q1\nmore')}`, `${ref.key}.${place('f\u0000x\n2026-Q1')}`, `${ref.key}.${place("f' OR 1=1\n2026-Q1")}`,
      `${ref.key}.${place('f\n2026-Q1')}.extra`, `${ref.key}.${place('f\n2026-Q1')}`.padEnd(500, 'A'),
    ]) expect(parseCommentId(bad), bad).toBeUndefined();
  });
});
