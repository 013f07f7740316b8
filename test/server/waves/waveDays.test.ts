import { describe, expect, it } from 'vitest';
import { slipLanguages } from '../../../src/server/waves/slipLanguages.ts';
import { inclusiveDays, isCalendarDay, waveDatesProblem, waveStatus } from '../../../src/server/waves/waveDays.ts';
import { participationPercent } from '../../../src/server/waves/listWaves.ts';

describe('a wave\'s days', () => {
  it('takes only real calendar days', () => {
    expect(['2027-02-28', '2028-02-29', '2027-02-29', '2027-13-01', '27-01-01', '2027-1-1'].map(isCalendarDay)).toEqual([true, true, false, false, false, false]);
  });

  it('counts both ends and allows up to 366 days', () => {
    expect(inclusiveDays('2027-01-01', '2027-01-01')).toBe(1);
    expect(inclusiveDays('2027-01-01', '2027-03-31')).toBe(90);
    expect(waveDatesProblem('2028-01-01', '2028-12-31')).toBeNull();
    expect(waveDatesProblem('2027-01-01', '2028-01-01')).toBeNull();
    expect(waveDatesProblem('2027-01-01', '2028-01-02')).toMatch(/366 days/);
    expect(waveDatesProblem('2027-01-02', '2027-01-01')).toMatch(/before it starts/);
  });

  it('runs while any of its facilities is inside the dates on its own local day', () => {
    const wave = { starts_on: '2027-01-01', ends_on: '2027-01-31', cancelled_at: null };
    const zones = ['Europe/Brussels', 'America/New_York'];
    // 2027-02-01 03:00 UTC: Brussels is on February 1, New York still on January 31.
    expect(waveStatus(wave, zones, new Date('2027-02-01T03:00:00Z'))).toBe('running');
    expect(waveStatus(wave, zones, new Date('2027-02-01T06:00:00Z'))).toBe('ended');
    expect(waveStatus(wave, zones, new Date('2026-12-31T22:00:00Z'))).toBe('planned');
    expect(waveStatus(wave, zones, new Date('2026-12-31T23:30:00Z'))).toBe('running');
    expect(waveStatus({ ...wave, cancelled_at: '2027-01-05T00:00:00Z' }, zones, new Date('2027-01-10T12:00:00Z'))).toBe('cancelled');
  });
});

describe('participation and slip languages', () => {
  it('gives a percent with one decimal, and none while the eligible residents are not counted', () => {
    expect([participationPercent(3, 8), participationPercent(1, 3), participationPercent(5, null), participationPercent(2, 0)]).toEqual([37.5, 33.3, null, null]);
  });

  it('prints a slip in the survey\'s languages the facility enables, default first, three at most', () => {
    const survey = { defaultLanguage: 'fr', languages: ['en', 'fr', 'ar', 'ti', 'so'] };
    expect(slipLanguages(survey, JSON.stringify(['ar', 'ti', 'so', 'fr']))).toEqual(['fr', 'ar', 'ti']);
    expect(slipLanguages(survey, JSON.stringify(['ti']))).toEqual(['ti']);
    // A facility that enables none of the survey's languages still gets the survey's default.
    expect(slipLanguages(survey, JSON.stringify(['uk']))).toEqual(['fr']);
    expect(slipLanguages(survey, null)).toEqual(['fr', 'en', 'ar']);
  });
});
