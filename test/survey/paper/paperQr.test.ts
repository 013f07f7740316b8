import { describe, expect, it } from 'vitest';
import { decodeSheetCode, encodeSheetCode } from '../../../src/survey/paper/paperQr.ts';

describe('sheet QR codes', () => {
  const code = { surveyId: 'resident-satisfaction', surveyVersion: 2, language: 'ckb', facilityId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', serial: 123 };

  it('decodes what it encodes, as a scanner types it (with a trailing newline)', () => {
    const text = encodeSheetCode(code);
    expect(text).toBe('SAYSO1|resident-satisfaction|2|ckb|0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b|123');
    expect(decodeSheetCode(`${text}\n`)).toEqual(code);
  });

  it('gives null for anything else', () => {
    for (const text of ['', '000123-4', 'SAYSO2|a|1|en|f|1', 'SAYSO1|Resident|1|en|f|1', 'SAYSO1|resident|0|en|f|1', 'SAYSO1|resident|1|en|f|0', 'SAYSO1|resident|1|english|f|1', 'SAYSO1|resident|1|en|f<script>|1', 'SAYSO1|resident|1|en|f|1|extra']) {
      expect(decodeSheetCode(text), text).toBeNull();
    }
  });
});
