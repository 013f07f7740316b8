import { describe, expect, it } from 'vitest';
import { paginateBlocks } from '../../../src/inspector/print/paginateBlocks.ts';

const block = (height: number, keepWithNext = false) => ({ height, keepWithNext });
/** A row of the monitoring table: the first on a page brings the column header (10) with it. */
const row = (height: number, keepWithNext = false) => ({ height, keepWithNext, tableHead: 10 });

describe('paginateBlocks: which blocks of a sheet go on which page', () => {
  it('fills pages in order and starts a new page when a block does not fit whole', () => {
    expect(paginateBlocks([block(40), block(40), block(30), block(50)], 100)).toEqual({ pages: [[0, 1], [2, 3]], oversized: [] });
  });

  it('puts a block that exactly fills the rest of a page on that page', () => {
    expect(paginateBlocks([block(60), block(40), block(10)], 100).pages).toEqual([[0, 1], [2]]);
  });

  it('never leaves a section heading alone at the bottom of a page', () => {
    // The heading (10) fits after 80, its first question (30) does not: both move on.
    expect(paginateBlocks([block(80), block(10, true), block(30), block(20)], 100).pages).toEqual([[0], [1, 2, 3]]);
  });

  it('keeps a chain of headings with the first question under them', () => {
    expect(paginateBlocks([block(70), block(10, true), block(10, true), block(20)], 100).pages).toEqual([[0], [1, 2, 3]]);
  });

  it('gives a block taller than a page a page of its own and reports it', () => {
    expect(paginateBlocks([block(30), block(150), block(30)], 100)).toEqual({ pages: [[0], [1], [2]], oversized: [1] });
  });

  it('keeps a heading where it is when it and its question could never share a page', () => {
    expect(paginateBlocks([block(20), block(10, true), block(120)], 100).pages).toEqual([[0, 1], [2]]);
  });

  it('counts the table\'s column header once per page, above the first row of the page', () => {
    expect(paginateBlocks([row(30), row(30), row(30), row(30)], 100).pages).toEqual([[0, 1, 2], [3]]);
    expect(paginateBlocks([block(60), row(30)], 100).pages).toEqual([[0, 1]]);
    expect(paginateBlocks([block(65), row(30)], 100).pages).toEqual([[0], [1]]);
  });

  it('keeps a table\'s area heading with its first row, counting the column header they bring', () => {
    expect(paginateBlocks([block(50), row(10, true), row(30)], 100).pages).toEqual([[0, 1, 2]]);
    expect(paginateBlocks([block(55), row(10, true), row(30)], 100).pages).toEqual([[0], [1, 2]]);
  });

  it('makes no page for no blocks', () => {
    expect(paginateBlocks([], 100).pages).toEqual([]);
  });
});
