import type { Context } from 'hono';
import { apiError } from '../../http/apiError.ts';

/**
 * Reads an uploaded file of at most `limit` bytes: a larger declared length is refused
 * before reading, a stream that grows past it is cut off (413 file_too_large).
 */
export async function readUploadBody(c: Context, limit: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; response: Response }> {
  const tooLarge = () => ({ ok: false as const, response: apiError(c, 413, 'file_too_large', `the file is over ${limit / 1024 / 1024} MB: split it into smaller files`) });
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
