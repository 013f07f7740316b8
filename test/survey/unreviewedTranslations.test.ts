import { describe, expect, it } from 'vitest';
import { listUnreviewedTranslations } from '../../src/survey/unreviewedTranslations.ts';

describe('listUnreviewedTranslations', () => {
  it('lists survey and app languages that are not reviewed, treating a missing status as unreviewed', () => {
    const pending = listUnreviewedTranslations(
      [{ id: 'mini', languages: ['en', 'ar', 'ti'], translationStatus: { en: 'reviewed', ar: 'machine' } }],
      { kiosk: { en: 'reviewed', so: 'unreviewed' } },
    );
    expect(pending).toEqual([
      { kind: 'survey', name: 'mini', language: 'ar', languageName: 'Arabic', status: 'machine' },
      { kind: 'survey', name: 'mini', language: 'ti', languageName: 'Tigrinya', status: 'unreviewed' },
      { kind: 'app', name: 'kiosk', language: 'so', languageName: 'Somali', status: 'unreviewed' },
    ]);
  });
});
