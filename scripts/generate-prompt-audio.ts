/**
 * Generates the app's shipped synthetic prompt clips with espeak-ng and opusenc (Debian
 * packages espeak-ng and opus-tools): `npm run audio:generate`. Writes
 * public/audio/<lng>/<key>.opus and one public/audio/<lng>/index.json per language (a
 * MediaIndex, origin "synthetic": a tablet reads only its respondents' languages), and is incremental: a clip is made again only when its text changed. The
 * files are committed, so building Sayso needs no speech engine. `--check` only reports
 * what is out of date (exit 1).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { MediaClip, MediaIndex } from '../src/survey/mediaIndex.ts';
import { promptTextHash } from '../src/survey/prompts.ts';
import { builtInPrompts } from './audio/builtInPrompts.ts';
import { ESPEAK_VOICES, SHIPPED_CLIP_MIME, shippedClipPath } from './audio/espeakVoices.ts';
import { LAUNCH_LANGUAGES } from '../src/survey/languages.ts';

const PUBLIC = 'public';
const indexPath = (language: string) => join(PUBLIC, 'audio', language, 'index.json');
const check = process.argv.includes('--check');

const previous = new Map<string, MediaClip>();
for (const language of Object.keys(ESPEAK_VOICES)) {
  if (!existsSync(indexPath(language))) continue;
  for (const clip of (JSON.parse(readFileSync(indexPath(language), 'utf8')) as MediaIndex).clips) previous.set(`${clip.key} ${clip.language}`, clip);
}

const wanted: Array<{ key: string; language: string; text: string; textHash: string }> = [];
for (const prompt of builtInPrompts(PUBLIC)) {
  for (const language of Object.keys(ESPEAK_VOICES)) {
    const text = prompt.text[language];
    if (text) wanted.push({ key: prompt.key, language, text, textHash: promptTextHash(text) });
  }
}
wanted.sort((a, b) => (a.language === b.language ? (a.key < b.key ? -1 : 1) : a.language < b.language ? -1 : 1));

const stale = wanted.filter((w) => {
  const old = previous.get(`${w.key} ${w.language}`);
  return !old || old.textHash !== w.textHash || !existsSync(join(PUBLIC, shippedClipPath(w.language, w.key, w.textHash)));
});
if (check) {
  console.log(stale.length ? `${stale.length} of ${wanted.length} clips out of date, e.g. ${stale.slice(0, 5).map((s) => `${s.language}:${s.key}`).join(', ')}` : `all ${wanted.length} clips up to date`);
  process.exit(stale.length ? 1 : 0);
}

const work = mkdtempSync(join(tmpdir(), 'sayso-audio-'));
const clips: MediaClip[] = [];
let made = 0;
for (const w of wanted) {
  const file = join(PUBLIC, shippedClipPath(w.language, w.key, w.textHash));
  const old = previous.get(`${w.key} ${w.language}`);
  let durationMs = old?.durationMs ?? 0;
  if (stale.includes(w)) {
    mkdirSync(dirname(file), { recursive: true });
    const wav = join(work, 'clip.wav');
    // Text on stdin, never on a command line: it is data, whatever characters it holds.
    execFileSync('espeak-ng', ['-v', ESPEAK_VOICES[w.language]!, '-s', '150', '-w', wav, '--stdin'], { input: w.text });
    // 22,050 Hz mono 16-bit: the duration from the data size.
    durationMs = Math.round(((statSync(wav).size - 44) / (2 * 22050)) * 1000);
    // Speech at 16 kb/s mono; a fixed serial keeps the bytes the same from run to run.
    execFileSync('opusenc', ['--quiet', '--bitrate', '16', '--serial', '1', '--comment', `SAYSO_TEXT_HASH=${w.textHash}`, wav, file]);
    made++;
  }
  clips.push({ key: w.key, language: w.language, url: `/${shippedClipPath(w.language, w.key, w.textHash)}`, mime: SHIPPED_CLIP_MIME, bytes: statSync(file).size, textHash: w.textHash, origin: 'synthetic', durationMs });
}
rmSync(work, { recursive: true, force: true });

// Clips of prompts that no longer exist go.
const listed = new Set([...clips.map((clip) => join(PUBLIC, clip.url)), ...LAUNCH_LANGUAGES.map(indexPath)]);
let removed = 0;
for (const language of readdirSync(join(PUBLIC, 'audio'), { withFileTypes: true }).filter((d) => d.isDirectory())) {
  for (const name of readdirSync(join(PUBLIC, 'audio', language.name))) {
    const path = join(PUBLIC, 'audio', language.name, name);
    if (!listed.has(path)) {
      unlinkSync(path);
      removed++;
    }
  }
}
// Every launch language gets an index, empty where espeak-ng has no voice: tablets never ask for a missing file.
for (const language of LAUNCH_LANGUAGES) {
  mkdirSync(dirname(indexPath(language)), { recursive: true });
  writeFileSync(indexPath(language), `${JSON.stringify({ clips: clips.filter((clip) => clip.language === language) } satisfies MediaIndex)}\n`);
}
const bytes = clips.reduce((sum, clip) => sum + clip.bytes, 0);
console.log(`${clips.length} clips (${made} made, ${removed} removed), ${(bytes / 1024 / 1024).toFixed(1)} MiB in public/audio/<language>/`);
