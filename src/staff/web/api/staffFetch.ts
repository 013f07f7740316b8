/**
 * What every small staff API module (spoken comments, paper work, visits) shares with
 * makeStaffApi.ts: the session cookie, the server's own error as a StaffApiError, answers
 * checked before a screen trusts them, and the CSRF token on state changes (taken from
 * GET /auth/me, which gives it again, since makeStaffApi keeps its copy to itself).
 */
import * as v from 'valibot';
import { StaffApiError, staffApiErrorFrom } from './makeStaffApi.ts';

export interface StaffFetchOptions {
  base?: string;
  fetch?: typeof fetch;
  /** Called on a 401: the session ended (signed out elsewhere, expired). */
  onSessionEnded?: (error: StaffApiError) => void;
}

export interface SendInit {
  /** A JSON body. */
  body?: unknown;
  /** A body sent as it is (a file), with its own Content-Type in `headers`. */
  raw?: BodyInit;
  headers?: Record<string, string>;
  accept?: string;
  csrf?: string;
  /** Statuses answered rather than thrown (an import's 422 carries its report). */
  allow?: readonly number[];
}

const CsrfAnswer = v.object({ csrfToken: v.string() });

export function makeStaffFetch(options: StaffFetchOptions = {}) {
  const base = options.base ?? '/api/v1';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let csrfToken: string | undefined;

  async function send(method: string, path: string, init: SendInit = {}): Promise<Response> {
    const headers: Record<string, string> = { Accept: init.accept ?? 'application/json', ...init.headers };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (init.csrf) headers['X-CSRF-Token'] = init.csrf;
    const body = init.body !== undefined ? JSON.stringify(init.body) : init.raw;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body } : {}) });
    } catch (error) {
      throw new StaffApiError(0, 'network', (error as Error).message || 'the server could not be reached');
    }
    if (response.ok || init.allow?.includes(response.status)) return response;
    const error = await staffApiErrorFrom(response);
    if (response.status === 401) {
      csrfToken = undefined;
      options.onSessionEnded?.(error);
    }
    throw error;
  }

  async function read<S extends v.GenericSchema>(schema: S, response: Response, what: string): Promise<v.InferOutput<S>> {
    const parsed = v.safeParse(schema, await response.json().catch(() => undefined));
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const where = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
      throw new StaffApiError(response.status, 'unexpected_answer', `${what}: ${where ? `${where} ` : ''}${issue?.message ?? 'unexpected answer'}`);
    }
    return parsed.output;
  }

  const csrf = async () => (csrfToken ??= (await read(CsrfAnswer, await send('GET', '/auth/me'), 'GET /auth/me')).csrfToken);

  return {
    base,
    send,
    read,
    /** GET path, its answer checked against the schema. */
    get: async <S extends v.GenericSchema>(schema: S, path: string): Promise<v.InferOutput<S>> => read(schema, await send('GET', path), `GET ${path}`),
    /** A state change with the CSRF token; a new sign-in gave a new token: asked once more with it. */
    async change(method: string, path: string, init: SendInit = {}): Promise<Response> {
      try {
        return await send(method, path, { ...init, csrf: await csrf() });
      } catch (error) {
        if (!(error instanceof StaffApiError && error.code === 'csrf_failed')) throw error;
        csrfToken = undefined;
        return send(method, path, { ...init, csrf: await csrf() });
      }
    },
  };
}
