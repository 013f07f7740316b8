/**
 * Spreadsheets are untrusted input: odd, broken or huge forms give a report, never a
 * throw or a hang.
 */
import { describe, expect, it } from 'vitest';
import { importXlsform } from '../../../src/survey/xlsform/importXlsform.ts';
import { buildWorkbook, YES_NO_CHOICES } from './buildWorkbook.ts';

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const TYPES = ['text', 'note', 'integer', 'decimal', 'select_one yn', 'select_one colours or_other', 'select_multiple colours', 'select_one missing', 'begin group', 'end group', 'begin repeat', 'end repeat', 'calculate', 'date', 'range', '', 'wat', 'select one from yn'];
const NAMES = ['a', 'b', 'c', 'd', 'A-b', 'a.b', '', '1x', 'g', 'h'];
const RELEVANT = ["${a} = 'yes'", '${b} > 3', "selected(${c}, 'red')", "not(${a} = 'no') and (${b} < 2 or ${d} != '')", '${a', "'", '((((', '${zz} = 1', 'count-selected(${c}) > 0', '${g} = 1', '', '', '', "${a} = 'yes' or", '1 + ${b} > 2'];
const CONSTRAINT = ['', '. >= 0 and . <= 10', 'string-length(.) <= 5', 'count-selected(.) <= 1', 'regex(., "x")', '.>'];

describe('hostile XLSForms', () => {
  it('gives a report for 150 random forms, never a throw', () => {
    const next = random(9);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
    for (let form = 0; form < 150; form++) {
      const rows = [['type', 'name', 'label', pick(['label::French (fr)', 'label::Nowhere', 'hint']), 'relevant', 'constraint', 'required']];
      const count = 1 + Math.floor(next() * 25);
      for (let i = 0; i < count; i++) rows.push([pick(TYPES), pick(NAMES), pick(['Q', '', 'Q ${a}']), pick(['', 'Fr']), pick(RELEVANT), pick(CONSTRAINT), pick(['', 'yes', 'maybe'])]);
      const result = importXlsform(buildWorkbook({ survey: rows, choices: YES_NO_CHOICES }), { fileName: `form${form}.xlsx` });
      for (const problem of result.problems) {
        expect(['survey', 'choices', 'settings', '(file)']).toContain(problem.sheet);
        expect(problem.message.length).toBeGreaterThan(5);
      }
      if (result.publishable) expect(result.problems.some((p) => p.severity === 'error')).toBe(false);
    }
  });

  it('refuses groups nested without end, deep enough to exhaust a recursive walk', () => {
    const rows = [['type', 'name', 'label']];
    for (let i = 0; i < 3000; i++) rows.push(['begin group', `g${i}`, 'G']);
    rows.push(['text', 'q', 'Q']);
    const result = importXlsform(buildWorkbook({ survey: rows }));
    expect(result.publishable).toBe(false);
    expect(result.problems.some((p) => p.message.includes('nested more than 10 deep'))).toBe(true);
    expect(result.problems.some((p) => p.message.includes('is never closed'))).toBe(true);
  });

  it('reads a long chain of conditions (each on the one before) without running out of stack', () => {
    const rows = [['type', 'name', 'label', 'relevant'], ['text', 'q0', 'Q', '']];
    for (let i = 1; i < 3000; i++) rows.push(['text', `q${i}`, 'Q', `\${q${i - 1}} != ''`]);
    const result = importXlsform(buildWorkbook({ survey: rows }));
    expect(result.publishable).toBe(true);
    expect(result.summary.questions).toBe(3000);
  });

  it('spells out a long cycle once per row', () => {
    const rows = [['type', 'name', 'label', 'relevant']];
    for (let i = 0; i < 200; i++) rows.push(['text', `q${i}`, 'Q', `\${q${(i + 1) % 200}} != ''`]);
    const result = importXlsform(buildWorkbook({ survey: rows }));
    const cyclic = result.problems.filter((p) => p.message.startsWith('cyclic relevance'));
    expect(cyclic).toHaveLength(200);
    expect(cyclic[0]?.message).toContain('q0 → q1 → q2');
  });
});
