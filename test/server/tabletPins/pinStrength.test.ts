import { describe, expect, it } from 'vitest';
import { pinStrength } from '../../../src/server/tabletPins/pinStrength.ts';

describe('tablet PIN strength', () => {
  it('refuses one digit repeated and straight runs up or down, as the first guesses of a thief', () => {
    for (const pin of ['000000', '1111111', '99999999', '123456', '654321', '12345678', '87654321', '890123', '3210987']) expect(pin, pin).toSatisfy((p: string) => pinStrength(p) === 'weak');
  });
  it('takes other PINs of 6 to 8 digits', () => {
    for (const pin of ['135790', '2468024', '19283746', '112233', '120120']) expect(pinStrength(pin), pin).toBe('ok');
  });
  it('calls anything but 6 to 8 digits invalid', () => {
    for (const pin of ['12345', '123456789', '12a456', ' 123456', '１２３４５６', '']) expect(pinStrength(pin), JSON.stringify(pin)).toBe('invalid');
  });
});
