import { describe, expect, it } from 'vitest';
import { readRowType } from '../../../src/survey/xlsform/xlsformTypes.ts';

describe('readRowType', () => {
  it('reads today\'s and older spellings of choice questions', () => {
    expect(readRowType('select_one yes_no')).toEqual({ type: 'select_one', list: 'yes_no', orOther: false });
    expect(readRowType('select one from sexes')).toEqual({ type: 'select_one', list: 'sexes', orOther: false });
    expect(readRowType('select_multiple  happy_sad')).toEqual({ type: 'select_multiple', list: 'happy_sad', orOther: false });
    expect(readRowType('select all that apply from list')).toEqual({ type: 'select_multiple', list: 'list', orOther: false });
    expect(readRowType('select_one colors or_other')).toEqual({ type: 'select_one', list: 'colors', orOther: true });
  });

  it('reads aliases and group rows', () => {
    expect(readRowType('string')).toEqual({ type: 'text' });
    expect(readRowType('int')).toEqual({ type: 'integer' });
    expect(readRowType('begin group')).toEqual({ type: 'begin_group' });
    expect(readRowType('end_group')).toEqual({ type: 'end_group' });
    expect(readRowType('begin loop over people')).toEqual({ type: 'begin_repeat' });
  });

  it('gives a reason for every type Sayso leaves out', () => {
    for (const type of ['calculate', 'geopoint', 'gps', 'date', 'dateTime', 'image', 'video', 'barcode', 'trigger', 'start', 'deviceid', 'audit', 'rank things', 'select_one_from_file a.csv']) {
      const read = readRowType(type);
      expect(read.type, type).toBe('skip');
      expect(read.type === 'skip' && read.reason.length, type).toBeGreaterThan(10);
    }
    expect(readRowType('frobnicate')).toEqual({ type: 'unknown', name: 'frobnicate' });
  });
});
