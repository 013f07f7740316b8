import { describe, expect, it } from 'vitest';
import { integerBounds, maxChoicesSelected, maxTextLength, rangeBounds, scaleOfBounds } from '../../../src/survey/xlsform/mapConstraint.ts';

describe('constraints Sayso keeps', () => {
  it('finds a rating scale in integer bounds, however they are written', () => {
    expect(scaleOfBounds(integerBounds('. >= 0 and . <= 10'))).toBe('0-10');
    expect(scaleOfBounds(integerBounds('.>0 and .<6'))).toBe('1-5');
    expect(scaleOfBounds(integerBounds('10 >= . and 1 <= .'))).toBe('1-10');
    expect(scaleOfBounds(integerBounds('. >= 1 and . <= 6'))).toBe('1-6');
    expect(scaleOfBounds(integerBounds('. >= 0 and . <= 7'))).toBeUndefined();
    expect(scaleOfBounds(integerBounds('. < 10'))).toBeUndefined();
    expect(integerBounds('. > 0 or . = -999')).toBeUndefined();
    expect(integerBounds("if(${a}='no', . >= 2, . >= 1)")).toBeUndefined();
  });

  it('reads a range row and its default parameters', () => {
    expect(scaleOfBounds(rangeBounds('start=0 end=10 step=1'))).toBe('0-10');
    expect(scaleOfBounds(rangeBounds(''))).toBe('1-10');
    expect(rangeBounds('start=0 end=10 step=2')).toBeUndefined();
  });

  it('reads a text length and a number of choices', () => {
    expect(maxTextLength('string-length(.) <= 500')).toBe(500);
    expect(maxTextLength('string-length(.) < 101')).toBe(100);
    expect(maxTextLength("regex(., '^a')")).toBeUndefined();
    expect(maxChoicesSelected('count-selected(.) <= 3')).toBe(3);
    expect(maxChoicesSelected('count-selected(.)<4')).toBe(3);
    expect(maxChoicesSelected('count-selected(.)>1 and count-selected(.)<4')).toBeUndefined();
  });
});
