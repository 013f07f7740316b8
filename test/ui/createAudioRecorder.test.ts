import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAudioRecorder, microphoneProblem, pickRecordingMime, type Recording } from '../../src/ui/createAudioRecorder.ts';

/** A MediaRecorder that hands back the scripted chunks when stopped, or fails. */
class FakeRecorder {
  static chunks: Blob[] = [];
  static failOnStop = false;
  static supported = ['audio/webm;codecs=opus'];
  static isTypeSupported = (type: string) => FakeRecorder.supported.includes(type);
  state: 'inactive' | 'recording' = 'inactive';
  ondataavailable: ((event: { data: Blob }) => void) | null = null;
  onerror: (() => void) | null = null;
  onstop: (() => void) | null = null;
  constructor(readonly stream: unknown, readonly options: { mimeType: string }) {}
  get mimeType() {
    return this.options.mimeType;
  }
  start() {
    this.state = 'recording';
  }
  stop() {
    this.state = 'inactive';
    if (FakeRecorder.failOnStop) this.onerror?.();
    else for (const data of FakeRecorder.chunks) this.ondataavailable?.({ data });
    this.onstop?.();
  }
}

const stopped: string[] = [];
const stream = { getTracks: () => [{ stop: () => stopped.push('track') }] };

function withMicrophone(getUserMedia: () => Promise<unknown>) {
  vi.stubGlobal('MediaRecorder', FakeRecorder);
  vi.stubGlobal('navigator', { mediaDevices: { getUserMedia } });
}

async function recordOnce(): Promise<{ problem: string | undefined; recordings: Recording[]; state: string }> {
  const recordings: Recording[] = [];
  return createRoot(async (dispose) => {
    const recorder = createAudioRecorder({ onRecorded: (r) => void recordings.push(r) });
    await recorder.start();
    if (recorder.state() === 'recording') recorder.stop();
    await new Promise((r) => setTimeout(r, 10));
    const result = { problem: recorder.problem(), recordings, state: recorder.state() };
    dispose();
    return result;
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeRecorder.chunks = [];
  FakeRecorder.failOnStop = false;
  FakeRecorder.supported = ['audio/webm;codecs=opus'];
  stopped.length = 0;
});

describe('recording a prompt', () => {
  it('prefers WebM Opus, then Ogg Opus, then MP4', () => {
    expect(pickRecordingMime(() => true)).toBe('audio/webm;codecs=opus');
    expect(pickRecordingMime((t) => t.startsWith('audio/ogg'))).toBe('audio/ogg;codecs=opus');
    expect(pickRecordingMime((t) => t === 'audio/mp4')).toBe('audio/mp4');
    expect(pickRecordingMime(() => false)).toBeUndefined();
  });

  it('names a refused microphone and a missing one apart from other failures', () => {
    expect(microphoneProblem(Object.assign(new Error('x'), { name: 'NotAllowedError' }))).toBe('denied');
    expect(microphoneProblem(Object.assign(new Error('x'), { name: 'NotFoundError' }))).toBe('noMicrophone');
    expect(microphoneProblem(Object.assign(new Error('x'), { name: 'NotReadableError' }))).toBe('failed');
  });

  it('hands on what was recorded, with its type, and releases the microphone', async () => {
    withMicrophone(async () => stream);
    FakeRecorder.chunks = [new Blob([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3])]), new Blob([new Uint8Array([7])])];
    const result = await recordOnce();
    expect(result.problem).toBeUndefined();
    expect(result.recordings).toHaveLength(1);
    expect(result.recordings[0]!.mime).toBe('audio/webm;codecs=opus');
    expect([...new Uint8Array(result.recordings[0]!.audio)]).toEqual([0x1a, 0x45, 0xdf, 0xa3, 7]);
    expect(result.state).toBe('idle');
    expect(stopped).toEqual(['track']);
  });

  it('says the microphone is not allowed and hands on nothing when permission is refused', async () => {
    withMicrophone(async () => Promise.reject(Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' })));
    expect(await recordOnce()).toEqual({ problem: 'denied', recordings: [], state: 'idle' });
  });

  it('says no microphone was found when there is none', async () => {
    withMicrophone(async () => Promise.reject(Object.assign(new Error('Requested device not found'), { name: 'NotFoundError' })));
    expect(await recordOnce()).toMatchObject({ problem: 'noMicrophone', recordings: [] });
  });

  it('reports an empty recording and a recorder error without handing anything on, so the previous draft stays', async () => {
    withMicrophone(async () => stream);
    expect(await recordOnce()).toMatchObject({ problem: 'empty', recordings: [] });
    FakeRecorder.failOnStop = true;
    FakeRecorder.chunks = [new Blob([new Uint8Array([1])])];
    expect(await recordOnce()).toMatchObject({ problem: 'failed', recordings: [] });
  });

  it('stops by itself at the time limit', async () => {
    withMicrophone(async () => stream);
    FakeRecorder.chunks = [new Blob([new Uint8Array([1, 2])])];
    const recordings: Recording[] = [];
    await createRoot(async (dispose) => {
      const recorder = createAudioRecorder({ onRecorded: (r) => void recordings.push(r), maxMs: 100 });
      await recorder.start();
      expect(recorder.state()).toBe('recording');
      await new Promise((r) => setTimeout(r, 600));
      expect(recorder.state()).toBe('idle');
      expect(recorder.remainingMs()).toBe(0);
      dispose();
    });
    expect(recordings).toHaveLength(1);
    expect(recordings[0]!.durationMs).toBeLessThanOrEqual(100);
  });

  it('says recording is unsupported where the browser has no recorder for any of the types', async () => {
    withMicrophone(async () => stream);
    FakeRecorder.supported = [];
    expect(await recordOnce()).toMatchObject({ problem: 'unsupported', recordings: [] });
  });
});
