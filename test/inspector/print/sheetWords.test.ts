import { existsSync, readFileSync } from 'node:fs';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { sheetTranslate } from '../../../src/inspector/print/sheetWords.ts';
import { NAMESPACES } from '../../../src/i18n/i18n.ts';
import { LAUNCH_LANGUAGES } from '../../../src/survey/languages.ts';

const bundle = (language: string, namespace: string) => JSON.parse(readFileSync(`public/locales/${language}/${namespace}.json`, 'utf8')) as Record<string, unknown>;

describe('the printed sheet\'s own words: the paper namespace, not the kiosk\'s', () => {
  it('ships paperForm in paper.json for every launch language, and in no kiosk.json (tablets never download it)', () => {
    expect(NAMESPACES).toContain('paper');
    for (const language of LAUNCH_LANGUAGES) {
      expect(existsSync(`public/locales/${language}/paper.json`), language).toBe(true);
      expect(Object.keys(bundle(language, 'paper')), language).toEqual(['paperForm']);
      expect(bundle(language, 'kiosk'), language).not.toHaveProperty('paperForm');
    }
  });

  it('reads paperForm.* from paper and the words it shares with the kiosk from kiosk, in the sheet\'s language', async () => {
    await i18next.init({
      lng: 'en',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      resources: { fr: { paper: bundle('fr', 'paper'), kiosk: bundle('fr', 'kiosk') }, en: { paper: bundle('en', 'paper'), kiosk: bundle('en', 'kiosk') } },
    });
    const word = sheetTranslate('fr');
    expect(word('paperForm.pageOf', { page: 2, pages: 4 })).toBe('Page 2 sur 4');
    expect(word('answer.yes')).toBe('Oui');
    expect(word('compliance.critical')).toBe('Problème critique');
  });
});
