/**
 * npm run translations [-- --json]: lists every translation not yet checked by a native
 * speaker, in the built-in surveys and the app's own words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describeProblems, parseSurvey } from '../src/survey/parseSurvey.ts';
import { listUnreviewedTranslations } from '../src/survey/unreviewedTranslations.ts';

const surveys = readdirSync('public/surveys')
  .filter((file) => file.endsWith('.json') && file !== 'index.json')
  .map((file) => {
    const parsed = parseSurvey(JSON.parse(readFileSync(`public/surveys/${file}`, 'utf8')));
    if (!parsed.ok) {
      console.error(`public/surveys/${file} is invalid:\n${describeProblems(parsed.problems)}`);
      process.exit(1);
    }
    return parsed.survey;
  });
const appStatus = JSON.parse(readFileSync('public/locales/status.json', 'utf8'));
const pending = listUnreviewedTranslations(surveys, appStatus);

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(pending, null, 2));
} else if (pending.length === 0) {
  console.log('Every translation has been reviewed by a native speaker.');
} else {
  console.log(`${pending.length} translations await a native speaker's review:`);
  for (const item of pending) {
    console.log(`  ${item.kind === 'survey' ? 'survey' : 'app   '}  ${item.name.padEnd(24)} ${item.language.padEnd(4)} ${item.languageName.padEnd(24)} ${item.status}`);
  }
}
