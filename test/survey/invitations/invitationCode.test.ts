import { describe, expect, it } from 'vitest';
import { formatInvitationCode, INVITATION_CODE_LENGTH, invitationPath, makeInvitationCode, parseInvitationCode } from '../../../src/survey/invitations/invitationCode.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('invitation codes', () => {
  it('makes 12-symbol codes that read back, printed in three groups', () => {
    const code = makeInvitationCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(code).toHaveLength(INVITATION_CODE_LENGTH);
    expect(formatInvitationCode(code)).toMatch(/^.{4}-.{4}-.{4}$/);
    expect(parseInvitationCode(formatInvitationCode(code))).toEqual({ ok: true, code });
    expect(parseInvitationCode(` ${formatInvitationCode(code).toLowerCase()} `)).toEqual({ ok: true, code });
    expect(invitationPath(code)).toBe(`/i/${code}`);
  });

  it('are different each time (1,000 codes, no repeat)', () => {
    expect(new Set(Array.from({ length: 1000 }, () => makeInvitationCode())).size).toBe(1000);
  });

  it('catches every single wrong symbol and every swap of two different neighbours', () => {
    const code = makeInvitationCode(() => Uint8Array.from([3, 14, 15, 9, 26, 5, 31, 8, 27, 18, 2]));
    for (let i = 0; i < code.length; i++) {
      for (const symbol of ALPHABET) {
        if (symbol === code[i]) continue;
        const wrong = code.slice(0, i) + symbol + code.slice(i + 1);
        expect(parseInvitationCode(wrong), wrong).toEqual({ ok: false, reason: 'check' });
      }
    }
    for (let i = 0; i + 1 < code.length; i++) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      expect(parseInvitationCode(swapped).ok, swapped).toBe(false);
    }
  });

  it('reads O, I and L as the digits people mean, and refuses other symbols and lengths', () => {
    const code = makeInvitationCode(() => Uint8Array.from([0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0]));
    expect(parseInvitationCode(code.replace(/0/g, 'O').replace(/1/g, 'l'))).toEqual({ ok: true, code });
    expect(parseInvitationCode('K7QM-3XPD-2F')).toEqual({ ok: false, reason: 'length' });
    expect(parseInvitationCode('K7QM-3XPD-2FU!')).toEqual({ ok: false, reason: 'symbol' });
  });
});
