/** Usage: tsx scripts/check-survey.ts FILE...  Prints each definition's problems; exits 1 if any. */
import { readFileSync } from 'node:fs';
import { describeProblems, parseSurvey } from '../src/survey/parseSurvey.ts';

let failed = false;
for (const file of process.argv.slice(2)) {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`${file}: not readable JSON: ${(error as Error).message}`);
    failed = true;
    continue;
  }
  const result = parseSurvey(json);
  if (result.ok) console.log(`${file}: ok (${result.survey.id} v${result.survey.version}, ${result.survey.languages.length} languages)`);
  else {
    failed = true;
    console.error(`${file}: ${result.problems.length} problem(s)\n${describeProblems(result.problems)}`);
  }
}
process.exit(failed ? 1 : 0);
