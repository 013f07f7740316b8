/**
 * Audio figures for `npm run bench`: (a) bytes of the shipped clips per language for the
 * built-in surveys (public/audio/index.json), and (b) the time from a question screen
 * appearing (the kiosk's 'sayso:question-shown' performance mark, set where the screen
 * mounts) to its first prompt's 'playing' (the 'sayso:prompt' event), from the offline
 * cache, CPU throttled 4x. Budget: 150 ms.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { parseMediaIndex } from '../../../src/survey/mediaIndex.ts';
import { appPrompts, promptTextHash, questionPromptKey, surveyPrompts, translateFromBundles } from '../../../src/survey/prompts.ts';
import { LAUNCH_LANGUAGES, languageInfo } from '../../../src/survey/languages.ts';
import { parseSurvey } from '../../../src/survey/parseSurvey.ts';
import type { SurveyDefinition } from '../../../src/survey/schema.ts';
import { visibleQuestions } from '../../../src/survey/visibleQuestions.ts';
import { recordPromptEvents, staticRootWithClips, waitInPage, type PromptEvent } from '../../e2e/support/promptFixtures.ts';

const KB = 1024;
export const BUDGET_PROMPT_START_MS = 150;
const SCREENS = 30;

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

function localeBundles(root: string) {
  return Object.fromEntries(LAUNCH_LANGUAGES.map((language) => [language, JSON.parse(readFileSync(join(root, 'public/locales', language, 'kiosk.json'), 'utf8'))]));
}

function builtInSurveys(root: string): SurveyDefinition[] {
  return ['resident-satisfaction', 'centre-satisfaction'].flatMap((id) => {
    const parsed = parseSurvey(JSON.parse(readFileSync(join(root, 'public/surveys', `${id}.json`), 'utf8')));
    return parsed.ok ? [parsed.survey] : [];
  });
}

/** (a) What the shipped clips weigh, per language, and how many built-in prompts they speak. */
export function printAudioBytes(root: string): void {
  console.log('\n=== d. Shipped audio per language (public/audio/<lng>/index.json) ======================');
  const clipsOf = (language: string) => {
    const path = join(root, 'public/audio', language, 'index.json');
    if (!existsSync(path)) return [];
    const { index, problem } = parseMediaIndex(JSON.parse(readFileSync(path, 'utf8')));
    if (problem) console.log(`  note: ${language}: ${problem}`);
    return index.clips;
  };
  const translate = translateFromBundles(localeBundles(root));
  const surveys = builtInSurveys(root);
  const languages = [...new Set([...LAUNCH_LANGUAGES, ...surveys.flatMap((s) => s.languages)])];
  const prompts = [...appPrompts(languages, translate, (code) => languageInfo(code).nativeName), ...surveys.flatMap((s) => surveyPrompts(s, translate))];
  console.log(`  ${'language'.padEnd(26)}${'clips'.padStart(7)}${'bytes'.padStart(12)}   built-in prompts spoken`);
  let total = 0;
  let clips = 0;
  for (const language of languages) {
    const own = clipsOf(language);
    const bytes = own.reduce((sum, clip) => sum + clip.bytes, 0);
    const hashes = new Map(own.map((clip) => [clip.key, clip.textHash]));
    const withText = prompts.filter((prompt) => prompt.text[language]);
    const spoken = withText.filter((prompt) => hashes.get(prompt.key) === promptTextHash(prompt.text[language]!)).length;
    total += bytes;
    clips += own.length;
    console.log(`  ${`${language} (${languageInfo(language).englishName})`.padEnd(26)}${String(own.length).padStart(7)}${kb(bytes).padStart(12)}   ${spoken} of ${withText.length}`);
  }
  console.log(`  ${'total'.padEnd(26)}${String(clips).padStart(7)}${kb(total).padStart(12)}`);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * (b) Prompt start latency over ~30 question screens of `survey` (in English), with its
 * clips (espeak-ng fixtures in a copy of `dist`) served from the offline cache.
 */
export async function measurePromptStart(browser: Browser, dist: string, survey: SurveyDefinition, root: string, cpuThrottle: number): Promise<void> {
  console.log(`\n=== e. Question screen to its prompt playing (from cache, CPU ${cpuThrottle}x slower) ====================`);
  const translate = translateFromBundles(localeBundles(root));
  const prompts = [...appPrompts(['en'], translate, (code) => languageInfo(code).nativeName), ...surveyPrompts(survey, translate)];
  process.env.SAYSO_DIST = dist;
  const { root: staticRoot, index } = staticRootWithClips(prompts, ['en']);
  const allCached = index.clips.length;
  mkdirSync(join(staticRoot, 'surveys'), { recursive: true });
  writeFileSync(join(staticRoot, 'surveys', `${survey.id}.json`), JSON.stringify(survey));
  const { startAppServer } = await import('../../e2e/support/startAppServer.ts');
  const server = await startAppServer({ staticRoot });
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  try {
    const page = await context.newPage();
    await recordPromptEvents(page);
    const url = `${server.url}/?survey=${survey.id}`;
    await page.goto(url);
    await page.waitForFunction('navigator.serviceWorker.controller !== null', undefined, { timeout: 30_000, polling: 250 });
    const firstQuestion = questionPromptKey(survey.id, visibleQuestions(survey, {})[0]!.question);
    await waitInPage(page, async (key) => Boolean(await (await caches.open('sayso-audio')).match(`/audio/en/${key}.opus`)), firstQuestion, { timeout: 60_000, interval: 500 });
    // Let the cache fill up: it runs a few seconds after the first paint.
    const cachedAll = () => waitInPage(page, async (count) => (await (await caches.open('sayso-audio')).keys()).length >= count, allCached, { timeout: 90_000, interval: 500 });
    await cachedAll();

    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
    const before = await page.evaluate(async () => (await (await caches.open('sayso-audio')).keys()).length);
    await page.reload();
    await page.getByRole('button', { name: translate('en', 'attract.start')! }).waitFor();
    const after = await page.evaluate(async () => (await (await caches.open('sayso-audio')).keys()).length);
    await cachedAll();
    console.log(`  clips in the offline cache: ${before} of ${allCached} before the reload, ${after} after it`);
    await page.getByRole('button', { name: translate('en', 'attract.start')! }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: translate('en', 'consent.agree')! }).click();

    const forward = new RegExp(`^(${['nav.next', 'nav.skip', 'nav.finish'].map((k) => translate('en', k)!).join('|')})`);
    const answers: Record<string, boolean> = {};
    const delays: number[] = [];
    const fromCache: boolean[] = [];
    const missing: string[] = [];
    for (let screen = 0; screen < SCREENS; screen++) {
      const question = visibleQuestions(survey, answers)[screen]?.question;
      if (!question) break;
      const key = questionPromptKey(survey.id, question);
      await page.getByRole('heading', { level: 1, name: question.text.en!, exact: true }).waitFor({ timeout: 30_000 });
      const handle = await page.waitForFunction(
        (k) => {
          const marks = performance.getEntriesByName('sayso:question-shown');
          const mark = marks[marks.length - 1];
          const events = (window as unknown as { __saysoPrompts: PromptEvent[] }).__saysoPrompts;
          const event = mark && events.find((e) => e.key === k && e.at >= mark.startTime);
          return event && mark ? { delay: event.at - mark.startTime, url: event.url ?? '' } : undefined;
        },
        key,
        { timeout: 30_000, polling: 20 },
      );
      const { delay, url: clipUrl } = (await handle.jsonValue()) as { delay: number; url: string };
      delays.push(delay);
      const inCache = await page.evaluate(async (u) => Boolean(await (await caches.open('sayso-audio')).match(u)), clipUrl);
      fromCache.push(inCache);
      if (!inCache) missing.push(clipUrl);
      if (question.kind === 'yesno') {
        await page.getByRole('radio').first().click();
        answers[question.id] = true;
      } else if (question.kind === 'rating' || question.kind === 'faces') await page.getByRole('radio').nth(2).click();
      else if (question.kind === 'multi') await page.getByRole('checkbox').first().click();
      await page.getByRole('button', { name: forward }).click();
    }
    const max = Math.max(...delays);
    console.log(`  ${delays.length} question screens; clips in the 'sayso-audio' cache: ${fromCache.filter(Boolean).length} of ${fromCache.length}${missing.length ? ` (not: ${missing.join(', ')})` : ''}`);
    console.log(`  screen shown -> prompt playing: median ${Math.round(median(delays))} ms, max ${Math.round(max)} ms   (${delays.map((d) => Math.round(d)).join(', ')})`);
    console.log(`Budget "≤ ${BUDGET_PROMPT_START_MS} ms from cache": median ${median(delays) <= BUDGET_PROMPT_START_MS ? 'WITHIN' : 'OVER'}, max ${max <= BUDGET_PROMPT_START_MS ? 'WITHIN' : 'OVER'}`);
  } finally {
    await context.close();
    await server.stop();
  }
}
