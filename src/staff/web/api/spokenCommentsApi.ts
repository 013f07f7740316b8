/**
 * Staff's calls for respondents' spoken comments (docs/media-api.md, "Spoken comments"):
 * the list for a facility and quarter, the sound as a blob, and the transcript. Same rules as
 * makeStaffApi.ts: the session cookie, the server's own error, and the CSRF token on the
 * state change (taken from GET /auth/me, which gives it again, since makeStaffApi keeps its
 * copy to itself).
 */
import * as v from 'valibot';
import { ApiErrorBody } from './wireSchemas.ts';
import { StaffApiError } from './makeStaffApi.ts';

export interface SpokenComment {
  id: string;
  questionId: string;
  durationMs: number;
  /** False once retention deleted the sound; the transcript stays. */
  audio: boolean;
  transcript: string | null;
}

const SpokenCommentList = v.object({
  comments: v.array(v.object({ id: v.string(), questionId: v.string(), durationMs: v.number(), audio: v.boolean(), transcript: v.nullable(v.string()) })),
});
const SavedTranscript = v.object({ id: v.string(), transcript: v.nullable(v.string()) });
const CsrfAnswer = v.object({ csrfToken: v.string() });

export function makeSpokenCommentsApi(options: { base?: string; fetch?: typeof fetch } = {}) {
  const base = options.base ?? '/api/v1';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let csrfToken: string | undefined;

  async function send(method: string, path: string, init: { body?: unknown; accept?: string; csrf?: string } = {}): Promise<Response> {
    const headers: Record<string, string> = { Accept: init.accept ?? 'application/json' };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (init.csrf) headers['X-CSRF-Token'] = init.csrf;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { method, headers, credentials: 'same-origin', ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
    } catch (error) {
      throw new StaffApiError(0, 'network', (error as Error).message || 'the server could not be reached');
    }
    if (response.ok) return response;
    const text = await response.text().catch(() => '');
    try {
      const parsed = v.safeParse(ApiErrorBody, JSON.parse(text));
      if (parsed.success) throw new StaffApiError(response.status, parsed.output.error.code, parsed.output.error.message);
    } catch (error) {
      if (error instanceof StaffApiError) throw error;
    }
    throw new StaffApiError(response.status, `http_${response.status}`, text.slice(0, 300) || response.statusText);
  }

  async function read<S extends v.GenericSchema>(schema: S, response: Response, what: string): Promise<v.InferOutput<S>> {
    const parsed = v.safeParse(schema, await response.json().catch(() => undefined));
    if (!parsed.success) throw new StaffApiError(response.status, 'unexpected_answer', `${what}: ${parsed.issues[0]?.message ?? 'unexpected answer'}`);
    return parsed.output;
  }

  const csrf = async () => (csrfToken ??= (await read(CsrfAnswer, await send('GET', '/auth/me'), 'GET /auth/me')).csrfToken);

  return {
    /** GET /reports/spoken-comments: opaque ids, no times, no response ids. */
    list: async (params: { surveyId: string; facilityId: string; period: string }): Promise<SpokenComment[]> => {
      const query = new URLSearchParams(params).toString();
      return (await read(SpokenCommentList, await send('GET', `/reports/spoken-comments?${query}`), 'GET /reports/spoken-comments')).comments;
    },
    /** The decrypted recording (410 deleted after retention). */
    audio: async (id: string): Promise<Blob> => (await send('GET', `/reports/spoken-comments/${encodeURIComponent(id)}/audio`, { accept: 'audio/*' })).blob(),
    /** Saves a transcript; an empty text removes it. Answers what the server kept. */
    saveTranscript: async (id: string, text: string): Promise<string | null> => {
      const path = `/reports/spoken-comments/${encodeURIComponent(id)}/transcript`;
      let response: Response;
      try {
        response = await send('PUT', path, { body: { text }, csrf: await csrf() });
      } catch (error) {
        // A new sign-in gave a new token: ask once more with it.
        if (!(error instanceof StaffApiError && error.code === 'csrf_failed')) throw error;
        csrfToken = undefined;
        response = await send('PUT', path, { body: { text }, csrf: await csrf() });
      }
      return (await read(SavedTranscript, response, `PUT ${path}`)).transcript;
    },
  };
}

export type SpokenCommentsApi = ReturnType<typeof makeSpokenCommentsApi>;
