import type { ResponseEnvelope, SyncItemResult } from '../survey/responseEnvelope.ts';

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

async function call<T>(fetcher: typeof fetch, url: string, init: RequestInit, read: (response: Response) => Promise<T>): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetcher(url, init);
  } catch (error) {
    return { ok: false, failure: { kind: 'network', message: (error as Error).message || 'no connection' } };
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
      call(fetcher, `${baseUrl}/api/v1/devices/enroll`, json({ code, name }), async (r) => (await r.json()) as Enrollment),

    bundle: (token: string, etag?: string) =>
      call(
        fetcher,
        `${baseUrl}/api/v1/device/bundle`,
        { headers: { authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': etag } : {}) }, cache: 'no-store' },
        async (r) => (r.status === 304 ? { changed: false as const } : { changed: true as const, etag: r.headers.get('etag') ?? undefined, bundle: (await r.json()) as unknown }),
      ),

    sync: (token: string, responses: ResponseEnvelope[]) =>
      call(fetcher, `${baseUrl}/api/v1/sync`, json({ responses }, token), async (r) => ((await r.json()) as { results: SyncItemResult[] }).results),
  };
}

export type DeviceApi = ReturnType<typeof makeDeviceApi>;
