import type { MediaClip } from '../survey/mediaIndex.ts';
import type { ResponseEnvelope, SyncItemResult } from '../survey/responseEnvelope.ts';
import type { WithdrawalCountsRequest } from '../survey/withdrawals.ts';

/** How a call to the server failed, in terms the sync loop acts on. */
export type ApiFailure =
  | { kind: 'network'; message: string }
  | { kind: 'http'; status: number; code: string; message: string };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

export interface Enrollment {
  enrollmentId: string;
  token: string;
  secret: string;
  facilityId: string;
  organisationId: string;
}

/** Retry later (network, 408, 429, 5xx) or not until something changes (other 4xx). */
export function isRetryable(failure: ApiFailure): boolean {
  return failure.kind === 'network' || failure.status === 408 || failure.status === 429 || failure.status >= 500;
}

/**
 * How long a call may take, answer included: a connection that went quiet (Wi-Fi gone
 * half-open) must not hold the sync loop for ever; the next pass tries again.
 */
export const API_TIMEOUT_MS = 60_000;

export async function callApi<T>(
  fetcher: typeof fetch,
  url: string,
  init: RequestInit,
  read: (response: Response) => Promise<T>,
  timeoutMs = API_TIMEOUT_MS,
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetcher(url, { ...init, signal: init.signal ?? AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const timedOut = (error as Error | null)?.name === 'TimeoutError';
    return { ok: false, failure: { kind: 'network', message: timedOut ? `no answer in ${Math.ceil(timeoutMs / 1000)} s` : (error as Error).message || 'no connection' } };
  }
  if (!response.ok && response.status !== 304) {
    let code = `http_${response.status}`;
    let message = response.statusText;
    try {
      const body = (await response.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {
      // Not our JSON (a proxy's error page): keep the status.
    }
    return { ok: false, failure: { kind: 'http', status: response.status, code, message } };
  }
  try {
    return { ok: true, value: await read(response) };
  } catch (error) {
    return { ok: false, failure: { kind: 'network', message: `unreadable answer: ${(error as Error).message}` } };
  }
}

/** The tablet's side of the sync protocol (contract: /api/v1). */
export function makeDeviceApi(baseUrl = '', fetcher: typeof fetch = (...args) => fetch(...args)) {
  const json = (body: unknown, token?: string): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return {
    enroll: (code: string, name: string) =>
      callApi(fetcher, `${baseUrl}/api/v1/devices/enroll`, json({ code, name }), async (r) => (await r.json()) as Enrollment),

    bundle: (token: string, etag?: string) =>
      callApi(
        fetcher,
        `${baseUrl}/api/v1/device/bundle`,
        { headers: { authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': etag } : {}) }, cache: 'no-store' },
        async (r) => (r.status === 304 ? { changed: false as const } : { changed: true as const, etag: r.headers.get('etag') ?? undefined, bundle: (await r.json()) as unknown }),
      ),

    sync: (token: string, responses: ResponseEnvelope[]) =>
      callApi(fetcher, `${baseUrl}/api/v1/sync`, json({ responses }, token), async (r) => ((await r.json()) as { results: SyncItemResult[] }).results),

    /** Publishes a prompt clip recorded on this tablet (docs/media-api.md); a retry with the same clipId is one clip. */
    uploadMedia: (token: string, clip: { clipId: string; key: string; language: string; textHash: string; durationMs: number; mime: string; audio: ArrayBuffer }) =>
      callApi(
        fetcher,
        `${baseUrl}/api/v1/media?${new URLSearchParams({ clipId: clip.clipId, key: clip.key, language: clip.language, textHash: clip.textHash, durationMs: String(Math.round(clip.durationMs)) })}`,
        { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': clip.mime }, body: clip.audio },
        async (r) => (await r.json()) as { clip: MediaClip; duplicate?: boolean },
      ),

    /** Sends one sealed spoken comment, after its response has been accepted (docs/media-api.md); retry-safe by clipId. */
    uploadSpoken: (token: string, clip: { responseId: string; questionId: string; clipId: string; mime: string; iv: string; durationMs: number; ct: ArrayBuffer }) =>
      callApi(
        fetcher,
        `${baseUrl}/api/v1/responses/${encodeURIComponent(clip.responseId)}/spoken/${encodeURIComponent(clip.questionId)}?${new URLSearchParams({ clipId: clip.clipId, mime: clip.mime, iv: clip.iv, durationMs: String(Math.round(clip.durationMs)) })}`,
        { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' }, body: clip.ct },
        async (r) => (await r.json()) as { status: 'stored' | 'duplicate' },
      ),

    /** Sends this tablet's running withdrawal totals per survey and quarter; totals, so a resend changes nothing. */
    putWithdrawals: (token: string, request: WithdrawalCountsRequest) =>
      callApi(
        fetcher,
        `${baseUrl}/api/v1/device/withdrawals`,
        { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(request) },
        async (r) => (await r.json()) as { ok: true },
      ),
  };
}

export type DeviceApi = ReturnType<typeof makeDeviceApi>;
