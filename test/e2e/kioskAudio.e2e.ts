/**
 * Prompt audio in the kiosk, in real Chromium with autoplay allowed: each screen plays its
 * prompts in order from the right source, in the respondent's language; replay repeats;
 * "listen first" reads on the first touch and chooses on the second; a corrupt clip falls
 * back to the next source and the survey goes on; clips play offline from the cache, and
 * a Range request is answered 206 from it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAUNCH_LANGUAGES, languageInfo } from '../../src/survey/languages.ts';
import { appPromptKey, appPrompts, choicePromptKey, durationPromptKey, LANGUAGE_NAME_PROMPT_KEY, questionPromptKey, SCREEN_PROMPT_KEYS, surveyPrompts } from '../../src/survey/prompts.ts';
import type { Question } from '../../src/survey/schema.ts';
import { loadBuiltInSurvey, loadLocale } from './support/builtIns.ts';
import { launchChromium } from './support/launchChromium.ts';
import {
  clearPromptEvents,
  fixtureClipUrl,
  kioskTranslate,
  putDeviceSetting,
  recordPromptEvents,
  staticRootWithClips,
  waitForAppDatabase,
  waitForPromptEvents,
  waitInPage,
  type PromptEvent,
} from './support/promptFixtures.ts';
import { startAppServer, type RunningServer } from './support/startAppServer.ts';

const survey = loadBuiltInSurvey('resident-satisfaction');
const LANGUAGES = ['en', 'fr', 'ar'];
const translate = kioskTranslate(LANGUAGES);
/** Clips for every kiosk prompt, the survey's duration and its first topic (room): enough to walk in. */
const prompts = [
  ...appPrompts(LANGUAGES, translate, (code) => languageInfo(code).nativeName),
  ...surveyPrompts(survey, translate).filter((prompt) => prompt.key.startsWith(`${survey.id}.room.`) || prompt.key === durationPromptKey(survey.id)),
];
const CORRUPT_URL = '/audio/fr/corrupt-recording.opus';

const room = survey.items[0]!;
if (room.kind !== 'group') throw new Error('resident survey starts with the room group');
const satisfied = room.items[0] as Question;
const reasons = room.items[1] as Question & { kind: 'multi' };

/** What prompts.ts says each screen says, as [key, language] in order. */
const app = (keys: readonly string[], language: string) => keys.map((key) => [appPromptKey(key), language]);
const expected = {
  attract: app(SCREEN_PROMPT_KEYS.attract, 'en'),
  // Each language's own name in that language; only en, fr and ar have clips here (the rest are silent).
  language: [...app(SCREEN_PROMPT_KEYS.language, 'en'), ...LAUNCH_LANGUAGES.filter((code) => LANGUAGES.includes(code)).map((code) => [LANGUAGE_NAME_PROMPT_KEY, code])],
  consent: (language: string) => [...app(SCREEN_PROMPT_KEYS.consent, language), [durationPromptKey(survey.id), language], ...app(SCREEN_PROMPT_KEYS.consentButtons, language)],
  satisfied: (language: string) => [[questionPromptKey(survey.id, satisfied), language], ...app(SCREEN_PROMPT_KEYS.yesno, language), ...app(SCREEN_PROMPT_KEYS.preferNot, language), ...app(SCREEN_PROMPT_KEYS.required, language)],
  reasons: (language: string) => [[questionPromptKey(survey.id, reasons), language], ...reasons.choices.map((choice) => [choicePromptKey(survey.id, reasons, choice), language])],
  startOver: (language: string) => app(SCREEN_PROMPT_KEYS.startOver, language),
};
const keysOf = (events: PromptEvent[]) => events.map((event) => [event.key, event.language]);
const urlsOf = (keys: string[][]) => keys.map(([key, language]) => fixtureClipUrl(key!, language!));

