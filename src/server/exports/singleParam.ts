/** Query parameters as Hono gives them (c.req.queries()). */
export type RawQuery = Record<string, string[] | undefined>;

/**
 * One optional query parameter: its value, undefined when absent or empty, or a problem
 * when it is sent twice (refused, not guessed at) or is too long.
 */
export function singleParam(raw: RawQuery, name: string, maxLength = 200): { ok: true; value: string | undefined } | { ok: false; message: string } {
  const values = raw[name] ?? [];
  if (values.length > 1) return { ok: false, message: `${name} is given more than once` };
  const value = values[0];
  if (value === undefined || value === '') return { ok: true, value: undefined };
  if (value.length > maxLength) return { ok: false, message: `${name} is longer than ${maxLength} characters` };
  return { ok: true, value };
}
