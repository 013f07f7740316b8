/**
 * The CLDR plural categories i18next picks a key's suffix from in this language
 * (i18next ≥ 21 uses Intl.PluralRules: ar has six forms, ru four, tr two).
 */
export function pluralCategories(language: string): Intl.LDMLPluralRule[] {
  // Like i18next's PluralResolver: a malformed code falls back to its language part, then to one/other.
  for (const code of [language.replace('_', '-'), language.split(/[-_]/)[0] ?? '']) {
    try {
      return new Intl.PluralRules(code).resolvedOptions().pluralCategories;
    } catch {
      // not a valid language tag: try the next
    }
  }
  return ['one', 'other'];
}

/** English plural bases: `hidden` when the keys hold `hidden_other` (and `hidden_one`). */
export function pluralBases(englishKeys: readonly string[]): Set<string> {
  const keys = new Set(englishKeys);
  const bases = new Set<string>();
  for (const key of englishKeys) {
    const base = key.replace(/_(one|other)$/, '');
    if (base !== key && keys.has(`${base}_other`)) bases.add(base);
  }
  return bases;
}

/**
 * The keys a language must have, given English's: every key as in English, except that a plural
 * base has one key per plural category of that language (ru `hidden_few`, ar `hidden_zero`…)
 * instead of English's `_one`/`_other`.
 */
export function expectedKeys(englishKeys: readonly string[], language: string): string[] {
  const bases = pluralBases(englishKeys);
  const isPluralForm = (key: string) => /_(one|other)$/.test(key) && bases.has(key.replace(/_(one|other)$/, ''));
  const plain = englishKeys.filter((key) => !isPluralForm(key));
  const categories = pluralCategories(language);
  return [...plain, ...[...bases].flatMap((base) => categories.map((category) => `${base}_${category}`))];
}
