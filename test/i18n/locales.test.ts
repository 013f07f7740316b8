import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NAMESPACES } from '../../src/i18n/i18n.ts';
import { LAUNCH_LANGUAGES } from '../../src/survey/languages.ts';

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.assign({}, ...Object.entries(value as Record<string, unknown>).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)));
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const status = JSON.parse(readFileSync('public/locales/status.json', 'utf8')) as Record<string, Record<string, string>>;

describe('app strings (public/locales)', () => {
  for (const ns of NAMESPACES) {
    const english = flatten(JSON.parse(readFileSync(`public/locales/en/${ns}.json`, 'utf8')));
    for (const lang of LAUNCH_LANGUAGES) {
      it(`${lang}/${ns} has every key, none empty, with the same placeholders`, () => {
        const file = `public/locales/${lang}/${ns}.json`;
        expect(existsSync(file), file).toBe(true);
        const strings = flatten(JSON.parse(readFileSync(file, 'utf8')));
        expect(Object.keys(strings).sort()).toEqual(Object.keys(english).sort());
        for (const [key, text] of Object.entries(strings)) {
          expect(text.trim(), `${lang}:${key}`).not.toBe('');
          expect(placeholders(text), `${lang}:${key}`).toEqual(placeholders(english[key]!));
        }
      });
    }
    it(`${ns} has a review status for every language`, () => {
      expect(Object.keys(status[ns] ?? {}).sort()).toEqual([...LAUNCH_LANGUAGES].sort());
    });
  }
});
