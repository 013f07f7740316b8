import type { Context } from 'hono';
import { apiError } from './apiError.ts';

/**
 * Reads a binary body of at most `limit` bytes: a larger declared length is refused before
 * reading, a stream that grows past it is cut off; both answer 413 with the caller's words.
 */
export async function readBinaryBody(
  c: Context,
  limit: number,
  refusal: { code: string; message: string },
): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; response: Response }> {
  const tooLarge = () => ({ ok: false as const, response: apiError(c, 413, refusal.code, refusal.message) });
  if (Number(c.req.header('content-length') ?? NaN) > limit) return tooLarge();
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
