/**
 * Merges strings into public/locales: `npm run locale:set -- <namespace> <file.json>`,
 * where the file is {"en": {...}, "fr": {...}, ...} with nested keys. Existing keys not
 * in the file are kept; keys in it are replaced. Every launch language must be given, so
 * no language silently falls behind (the locale test checks the same).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { LAUNCH_LANGUAGES } from '../src/survey/languages.ts';

type Tree = { [key: string]: string | Tree };

function merge(into: Tree, from: Tree): Tree {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    into[key] = typeof value === 'object' && typeof existing === 'object' ? merge(existing, value) : value;
  }
  return into;
}

const [namespace, file] = process.argv.slice(2);
if (!namespace || !file) {
  console.error('usage: npm run locale:set -- <namespace> <strings.json>');
  process.exit(2);
}
const strings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Tree>;
const missing = LAUNCH_LANGUAGES.filter((language) => !strings[language]);
if (missing.length) {
  console.error(`${file} lacks ${missing.join(', ')}`);
  process.exit(2);
}
for (const language of LAUNCH_LANGUAGES) {
  const path = `public/locales/${language}/${namespace}.json`;
  const current = JSON.parse(readFileSync(path, 'utf8')) as Tree;
  writeFileSync(path, `${JSON.stringify(merge(current, strings[language]!), null, 2)}\n`);
}
console.log(`merged ${Object.keys(strings.en!).join(', ')} into ${namespace} for ${LAUNCH_LANGUAGES.length} languages`);
