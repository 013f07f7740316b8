/**
 * Which blocks go on which page of a sheet, from their measured heights: blocks fill a
 * page in order and are never split; a block that does not fit starts the next page; a
 * heading (keepWithNext) moves on with the block after it rather than end a page alone.
 * A block taller than a whole page gets a page of its own (and is cut by it: the caller
 * reports that). Rows of a table (tableHead) need the table's column header above the first
 * of them on each page. Pure, so the decisions are tested without a browser.
 */
export interface MeasuredBlock {
  height: number;
  keepWithNext?: boolean;
  /** Height of the column header the first table row of a page brings with it. */
  tableHead?: number;
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
  let headed = false;
  const newPage = () => {
    if (page.length) pages.push(page);
    page = [];
    used = 0;
    headed = false;
  };
  // A block's height on the current page, with the column header it would bring.
  const cost = (j: number, isHeaded: boolean) => blocks[j]!.height + (!isHeaded && blocks[j]!.tableHead ? blocks[j]!.tableHead! : 0);
  for (let i = 0; i < blocks.length; i++) {
    // A heading needs room for itself, every heading chained to it, and the first block after them.
    const chain = (isHeaded: boolean) => {
      let total = 0;
      let h = isHeaded;
      for (let j = i; ; j++) {
        total += cost(j, h);
        h ||= Boolean(blocks[j]!.tableHead);
        if (!(blocks[j]!.keepWithNext && j + 1 < blocks.length)) return total;
      }
    };
    const height = cost(i, headed);
    const needed = chain(headed);
    const fitsWithFollower = used + needed <= pageHeight;
    const fits = used + height <= pageHeight;
    // Only move a heading on when the move helps: a heading chain taller than a page stays where it is.
    if (page.length && (!fits || (!fitsWithFollower && chain(false) <= pageHeight))) newPage();
    const placed = cost(i, headed);
    if (placed > pageHeight) oversized.push(i);
    page.push(i);
    used += placed;
    headed ||= Boolean(blocks[i]!.tableHead);
  }
  newPage();
  return { pages, oversized };
}
