import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectedKeys } from '../../src/i18n/expectedKeys.ts';
import { NAMESPACES } from '../../src/i18n/i18n.ts';
import { LAUNCH_LANGUAGES } from '../../src/survey/languages.ts';

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.assign({}, ...Object.entries(value as Record<string, unknown>).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)));
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
const status = JSON.parse(readFileSync('public/locales/status.json', 'utf8')) as Record<string, Record<string, string>>;

/** English plural bases: `hidden` for `hidden_one` + `hidden_other`. */
function pluralBasesOf(english: Record<string, string>): string[] {
  return [...new Set(Object.keys(english).filter((key) => /_(one|other)$/.test(key)).map((key) => key.replace(/_(one|other)$/, '')))].filter(
    (base) => `${base}_other` in english,
  );
}

// Arabic's "إجابة واحدة" (one answer) or "إجابتان" (two answers) says the number in the word itself.
const NUMBER_PLACEHOLDERS = new Set(['count', 'formatted']);
const NUMBER_IN_WORD = new Set(['zero', 'one', 'two']);

describe('app strings (public/locales)', () => {
  for (const ns of NAMESPACES) {
    const english = flatten(JSON.parse(readFileSync(`public/locales/en/${ns}.json`, 'utf8')));
    const bases = pluralBasesOf(english);
    for (const lang of LAUNCH_LANGUAGES) {
      it(`${lang}/${ns} has every key (plurals in each of ${lang}'s forms), none empty, with the same placeholders`, () => {
        const file = `public/locales/${lang}/${ns}.json`;
        expect(existsSync(file), file).toBe(true);
        const strings = flatten(JSON.parse(readFileSync(file, 'utf8')));
        const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
        const pluralForm = new Map<string, { base: string; category: string }>();
        for (const base of bases) for (const category of categories) pluralForm.set(`${base}_${category}`, { base, category });
        const plain = Object.keys(english).filter((key) => !(/_(one|other)$/.test(key) && bases.includes(key.replace(/_(one|other)$/, ''))));
        const wantedKeys = new Set([...plain, ...pluralForm.keys()]);
        const missing = [...wantedKeys].filter((key) => !(key in strings));
        const unexpected = Object.keys(strings).filter((key) => !wantedKeys.has(key));
        expect({ missing, unexpected }, file).toEqual({ missing: [], unexpected: [] });
        for (const [key, text] of Object.entries(strings)) {
          expect(text.trim(), `${lang}:${key}`).not.toBe('');
          const found = placeholders(text);
          const plural = pluralForm.get(key);
          if (!plural) {
            expect(found, `${lang}:${key}`).toEqual(placeholders(english[key]!));
            continue;
          }
          // Every form keeps English's placeholders; only zero/one/two may leave the number to the word.
          const mayOmit = (name: string) => NUMBER_IN_WORD.has(plural.category) && NUMBER_PLACEHOLDERS.has(name);
          const wanted = placeholders(english[`${plural.base}_other`]!).filter((name) => !mayOmit(name) || found.includes(name));
          expect(found, `${lang}:${key}`).toEqual(wanted);
        }
      });
    }
    it(`${ns} has a review status for every language`, () => {
      expect(Object.keys(status[ns] ?? {}).sort()).toEqual([...LAUNCH_LANGUAGES].sort());
    });
    it(`${ns}: the keys the app's missing-words notice asks of each language are the keys this test asks for`, () => {
      for (const lang of LAUNCH_LANGUAGES) {
        const strings = flatten(JSON.parse(readFileSync(`public/locales/${lang}/${ns}.json`, 'utf8')));
        expect(expectedKeys(Object.keys(english), lang).sort(), lang).toEqual(Object.keys(strings).sort());
      }
    });
  }

  it('asks Arabic for six forms of a plural, Russian for four and Turkish for two', () => {
    const english = ['title', 'hidden_one', 'hidden_other', 'note_one'];
    expect(expectedKeys(english, 'ar').sort()).toEqual(
      ['title', 'note_one', 'hidden_zero', 'hidden_one', 'hidden_two', 'hidden_few', 'hidden_many', 'hidden_other'].sort(),
    );
    expect(expectedKeys(english, 'ru').sort()).toEqual(['title', 'note_one', 'hidden_one', 'hidden_few', 'hidden_many', 'hidden_other'].sort());
    expect(expectedKeys(english, 'tr').sort()).toEqual(['title', 'note_one', 'hidden_one', 'hidden_other'].sort());
  });
});
