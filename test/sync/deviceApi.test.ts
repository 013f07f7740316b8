import { describe, expect, it } from 'vitest';
import { callApi } from '../../src/sync/deviceApi.ts';

/** A server that takes the request and never answers (a connection gone half-open). */
const silentServer: typeof fetch = (_url, init) =>
  new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason as Error)));

describe('callApi', () => {
  it('gives up on a server that never answers, as a retryable network failure', async () => {
    const started = Date.now();
    const result = await callApi(silentServer, '/api/v1/sync', { method: 'POST' }, async () => 'never', 200);
    expect(result).toEqual({ ok: false, failure: { kind: 'network', message: 'no answer in 1 s' } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('keeps the JSON error of a refusal', async () => {
    const refusing: typeof fetch = async () => new Response(JSON.stringify({ error: { code: 'invalid_request', message: 'bad body' } }), { status: 400 });
    expect(await callApi(refusing, '/api/v1/sync', {}, async () => 'never')).toEqual({ ok: false, failure: { kind: 'http', status: 400, code: 'invalid_request', message: 'bad body' } });
  });
});
