import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** A refused wave operation, as the routes answer it: {"error": {code, message}} with this status. */
export interface WaveProblem { ok: false; status: ContentfulStatusCode; code: string; message: string }

export function waveProblem(status: ContentfulStatusCode, code: string, message: string): WaveProblem {
  return { ok: false, status, code, message };
}
