import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInPrompts } from '../../scripts/audio/builtInPrompts.ts';
import { ESPEAK_VOICES } from '../../scripts/audio/espeakVoices.ts';
import { parseMediaIndex } from '../../src/survey/mediaIndex.ts';
import { promptTextHash } from '../../src/survey/prompts.ts';
import { LAUNCH_LANGUAGES } from '../../src/survey/languages.ts';

const indexOf = (language: string) => {
  const path = join('public', 'audio', language, 'index.json');
  return existsSync(path) ? parseMediaIndex(JSON.parse(readFileSync(path, 'utf8'))) : undefined;
};

describe('shipped synthetic prompt clips (public/audio)', () => {
  const prompts = builtInPrompts();

  it('speak every prompt of the built-in surveys and kiosk screens, in the current wording, in the 12 espeak-ng languages', () => {
    const outdated: string[] = [];
    for (const language of Object.keys(ESPEAK_VOICES)) {
      const loaded = indexOf(language);
      expect(loaded?.problem, language).toBeUndefined();
      const clips = new Map(loaded!.index.clips.map((clip) => [clip.key, clip]));
      for (const prompt of prompts) {
        const text = prompt.text[language];
        if (!text) continue;
        if (clips.get(prompt.key)?.textHash !== promptTextHash(text)) outdated.push(`${language}:${prompt.key}`);
      }
    }
    // A survey or kiosk text changed without its clips: run `npm run audio:generate`.
    expect(outdated).toEqual([]);
  });

  it('are Ogg Opus files of the listed size, marked synthetic', () => {
    for (const language of Object.keys(ESPEAK_VOICES)) {
      for (const clip of indexOf(language)!.index.clips) {
        const path = join('public', clip.url);
        expect(statSync(path).size, path).toBe(clip.bytes);
        expect(readFileSync(path).subarray(0, 4).toString('latin1'), path).toBe('OggS');
        expect(clip.origin).toBe('synthetic');
        expect(clip.language).toBe(language);
      }
    }
  });

  it('leave Pashto, Sorani, Tigrinya and Somali to recordings: espeak-ng has no voice for them', () => {
    const silent = LAUNCH_LANGUAGES.filter((language) => !(language in ESPEAK_VOICES));
    expect(silent).toEqual(['ps', 'ckb', 'ti', 'so']);
    for (const language of silent) expect(indexOf(language)?.index.clips).toEqual([]);
  });
});
