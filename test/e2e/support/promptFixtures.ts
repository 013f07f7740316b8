/**
 * Prompt audio for e2e tests: real clips spoken by espeak-ng and packed by opusenc into a
 * copy of the built app (audio/<lang>/<key>.opus and audio/index.json, the shipped-index
 * shape), and a recorder of the kiosk's `sayso:prompt` events (its test contract).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { waitInPage } from './waitInPage.ts';
import type { MediaClip, MediaIndex } from '../../../src/survey/mediaIndex.ts';
import { promptTextHash, translateFromBundles, type Prompt } from '../../../src/survey/prompts.ts';

/** Generated clips are kept across runs by text hash: espeak-ng runs once per text. */
const CLIP_STORE = join(tmpdir(), 'sayso-fixture-clips');
/** espeak-ng's voices for the languages the tests use. */
const ESPEAK_VOICE: Record<string, string> = { en: 'en', fr: 'fr', ar: 'ar', de: 'de', nl: 'nl' };

export const fixtureClipUrl = (key: string, language: string) => `/audio/${language}/${key}.opus`;

/** A short Opus clip of `text` (its first words, fast: tests wait for each to finish). */
export function speakToOpus(text: string, language: string): Buffer {
  mkdirSync(CLIP_STORE, { recursive: true });
  const base = join(CLIP_STORE, `${language}-${promptTextHash(text)}`);
  if (!existsSync(`${base}.opus`)) {
    const words = text.split(/\s+/).slice(0, 3).join(' ');
    execFileSync('espeak-ng', ['-v', ESPEAK_VOICE[language] ?? language, '-s', '320', '-w', `${base}.wav`, words]);
    execFileSync('opusenc', ['--quiet', '--bitrate', '16', `${base}.wav`, `${base}.opus`]);
  }
  return readFileSync(`${base}.opus`);
}

/** The app's own words per language, read from the locale files as the clip generator does. */
export function kioskTranslate(languages: readonly string[]) {
  return translateFromBundles(Object.fromEntries(languages.map((language) => [language, JSON.parse(readFileSync(`public/locales/${language}/kiosk.json`, 'utf8'))])));
}

/**
 * A copy of the built app (SAYSO_DIST or dist) with clips for `prompts` in `languages`.
 * Returns the static root and the shipped index written into it.
 */
export function staticRootWithClips(prompts: readonly Prompt[], languages: readonly string[], extra: Record<string, Buffer> = {}): { root: string; index: MediaIndex } {
  const root = mkdtempSync(join(tmpdir(), 'sayso-audio-root-'));
  cpSync(resolve(process.env.SAYSO_DIST ?? 'dist'), root, { recursive: true });
  const clips: MediaClip[] = [];
  for (const prompt of prompts) {
    for (const language of languages) {
      const text = prompt.text[language];
      if (!text) continue;
      const bytes = speakToOpus(text, language);
      const url = fixtureClipUrl(prompt.key, language);
      mkdirSync(join(root, 'audio', language), { recursive: true });
      writeFileSync(join(root, url), bytes);
      clips.push({ key: prompt.key, language, url, mime: 'audio/ogg; codecs=opus', bytes: bytes.length, textHash: promptTextHash(text), origin: 'synthetic' });
    }
  }
  for (const [path, bytes] of Object.entries(extra)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), bytes);
  }
  const index: MediaIndex = { clips };
  // The fixture's clips replace the app's own shipped ones, in every language the build ships an index for.
  const indexed = new Set([...languages, ...readdirSync(join(root, 'audio'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)]);
  for (const language of indexed) {
    mkdirSync(join(root, 'audio', language), { recursive: true });
    writeFileSync(join(root, 'audio', language, 'index.json'), JSON.stringify({ clips: clips.filter((clip) => clip.language === language) }));
  }
  return { root, index };
}

export interface PromptEvent {
  key: string;
  language: string;
  source: string;
  url?: string;
  at: number;
}

/** Call before the page loads: every `sayso:prompt` is kept in window.__saysoPrompts. */
export async function recordPromptEvents(page: Page): Promise<void> {
  await page.addInitScript(`(() => {
    window.__saysoPrompts = [];
    window.addEventListener('sayso:prompt', (event) => window.__saysoPrompts.push({ ...event.detail, at: performance.now() }));
  })();`);
}

export const promptEvents = (page: Page) => page.evaluate(() => (window as unknown as { __saysoPrompts: PromptEvent[] }).__saysoPrompts.slice());

/** Forgets the events so far (the next screen's are then the only ones). */
export const clearPromptEvents = (page: Page) => page.evaluate(() => void ((window as unknown as { __saysoPrompts: PromptEvent[] }).__saysoPrompts.length = 0));

/** Waits until at least `count` prompts have started, and returns them. */
export async function waitForPromptEvents(page: Page, count: number, timeout = 30_000): Promise<PromptEvent[]> {
  try {
    await page.waitForFunction((n) => (window as unknown as { __saysoPrompts: unknown[] }).__saysoPrompts.length >= n, count, { timeout, polling: 50 });
  } catch (error) {
    const got = await promptEvents(page).catch(() => []);
    throw new Error(`${count} prompts expected, ${got.length} started: ${got.map((e) => `${e.key}/${e.language}`).join(', ')} (${(error as Error).message.split('\n')[0]})`);
  }
  return promptEvents(page);
}

/** Writes one row of the app's `settings` table (the app must have opened its database once). */
export async function putDeviceSetting(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    async ([k, v]) => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open('sayso');
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      await new Promise<void>((done, fail) => {
        const tx = db.transaction('settings', 'readwrite');
        tx.objectStore('settings').put({ key: k, value: v });
        tx.oncomplete = () => done();
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    },
    [key, value] as const,
  );
}

/** Waits until the app has opened its database (so rows can be written beside it). */
export const waitForAppDatabase = (page: Page) => waitInPage(page, async () => (await indexedDB.databases()).some((db) => db.name === 'sayso'), undefined);

export { waitInPage };
