import type { Context } from 'hono';
import { apiError } from '../http/apiError.ts';

const MIB = 1024 * 1024;

/**
 * Reads a binary body of at most `limit` bytes, refusing a larger declared length before
 * reading and stopping a stream that grows past it: 413 too_large.
 */
export async function readAudioBody(c: Context, limit: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; response: Response }> {
  const tooLarge = () => ({ ok: false as const, response: apiError(c, 413, 'too_large', `the audio is over ${limit / MIB} MiB`) });
  const declared = Number(c.req.header('content-length') ?? NaN);
  if (declared > limit) return tooLarge();
  const body = c.req.raw.body;
  if (!body) return { ok: true, bytes: new Uint8Array(0) };
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > limit) {
      await reader.cancel().catch(() => undefined);
      return tooLarge();
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks, length) };
}