describe('prompt audio in the kiosk', () => {
  let browser: Browser;
  let server: RunningServer;
  let root: string;

  beforeAll(async () => {
    root = staticRootWithClips(prompts, LANGUAGES, { [CORRUPT_URL.slice(1)]: Buffer.from('OggS this is not a real Ogg stream '.repeat(40)) }).root;
    server = await startAppServer({ staticRoot: root });
    browser = await launchChromium({ extraArgs: ['--autoplay-policy=no-user-gesture-required'] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openKiosk(setUp?: (page: Page) => Promise<void>): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await recordPromptEvents(page);
    await page.goto(`${server.url}/?survey=resident-satisfaction`);
    if (setUp) {
      await waitForAppDatabase(page);
      await setUp(page);
      await page.reload();
    }
    return { context, page };
  }

  /** Waits for a screen's whole sequence and checks keys, languages and clip URLs. */
  async function expectScreen(page: Page, keys: string[][]) {
    const events = await waitForPromptEvents(page, keys.length);
    expect(keysOf(events.slice(0, keys.length))).toEqual(keys);
    expect(events.slice(0, keys.length).map((event) => event.url)).toEqual(urlsOf(keys));
    expect(events.every((event) => event.source === 'shipped')).toBe(true);
    return events;
  }

  for (const language of ['fr', 'ar']) {
    it(`plays each screen's prompts in ${language}, replays them, and reads a touched answer`, async () => {
      const { context, page } = await openKiosk();
      const en = loadLocale('en');
      const t = loadLocale(language);

      await expectScreen(page, expected.attract);
      await expect.poll(() => page.getByRole('button', { name: en('audio.replay') }).getAttribute('data-prompt-source')).toBe('shipped');

      await clearPromptEvents(page);
      await page.getByRole('button', { name: en('attract.start'), exact: true }).click();
      await expectScreen(page, expected.language);

      await clearPromptEvents(page);
      await page.getByRole('button', { name: languageInfo(language).nativeName }).click();
      await page.getByRole('heading', { name: t('consent.title') }).waitFor();
      await expectScreen(page, expected.consent(language));

      // Replay: the whole screen again, from its first prompt.
      await clearPromptEvents(page);
      await page.getByRole('button', { name: t('audio.replay') }).click();
      await expectScreen(page, expected.consent(language));

      await clearPromptEvents(page);
      await page.getByRole('button', { name: t('consent.agree') }).click();
      await expectScreen(page, expected.satisfied(language));

      // A touch answers at once and reads that answer (not listen-first: it selects).
      await clearPromptEvents(page);
      const no = page.getByRole('radio', { name: t('answer.no'), exact: true });
      await no.click();
      await expect.poll(() => no.getAttribute('aria-checked')).toBe('true');
      const [touched] = await waitForPromptEvents(page, 1);
      expect(touched!.key).toBe(appPromptKey('answer.no'));

      await clearPromptEvents(page);
      await page.getByRole('button', { name: t('nav.next') }).click();
      await expectScreen(page, expected.reasons(language).slice(0, 3));

      // The start-over dialog speaks over the screen; the sound of the screen stops.
      await clearPromptEvents(page);
      await page.getByRole('button', { name: t('nav.startOver') }).click();
      await expectScreen(page, expected.startOver(language));
      await context.close();
    });
  }

  it('in "listen first" mode, reads an answer on the first touch without choosing it, and chooses it on the second or with ✓', async () => {
    const { context, page } = await openKiosk((p) => putDeviceSetting(p, 'audioSettings', { autoplay: true, listenFirst: true, budgetBytes: 150 * 1024 * 1024 }));
    const en = loadLocale('en');
    const t = loadLocale('fr');
    await page.getByRole('button', { name: en('attract.start'), exact: true }).click();
    // The audio engine loads at the first touch: the language screen speaks once it is in.
    await waitForPromptEvents(page, 1);
    await page.getByRole('button', { name: languageInfo('fr').nativeName }).click();
    await page.getByRole('heading', { name: t('consent.title') }).waitFor();
    await waitForPromptEvents(page, 2);
    await clearPromptEvents(page);
    await page.getByRole('button', { name: t('consent.agree') }).click();
    const [question] = await waitForPromptEvents(page, 1);
    expect(question!.key).toBe(questionPromptKey(survey.id, satisfied));

    const yes = page.getByRole('radio', { name: t('answer.yes'), exact: true });
    await clearPromptEvents(page);
    await yes.click();
    const [heard] = await waitForPromptEvents(page, 1);
    expect(heard!.key).toBe(appPromptKey('answer.yes'));
    expect(await yes.getAttribute('aria-checked')).toBe('false');
    expect(await yes.getAttribute('class')).toContain('is-heard');
    const confirm = page.getByRole('button', { name: `${t('audio.confirm')}: ${t('answer.yes')}` });
    await confirm.waitFor();

    await yes.click();
    await expect.poll(() => yes.getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => confirm.count()).toBe(0);

    // The other answer: first touch reads, the ✓ button chooses.
    const no = page.getByRole('radio', { name: t('answer.no'), exact: true });
    await no.click();
    expect(await no.getAttribute('aria-checked')).toBe('false');
    await page.getByRole('button', { name: `${t('audio.confirm')}: ${t('answer.no')}` }).click();
    await expect.poll(() => no.getAttribute('aria-checked')).toBe('true');
    expect(await yes.getAttribute('aria-checked')).toBe('false');
    await context.close();
  });

  it('falls back from a corrupt recorded clip to the shipped one, says so to staff only, and the survey goes on', async () => {
    const consentTitle = prompts.find((p) => p.key === appPromptKey('consent.title'))!;
    const { promptTextHash } = await import('../../src/survey/prompts.ts');
    const corrupt = { key: consentTitle.key, language: 'fr', url: CORRUPT_URL, mime: 'audio/ogg', bytes: 1400, textHash: promptTextHash(consentTitle.text.fr!), origin: 'recorded' };
    const { context, page } = await openKiosk((p) => putDeviceSetting(p, 'bundle', { fetchedAt: new Date().toISOString(), bundle: { media: { clips: [corrupt] }, settings: { languages: ['fr', 'ar'] } } }));
    const en = loadLocale('en');
    const t = loadLocale('fr');
    await page.getByRole('button', { name: en('attract.start'), exact: true }).click();
    await page.getByRole('heading', { name: en('language.title') }).waitFor();
    await waitForPromptEvents(page, 1);
    await clearPromptEvents(page);
    await page.getByRole('button', { name: languageInfo('fr').nativeName }).click();
    await page.getByRole('heading', { name: t('consent.title') }).waitFor();
    const [first] = await waitForPromptEvents(page, 1);
    expect(first).toMatchObject({ key: consentTitle.key, language: 'fr', source: 'shipped', url: fixtureClipUrl(consentTitle.key, 'fr') });
    // Nothing about it on the respondent's screen; the survey goes on.
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('button', { name: t('consent.agree') }).click();
    await page.getByRole('heading', { level: 1, name: satisfied.text.fr!, exact: true }).waitFor();
    // Back at the attract screen, staff read that a clip failed.
    await page.getByRole('button', { name: t('nav.startOver') }).click();
    await page.getByRole('button', { name: t('nav.startOverYes') }).click();
    await page.getByText(en('audio.clipsFailed').replace('{{failed}}', '1').slice(0, 30)).waitFor();
    // And which enabled languages are partly silent here (clips only for the first topic, no device voice).
    const notices = page.getByRole('list', { name: en('staff.title') });
    await expect.poll(() => notices.textContent()).toMatch(/No audio in French for \d+ of \d+ prompts/);
    expect(await notices.textContent()).toMatch(/No audio in Arabic for \d+ of \d+ prompts/);
    await context.close();
  });
});

describe('prompt audio offline', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    const root = staticRootWithClips(prompts, LANGUAGES).root;
    server = await startAppServer({ staticRoot: root });
    browser = await launchChromium({ extraArgs: ['--autoplay-policy=no-user-gesture-required'] });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop().catch(() => undefined);
  });

  it('caches the enabled languages\' clips, plays them with the server gone, and answers a Range request with 206 from the cache', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await recordPromptEvents(page);
    await page.goto(`${server.url}/?survey=resident-satisfaction`);
    await page.waitForFunction('navigator.serviceWorker.controller !== null', undefined, { timeout: 30_000, polling: 250 });
    // The facility enables en and fr (the fixture also has Arabic clips, which stay out).
    await waitForAppDatabase(page);
    await putDeviceSetting(page, 'bundle', { fetchedAt: new Date().toISOString(), bundle: { media: { clips: [] }, settings: { languages: ['en', 'fr'] } } });
    await page.reload();
    const attractUrl = fixtureClipUrl(appPromptKey('attract.title'), 'en');
    const frenchUrl = fixtureClipUrl(appPromptKey('consent.title'), 'fr');
    await waitInPage(
      page,
      async (urls) => {
        const cache = await caches.open('sayso-audio');
        const matches = await Promise.all(urls.map((url) => cache.match(url)));
        return matches.every(Boolean);
      },
      [attractUrl, frenchUrl],
      { timeout: 60_000, interval: 500 },
    );
    const arabicCached = await page.evaluate(async (url) => Boolean(await (await caches.open('sayso-audio')).match(url)), fixtureClipUrl(appPromptKey('consent.title'), 'ar'));
    expect(arabicCached).toBe(false);

    await server.stop();
    await context.setOffline(true);
    await clearPromptEvents(page);
    await page.reload();
    const events = await waitForPromptEvents(page, expected.attract.length);
    expect(keysOf(events.slice(0, expected.attract.length))).toEqual(expected.attract);
    expect(events[0]!.url).toBe(attractUrl);

    const ranged = await page.evaluate(async (url) => {
      const response = await fetch(url, { headers: { Range: 'bytes=0-99' } });
      return { status: response.status, bytes: (await response.arrayBuffer()).byteLength, range: response.headers.get('content-range') };
    }, frenchUrl);
    expect(ranged.status).toBe(206);
    expect(ranged.bytes).toBe(100);
    expect(ranged.range).toMatch(/^bytes 0-99\/\d+$/);
    await context.close();
  });
});
