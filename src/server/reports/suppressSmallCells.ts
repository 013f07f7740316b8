/**
 * Small-cell suppression (docs/staff-api.md, "Small cells"). Residents may fear that what
 * they say affects their procedure (PRODUCT.md), so no figure built from fewer than the
 * organisation's threshold (k, at least 5) is shown, and none can be had by subtraction.
 *
 * Why fixed periods are quarters only: quarters never overlap, so no quarter's figures are
 * the difference of two other periods' figures. With overlapping periods (a custom range
 * moved a day at a time, or a month next to its quarter) the difference of two shown
 * figures could isolate one respondent's answers even though each figure alone has n ≥ k;
 * so a custom range shows response counts only, and within one table the hiding below is
 * complementary.
 */

/** A figure built from n responses is shown only from the threshold up. */
export function isSmallCell(n: number, minCellSize: number): boolean {
  return n < minCellSize;
}

/**
 * Which groups to hide, for groups shown next to their total (breakdown groups beside the
 * overall figure, facilities beside the organisation's total). A group is hidden when its
 * n is below k, or when `forced` says so (its whole group or facility is hidden). Then, as
 * long as exactly one group with answers is hidden, or the hidden groups' n together is
 * below k, the next smallest shown group is hidden too: otherwise the hidden figures would
 * be the total minus the shown ones. Groups with n = 0 have nothing to hide and never
 * count as hidden ones. Ties go to the earlier group, so the result is the same every time.
 */
export function suppressSmallCells(ns: readonly number[], minCellSize: number, forced: readonly boolean[] = []): boolean[] {
  const hidden = ns.map((n, i) => forced[i] === true || isSmallCell(n, minCellSize));
  for (;;) {
    let count = 0;
    let sum = 0;
    ns.forEach((n, i) => {
      if (hidden[i] && n > 0) {
        count += 1;
        sum += n;
      }
    });
    if (count === 0 || (count >= 2 && sum >= minCellSize)) return hidden;
    let next = -1;
    ns.forEach((n, i) => {
      if (!hidden[i] && (next === -1 || n < ns[next]!)) next = i;
    });
    if (next === -1) return hidden;
    hidden[next] = true;
  }
}
