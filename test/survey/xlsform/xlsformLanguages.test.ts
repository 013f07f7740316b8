import { describe, expect, it } from 'vitest';
import { languageColumnName, languageFromName } from '../../../src/survey/xlsform/xlsformLanguages.ts';

describe('languageFromName', () => {
  it.each([
    ['English (en)', 'en'], ['Deutsch (de)', 'de'], ['Persian (Farsi, Dari) (fa)', 'fa'], ['Swahili (sw)', 'sw'], ['Portuguese (pt-BR)', 'pt-BR'],
    ['English', 'en'], ['english', 'en'], ['french', 'fr'], ['Farsi', 'fa'], ['Dari', 'fa'], ['Kurdish (Sorani)', 'ckb'], ['Sorani', 'ckb'],
    ['Tigrinya', 'ti'], ['العربية', 'ar'], ['Français', 'fr'], ['fr', 'fr'], ['ckb', 'ckb'],
  ])('reads "%s" as %s', (name, code) => {
    expect(languageFromName(name)).toEqual({ ok: true, code });
  });

  it('refuses a name it does not know, saying how to write it', () => {
    const read = languageFromName('Klingon');
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toContain('"Klingon" is not known');
    expect(languageFromName('x'.repeat(5000)).ok).toBe(false);
  });

  it('writes every launch language so that it reads back', () => {
    for (const code of ['en', 'fr', 'nl', 'de', 'it', 'pl', 'es', 'ru', 'uk', 'tr', 'ar', 'fa', 'ps', 'ckb', 'ti', 'so', 'sw']) {
      expect(languageFromName(languageColumnName(code))).toEqual({ ok: true, code });
    }
    expect(languageColumnName('fa')).toBe('Persian (Farsi, Dari) (fa)');
  });
});
