import type { Context } from 'hono';
import { readBinaryBody } from '../../http/readBinaryBody.ts';

/** An uploaded file of at most `limit` bytes, else 413 file_too_large. */
export function readUploadBody(c: Context, limit: number) {
  return readBinaryBody(c, limit, { code: 'file_too_large', message: `the file is over ${limit / 1024 / 1024} MB: split it into smaller files` });
}
