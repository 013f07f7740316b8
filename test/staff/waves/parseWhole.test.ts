import { describe, expect, it } from 'vitest';
import { parseWhole } from '../../../src/staff/waves/parseWhole.ts';

describe('whole numbers typed by staff', () => {
  it('reads digits, leaves an empty field as not counted, and refuses the rest', () => {
    expect(['40', ' 7 ', '', '  ', '-1', '2.5', '1e3', '12345678', 'forty'].map(parseWhole)).toEqual([40, 7, null, null, undefined, undefined, undefined, undefined, undefined]);
  });
});
