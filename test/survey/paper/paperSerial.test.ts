import { describe, expect, it } from 'vitest';
import { dammCheckDigit, formatSerial, MAX_SERIAL, parseSerial } from '../../../src/survey/paper/paperSerial.ts';

describe('paper serials', () => {
  it('prints six digits, a dash and the Damm check digit', () => {
    // Damm's published example: 572 has check digit 4.
    expect(dammCheckDigit('572')).toBe(4);
    expect(formatSerial(123)).toBe('000123-4');
    expect(formatSerial(1234567)).toMatch(/^1234567-\d$/);
  });

  it('reads what it printed, with or without the dash and spaces', () => {
    for (const serial of [1, 42, 999_999, 1_000_000, MAX_SERIAL]) {
      const printed = formatSerial(serial);
      expect(parseSerial(printed)).toEqual({ ok: true, serial });
      expect(parseSerial(printed.replace('-', ''))).toEqual({ ok: true, serial });
      expect(parseSerial(` ${printed.replace('-', ' ')} `)).toEqual({ ok: true, serial });
    }
  });

  it('catches every single wrong digit and every swap of two neighbours', () => {
    const printed = formatSerial(40_517).replace('-', '');
    for (let i = 0; i < printed.length; i++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === printed[i]) continue;
        const typo = printed.slice(0, i) + d + printed.slice(i + 1);
        expect(parseSerial(typo).ok, typo).toBe(false);
      }
      if (i + 1 < printed.length && printed[i] !== printed[i + 1]) {
        const swapped = printed.slice(0, i) + printed[i + 1] + printed[i] + printed.slice(i + 2);
        expect(parseSerial(swapped)).toEqual({ ok: false, reason: 'check-digit' });
      }
    }
  });

  it('refuses what is not a serial', () => {
    expect(parseSerial('')).toEqual({ ok: false, reason: 'format' });
    expect(parseSerial('12a4')).toEqual({ ok: false, reason: 'format' });
    expect(parseSerial('0000000')).toEqual({ ok: false, reason: 'format' });
    expect(() => formatSerial(0)).toThrow(RangeError);
    expect(() => formatSerial(MAX_SERIAL + 1)).toThrow(RangeError);
  });
});
