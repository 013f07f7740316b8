import { describe, expect, it } from 'vitest';
import { isSmallCell, suppressSmallCells } from '../../../src/server/reports/suppressSmallCells.ts';

/** A tiny deterministic generator, so a failure can be replayed from its seed. */
function makeRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('small-cell suppression', () => {
  it('hides a figure built from fewer responses than the threshold, and shows one at the threshold', () => {
    expect([4, 5, 6].map((n) => isSmallCell(n, 5))).toEqual([true, false, false]);
    expect(isSmallCell(9, 10)).toBe(true);
  });

  it('hides a facility with fewer than 5 responses, and the next smallest so it cannot be subtracted', () => {
    expect(suppressSmallCells([3, 20, 8, 40], 5)).toEqual([true, false, true, false]);
  });

  it('hides more groups while two hidden ones together come to fewer than the threshold', () => {
    // 1 + 2 = 3 could be had from the total; hiding the 9 too makes 12.
    expect(suppressSmallCells([1, 2, 30, 9], 5)).toEqual([true, true, false, true]);
  });

  it('stops once two or more hidden groups together reach the threshold', () => {
    expect(suppressSmallCells([3, 4, 50, 60], 5)).toEqual([true, true, false, false]);
  });

  it('follows a raised threshold of 10', () => {
    expect(suppressSmallCells([9, 12, 30], 5)).toEqual([false, false, false]);
    expect(suppressSmallCells([9, 12, 30], 10)).toEqual([true, true, false]);
    // 6 + 7 = 13 hidden already reach 10: nothing more.
    expect(suppressSmallCells([6, 7, 30, 40], 10)).toEqual([true, true, false, false]);
  });

  it('treats a group nobody is in as nothing to protect', () => {
    expect(suppressSmallCells([0, 20, 30], 5)).toEqual([true, false, false]);
    expect(suppressSmallCells([0, 3, 20, 30], 5)).toEqual([true, true, true, false]);
  });

  it('protects a group hidden for another reason (a facility with too few responses) like a small one', () => {
    expect(suppressSmallCells([12, 30, 40], 5, [true])).toEqual([true, true, false]);
  });

  it('hides everything when there is nothing else to hide', () => {
    expect(suppressSmallCells([3, 100], 5)).toEqual([true, true]);
    expect(suppressSmallCells([2], 5)).toEqual([true]);
    expect(suppressSmallCells([], 5)).toEqual([]);
  });

  it('picks the earlier of two equally small groups, every time', () => {
    expect(suppressSmallCells([3, 10, 10], 5)).toEqual([true, true, false]);
    expect(suppressSmallCells([10, 10, 3], 5)).toEqual([true, false, true]);
  });

  it('never leaves a hidden figure that the total minus the shown ones would give (random tables)', () => {
    const seed = Number(process.env.SAYSO_SUPPRESS_SEED ?? Date.now() % 100_000);
    const random = makeRandom(seed);
    for (let round = 0; round < 2000; round++) {
      const k = 5 + Math.floor(random() * 8);
      const ns = Array.from({ length: 1 + Math.floor(random() * 8) }, () => (random() < 0.2 ? 0 : Math.floor(random() * 3 * k)));
      const forced = ns.map(() => random() < 0.1);
      const hidden = suppressSmallCells(ns, k, forced);
      const context = `seed ${seed}, round ${round}: k=${k} ns=${ns.join(',')} forced=${forced.join(',')} hidden=${hidden.join(',')}`;
      ns.forEach((n, i) => {
        if (n < k || forced[i]) expect(hidden[i], context).toBe(true);
      });
      const hiddenWithAnswers = ns.filter((n, i) => hidden[i] && n > 0);
      const shownLeft = ns.some((_, i) => !hidden[i]);
      const sum = hiddenWithAnswers.reduce((a, b) => a + b, 0);
      // Either nothing is protected, or the protected set is at least two groups of k together, or nothing is shown at all.
      expect(hiddenWithAnswers.length === 0 || (hiddenWithAnswers.length >= 2 && sum >= k) || !shownLeft, context).toBe(true);
      // A group of k or more is hidden only to protect another: removing the largest extra one must break the rule.
      const extras = ns.map((n, i) => ({ n, i })).filter(({ n, i }) => hidden[i] && n >= k && !forced[i]);
      if (extras.length > 0) {
        const last = extras.reduce((a, b) => (b.n > a.n || (b.n === a.n && b.i > a.i) ? b : a));
        const without = hiddenWithAnswers.length - 1;
        expect(without === 1 || sum - last.n < k, context).toBe(true);
      }
    }
  });
});
