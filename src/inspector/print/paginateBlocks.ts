/**
 * Which blocks go on which page of a sheet, from their measured heights: blocks fill a
 * page in order and are never split; a block that does not fit starts the next page; a
 * heading (keepWithNext) moves on with the block after it rather than end a page alone.
 * A block taller than a whole page gets a page of its own (and is cut by it: the caller
 * reports that). Pure, so the decisions are tested without a browser.
 */
export interface MeasuredBlock {
  height: number;
  keepWithNext?: boolean;
}

export interface Pagination {
  /** Block indexes per page, in order. */
  pages: number[][];
  /** Blocks taller than a page. */
  oversized: number[];
}

export function paginateBlocks(blocks: readonly MeasuredBlock[], pageHeight: number): Pagination {
  const pages: number[][] = [];
  const oversized: number[] = [];
  let page: number[] = [];
  let used = 0;
  const newPage = () => {
    if (page.length) pages.push(page);
    page = [];
    used = 0;
  };
  for (let i = 0; i < blocks.length; i++) {
    const height = blocks[i]!.height;
    if (height > pageHeight) oversized.push(i);
    // A heading needs room for itself, every heading chained to it, and the first block after them.
    let needed = height;
    for (let j = i; blocks[j]?.keepWithNext && j + 1 < blocks.length; j++) needed += blocks[j + 1]!.height;
    const fitsWithFollower = used + needed <= pageHeight;
    const fits = used + height <= pageHeight;
    // Only move a heading on when the move helps: a heading chain taller than a page stays where it is.
    if (page.length && (!fits || (!fitsWithFollower && needed <= pageHeight))) newPage();
    page.push(i);
    used += height;
  }
  newPage();
  return { pages, oversized };
}
