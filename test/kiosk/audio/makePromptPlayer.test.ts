import { describe, expect, it } from 'vitest';
import { ClipFailure, makePromptPlayer, PlaybackBlocked, type PromptOutput, type PromptStart } from '../../../src/kiosk/audio/makePromptPlayer.ts';
import type { PlannedPrompt } from '../../../src/kiosk/audio/promptPlan.ts';
import type { MediaClip } from '../../../src/survey/mediaIndex.ts';
import { clipSlot } from '../../../src/survey/mediaIndex.ts';
import { promptTextHash } from '../../../src/survey/prompts.ts';

const prompt = (key: string, text: string, target?: number): PlannedPrompt => ({ key, language: 'fr', text, ...(target !== undefined ? { target } : {}) });
const clip = (p: PlannedPrompt, url: string, origin: MediaClip['origin']): MediaClip => ({
  key: p.key, language: p.language, url, mime: 'audio/ogg', bytes: 100, textHash: promptTextHash(p.text), origin,
});

/** An output that "plays" instantly, failing the URLs it is told are corrupt. */
function fakeOutput(corrupt: Set<string> = new Set(), blocked = false) {
  const played: string[] = [];
  const output: PromptOutput = {
    async playClip(url, onStart) {
      if (blocked) throw new PlaybackBlocked('no gesture');
      if (corrupt.has(url)) throw new ClipFailure('cannot decode');
      onStart();
      played.push(url);
    },
    async speak(text, language, onStart) {
      onStart();
      played.push(`voice:${language}:${text}`);
    },
  };
  return { output, played };
}

describe('makePromptPlayer', () => {
  const question = prompt('s.q1', 'Êtes-vous content ?');
  const yes = prompt('app.answer.yes', 'Oui', 0);
  const no = prompt('app.answer.no', 'Non', 1);

  it('plays a screen\'s prompts in order, each from its best source, and says which control is read', async () => {
    const { output, played } = fakeOutput();
    const starts: PromptStart[] = [];
    const targets: Array<number | string | undefined> = [];
    const recorded = new Map([[clipSlot(question.key, 'fr'), clip(question, '/api/v1/media/q1', 'recorded')]]);
    const shipped = new Map([[clipSlot(yes.key, 'fr'), clip(yes, '/audio/fr/yes.opus', 'synthetic')]]);
    const player = makePromptPlayer({
      output,
      sources: () => ({ recorded, shipped, hasVoice: (language) => language === 'fr' }),
      onStart: (start) => starts.push(start),
      onTarget: (target) => targets.push(target),
    });
    await player.play([question, yes, no]);
    expect(played).toEqual(['/api/v1/media/q1', '/audio/fr/yes.opus', 'voice:fr:Non']);
    expect(starts.map((s) => [s.key, s.source])).toEqual([['s.q1', 'recorded'], ['app.answer.yes', 'shipped'], ['app.answer.no', 'voice']]);
    expect(targets).toEqual([undefined, 0, 1, undefined]);
  });

  it('skips a prompt with no clip and no voice, and goes on with the next', async () => {
    const { output, played } = fakeOutput();
    const shipped = new Map([[clipSlot(no.key, 'fr'), clip(no, '/audio/fr/no.opus', 'synthetic')]]);
    const player = makePromptPlayer({ output, sources: () => ({ recorded: new Map(), shipped, hasVoice: () => false }) });
    await player.play([question, no]);
    expect(played).toEqual(['/audio/fr/no.opus']);
    expect(player.sourceOf(question)).toBe('none');
  });

  it('remembers a corrupt clip for the session, plays the next source at once, and counts it for staff', async () => {
    const { output, played } = fakeOutput(new Set(['/api/v1/media/broken']));
    const failedUrls: string[] = [];
    const recorded = new Map([[clipSlot(question.key, 'fr'), clip(question, '/api/v1/media/broken', 'recorded')]]);
    const shipped = new Map([[clipSlot(question.key, 'fr'), clip(question, '/audio/fr/q1.opus', 'synthetic')]]);
    const player = makePromptPlayer({ output, sources: () => ({ recorded, shipped, hasVoice: () => false }), onClipFailed: (url) => failedUrls.push(url) });
    await player.play([question]);
    await player.play([question]);
    expect(played).toEqual(['/audio/fr/q1.opus', '/audio/fr/q1.opus']);
    expect(failedUrls).toEqual(['/api/v1/media/broken']);
    expect(player.sourceOf(question)).toBe('shipped');
  });

  it('falls back from a corrupt clip to the device voice when nothing else is left', async () => {
    const { output, played } = fakeOutput(new Set(['/audio/fr/q1.opus']));
    const shipped = new Map([[clipSlot(question.key, 'fr'), clip(question, '/audio/fr/q1.opus', 'synthetic')]]);
    const player = makePromptPlayer({ output, sources: () => ({ recorded: new Map(), shipped, hasVoice: () => true }) });
    await player.play([question]);
    expect(played).toEqual(['voice:fr:Êtes-vous content ?']);
  });

  it('never plays a clip recorded for an earlier wording', async () => {
    const { output, played } = fakeOutput();
    const stale = { ...clip(question, '/api/v1/media/old', 'recorded'), textHash: promptTextHash('Étiez-vous content ?') };
    const player = makePromptPlayer({ output, sources: () => ({ recorded: new Map([[clipSlot(question.key, 'fr'), stale]]), shipped: new Map(), hasVoice: () => false }) });
    await player.play([question]);
    expect(played).toEqual([]);
  });

  it('stops the sequence when a new one starts (a screen change), mid-clip', async () => {
    const played: string[] = [];
    let release!: () => void;
    const output: PromptOutput = {
      playClip: (url, onStart, signal) =>
        new Promise<void>((resolve) => {
          onStart();
          played.push(url);
          if (url.endsWith('q1.opus')) {
            release = resolve;
            signal.addEventListener('abort', () => resolve());
          } else resolve();
        }),
      speak: async () => undefined,
    };
    const shipped = new Map([
      [clipSlot(question.key, 'fr'), clip(question, '/audio/fr/q1.opus', 'synthetic')],
      [clipSlot(yes.key, 'fr'), clip(yes, '/audio/fr/yes.opus', 'synthetic')],
      [clipSlot(no.key, 'fr'), clip(no, '/audio/fr/no.opus', 'synthetic')],
    ]);
    const player = makePromptPlayer({ output, sources: () => ({ recorded: new Map(), shipped, hasVoice: () => false }) });
    const first = player.play([question, yes]);
    await Promise.resolve();
    const second = player.play([no]);
    await Promise.all([first, second]);
    release();
    expect(played).toEqual(['/audio/fr/q1.opus', '/audio/fr/no.opus']);
  });

  it('goes quiet, without marking the clip failed, when the browser refuses sound before a touch', async () => {
    const { output, played } = fakeOutput(new Set(), true);
    const failedUrls: string[] = [];
    const shipped = new Map([[clipSlot(question.key, 'fr'), clip(question, '/audio/fr/q1.opus', 'synthetic')]]);
    const player = makePromptPlayer({ output, sources: () => ({ recorded: new Map(), shipped, hasVoice: () => false }), onClipFailed: (url) => failedUrls.push(url) });
    await player.play([question, question]);
    expect(played).toEqual([]);
    expect(failedUrls).toEqual([]);
    expect(player.failed.size).toBe(0);
  });
});
