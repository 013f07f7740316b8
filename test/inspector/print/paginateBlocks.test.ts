import { describe, expect, it } from 'vitest';
import { paginateBlocks } from '../../../src/inspector/print/paginateBlocks.ts';

const block = (height: number, keepWithNext = false) => ({ height, keepWithNext });

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

  it('makes no page for no blocks', () => {
    expect(paginateBlocks([], 100).pages).toEqual([]);
  });
});
