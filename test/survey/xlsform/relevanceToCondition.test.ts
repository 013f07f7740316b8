import { describe, expect, it } from 'vitest';
import type { Condition, QuestionKind } from '../../../src/survey/schema.ts';
import { conditionToXpath } from '../../../src/survey/xlsform/conditionToXpath.ts';
import { relevanceToCondition, type ConditionTarget, type ResolveName } from '../../../src/survey/xlsform/relevanceToCondition.ts';

const QUESTIONS: Record<string, ConditionTarget> = {
  satisfied: { id: 'satisfied', kind: 'yesno' },
  score: { id: 'score', kind: 'rating' },
  feeling: { id: 'feeling', kind: 'faces', choiceValues: ['1', '2', '3'] },
  reasons: { id: 'reasons', kind: 'multi', choiceValues: ['noise', 'dirty', 'other'] },
  centre: { id: 'centre', kind: 'single', choiceValues: ['cpa', 'cas', 'sai'] },
  comment: { id: 'comment', kind: 'text' },
  intro: { id: 'intro', kind: 'info' },
  'room-type': { id: 'room_type', kind: 'single', choiceValues: ['a', 'b'] },
};

const resolve: ResolveName = (name) => {
  const target = QUESTIONS[name];
  return target ? { ok: true, target } : { ok: false, message: `there is no question named "${name}"` };
};

const read = (source: string) => {
  const result = relevanceToCondition(source, resolve);
  if (!result.ok) throw new Error(result.message);
  return result.condition;
};

const refuse = (source: string) => {
  const result = relevanceToCondition(source, resolve);
  if (result.ok) throw new Error(`expected "${source}" to be refused, got ${JSON.stringify(result.condition)}`);
  return result.message;
};

describe('relevanceToCondition', () => {
  it('reads comparisons typed by the question they compare with', () => {
    expect(read("${satisfied} = 'no'")).toEqual({ q: 'satisfied', equals: false });
    expect(read("${satisfied}='yes'")).toEqual({ q: 'satisfied', equals: true });
    expect(read("${centre} = 'cpa'")).toEqual({ q: 'centre', equals: 'cpa' });
    expect(read('${centre} != "sai"')).toEqual({ q: 'centre', notEquals: 'sai' });
    expect(read('${score} >= 7')).toEqual({ q: 'score', gte: 7 });
    expect(read("${score} < '3'")).toEqual({ q: 'score', lt: 3 });
    expect(read('${feeling} <= 2')).toEqual({ q: 'feeling', lte: 2 });
    expect(read('5 > ${score}')).toEqual({ q: 'score', lt: 5 });
    expect(read("${feeling} = '1'")).toEqual({ q: 'feeling', equals: 1 });
    expect(read('${score} > -1')).toEqual({ q: 'score', gt: -1 });
  });

  it('reads selected(), count-selected() and "answered"', () => {
    expect(read("selected(${reasons}, 'noise')")).toEqual({ q: 'reasons', includes: 'noise' });
    expect(read("selected(${centre},'cas')")).toEqual({ q: 'centre', includes: 'cas' });
    expect(read("selected(${satisfied}, 'no')")).toEqual({ q: 'satisfied', equals: false });
    expect(read('count-selected(${reasons}) > 0')).toEqual({ q: 'reasons', answered: true });
    expect(read('count-selected(${reasons}) = 0')).toEqual({ q: 'reasons', answered: false });
    expect(read("${comment} != ''")).toEqual({ q: 'comment', answered: true });
    expect(read("${comment} = ''")).toEqual({ q: 'comment', answered: false });
    expect(read("string-length(${comment}) > 0")).toEqual({ q: 'comment', answered: true });
  });

  it('reads and, or, not() and brackets, keeping the nesting as written', () => {
    expect(read("${satisfied} = 'no' and ${score} < 5 and selected(${reasons}, 'dirty')")).toEqual({
      all: [{ q: 'satisfied', equals: false }, { q: 'score', lt: 5 }, { q: 'reasons', includes: 'dirty' }],
    });
    expect(read("${centre} = 'cpa' or ${centre} = 'cas' and ${score} > 2")).toEqual({
      any: [{ q: 'centre', equals: 'cpa' }, { all: [{ q: 'centre', equals: 'cas' }, { q: 'score', gt: 2 }] }],
    });
    expect(read("not(${centre} = 'cpa' or ${centre} = 'cas')")).toEqual({
      not: { any: [{ q: 'centre', equals: 'cpa' }, { q: 'centre', equals: 'cas' }] },
    });
    expect(read("${score} > 1 and (${score} < 9 and ${satisfied} = 'yes')")).toEqual({
      all: [{ q: 'score', gt: 1 }, { all: [{ q: 'score', lt: 9 }, { q: 'satisfied', equals: true }] }],
    });
  });

  it('follows a name to the id it became', () => {
    expect(read("${room-type} = 'a'")).toEqual({ q: 'room_type', equals: 'a' });
  });

  it('refuses expressions outside the subset, quoting the part it cannot read', () => {
    expect(refuse('${score} + 1 > 5')).toMatch(/"\$\{score\} \+ 1 > 5" is outside the expressions Sayso understands/);
    expect(refuse("if(${score} > 5, true(), false())")).toMatch(/outside the expressions/);
    expect(refuse('count-selected(${reasons}) > 2')).toMatch(/can only test whether "reasons" was answered/);
    expect(refuse("regex(${comment}, '^a')")).toMatch(/outside/);
    expect(refuse('${centre} > 3')).toMatch(/only a rating or faces question can be compared with >/);
    expect(refuse("${satisfied} = 'maybe'")).toMatch(/yes\/no question: compare it with 'yes' or 'no'/);
    expect(refuse("${centre} = 'hotel'")).toMatch(/"centre" has no choice "hotel" \(its choices: cpa, cas, sai\)/);
    expect(refuse("${intro} = 'x'")).toMatch(/is a note/);
    expect(refuse("${score} = 'high'")).toMatch(/compare it with a number/);
  });

  it('says where a broken expression breaks, and names unknown questions', () => {
    expect(refuse("${score} > ")).toMatch(/cannot read .*ends too early/);
    expect(refuse("(${score} > 1")).toMatch(/expected "\)"/);
    expect(refuse("${score > 1")).toMatch(/never closed/);
    expect(refuse("${centre} = 'cpa")).toMatch(/quoted text is never closed/);
    expect(refuse("${nowhere} = 'x'")).toMatch(/no question named "nowhere"/);
    expect(refuse('#')).toMatch(/"#" is not understood/);
  });

  it('reads curly quotes a spreadsheet program put in', () => {
    expect(read('${centre} = ‘cpa’')).toEqual({ q: 'centre', equals: 'cpa' });
  });

  it('refuses deep nesting and huge expressions instead of running out of stack', () => {
    expect(refuse(`${'('.repeat(200)}\${score} > 1${')'.repeat(200)}`)).toMatch(/nested too deeply/);
    expect(refuse(`\${score} > 1${' or ${score} > 1'.repeat(400)}`)).toMatch(/longer than 4000 characters/);
  });
});

