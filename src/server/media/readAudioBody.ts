import type { Context } from 'hono';
import { readBinaryBody } from '../http/readBinaryBody.ts';

const MIB = 1024 * 1024;

/** An audio body of at most `limit` bytes, else 413 too_large. */
export function readAudioBody(c: Context, limit: number) {
  return readBinaryBody(c, limit, { code: 'too_large', message: `the audio is over ${limit / MIB} MiB` });
}
