import type { Context } from 'hono';
import { apiError } from './apiError.ts';

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Reads a JSON body or answers the 4xx that says why it cannot: wrong type, too large, malformed. */
export async function readJsonBody(c: Context, limit = DEFAULT_BODY_LIMIT): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    return { ok: false, response: apiError(c, 415, 'unsupported_media_type', 'send the body as application/json') };
  }
  const declared = Number(c.req.header('content-length') ?? NaN);
  if (declared > limit) return { ok: false, response: apiError(c, 413, 'body_too_large', `the body is over ${limit} bytes: send a smaller batch`) };
  const text = await c.req.text();
  if (Buffer.byteLength(text) > limit) return { ok: false, response: apiError(c, 413, 'body_too_large', `the body is over ${limit} bytes: send a smaller batch`) };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch (error) {
    return { ok: false, response: apiError(c, 400, 'malformed_json', `the body is not valid JSON: ${(error as Error).message}`) };
  }
}
