import { describe, expect, it } from 'vitest';
import { quarterRange, upcomingQuarters } from '../../../src/staff/waves/quarterDays.ts';
import { invitationLink, slipPages } from '../../../src/staff/waves/slipPages.ts';

describe('quarter shortcuts for wave dates', () => {
  it('gives each quarter its first and last day, February of a leap year included', () => {
    expect([1, 2, 3, 4].map((q) => quarterRange(2028, q as 1 | 2 | 3 | 4))).toEqual([
      { label: '2028 Q1', startsOn: '2028-01-01', endsOn: '2028-03-31' },
      { label: '2028 Q2', startsOn: '2028-04-01', endsOn: '2028-06-30' },
      { label: '2028 Q3', startsOn: '2028-07-01', endsOn: '2028-09-30' },
      { label: '2028 Q4', startsOn: '2028-10-01', endsOn: '2028-12-31' },
    ]);
  });

  it('offers the quarter of today and the next ones, across the new year', () => {
    expect(upcomingQuarters('2026-12-01', 3).map((q) => q.label)).toEqual(['2026 Q4', '2027 Q1', '2027 Q2']);
    expect(upcomingQuarters('2027-04-01', 1)[0]).toEqual({ label: '2027 Q2', startsOn: '2027-04-01', endsOn: '2027-06-30' });
  });
});

describe('invitation slips', () => {
  it('puts ten slips on a sheet and the rest on the next', () => {
    expect(slipPages(Array.from({ length: 23 }, (_, i) => i)).map((page) => page.length)).toEqual([10, 10, 3]);
    expect(slipPages([])).toEqual([]);
  });

  it('prints the link as the origin and /i/CODE, without a doubled slash', () => {
    expect(invitationLink('https://sayso.example.org/', '/i/K7QM3XPD2FA9')).toBe('https://sayso.example.org/i/K7QM3XPD2FA9');
  });
});