describe('conditionToXpath', () => {
  const kinds: Record<string, QuestionKind> = Object.fromEntries(Object.values(QUESTIONS).map((q) => [q.id, q.kind]));
  const cases: Condition[] = [
    { q: 'satisfied', equals: false },
    { q: 'satisfied', notEquals: true },
    { q: 'centre', equals: 'cpa' },
    { q: 'score', gte: 7 },
    { q: 'score', lt: 2.5 },
    { q: 'feeling', lte: 2 },
    { q: 'reasons', includes: 'noise' },
    { q: 'comment', answered: true },
    { q: 'reasons', answered: false },
    { not: { any: [{ q: 'centre', equals: 'cpa' }, { q: 'centre', equals: 'cas' }] } },
    { all: [{ q: 'score', gt: 1 }, { all: [{ q: 'score', lt: 9 }, { any: [{ q: 'satisfied', equals: true }, { not: { q: 'comment', answered: true } }] }] }] },
  ];

  it.each(cases)('writes %j so that it reads back the same', (condition) => {
    const text = conditionToXpath(condition, (id) => kinds[id]);
    const back = relevanceToCondition(text, (name) => {
      const target = Object.values(QUESTIONS).find((q) => q.id === name);
      return target ? { ok: true, target } : { ok: false, message: 'unknown' };
    });
    expect(back).toEqual({ ok: true, condition, references: expect.any(Array) });
  });

  it("writes yes/no answers as 'yes' and 'no', as ODK stores them", () => {
    expect(conditionToXpath({ q: 'satisfied', equals: false }, (id) => kinds[id])).toBe("${satisfied} = 'no'");
    expect(conditionToXpath({ not: { q: 'centre', equals: 'sai' } }, (id) => kinds[id])).toBe("not(${centre} = 'sai')");
  });
});
