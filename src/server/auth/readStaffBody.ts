import type { Context } from 'hono';
import * as v from 'valibot';
import { apiError } from '../http/apiError.ts';
import { readJsonBody } from '../http/readJsonBody.ts';

/** Staff requests are small forms: 64 KiB is plenty, and caps what a bad client can send. */
const STAFF_BODY_LIMIT = 64 * 1024;

/**
 * Reads a JSON object body and checks it against a (strict) object schema, or answers the
 * 4xx that says which field is wrong. `limit` raises the cap for the few bodies that carry
 * a whole survey definition (authoring drafts).
 */
export async function readStaffBody<S extends v.GenericSchema>(c: Context, schema: S, limit = STAFF_BODY_LIMIT): Promise<{ ok: true; body: v.InferOutput<S> } | { ok: false; response: Response }> {
  const read = await readJsonBody(c, limit);
  if (!read.ok) return read;
  // valibot takes [] for an object with only optional keys; no staff request is a list.
  if (read.body === null || typeof read.body !== 'object' || Array.isArray(read.body)) return { ok: false, response: apiError(c, 400, 'invalid_request', 'body: must be a JSON object') };
  // PostgreSQL text cannot hold NUL, and no staff form needs one: refuse it before any query.
  if (containsNul(read.body)) return { ok: false, response: apiError(c, 400, 'invalid_request', 'body: text must not contain NUL characters') };
  const parsed = v.safeParse(schema, read.body);
  if (!parsed.success) {
    const message = parsed.issues.map((issue) => `${issue.path?.map((p) => String(p.key)).join('.') || 'body'}: ${issue.message}`).join('; ');
    return { ok: false, response: apiError(c, 400, 'invalid_request', message) };
  }
  return { ok: true, body: parsed.output };
}

/** Whether any text or key in a JSON value holds NUL (PostgreSQL text cannot store it). */
export function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([key, inner]) => key.includes('\u0000') || containsNul(inner));
  return false;
}
