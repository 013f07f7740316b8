/**
 * The staff screens' one door to the server (docs/staff-api.md): typed calls, answers parsed
 * with valibot, the CSRF token sent on every state change, and a 401 reported once so the
 * sign-in screen comes back.
 */
import * as v from 'valibot';
import type { BreakdownReport, CommentList, CommentTag, ComparisonReport, FacilityReport } from '../../../survey/reportTypes.ts';
import {
  AccountList, AccountSchema, ApiErrorBody, AssistanceReportSchema, BreakdownReportSchema, CommentListSchema, ComparisonReportSchema, DeviceList, DeviceSchema,
  EnrollmentCode, FacilityList, FacilityReportSchema, FacilitySchema, MediatorNoteListSchema, ResidentCounts, SettingsSchema, SignedIn, SurveyList,
  TabletPinSchema, type AssistanceReport, type MediatorNoteList, type StaffRole, type TabletPin,
} from './wireSchemas.ts';

/** An error the screens show as it is: the server's own code and message (or "network"). */
export class StaffApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'StaffApiError';
  }
}

export type ReportPeriodQuery = { period: string } | { from: string; to: string };
export type ExportFormat = 'csv' | 'xlsx';
export type ExportKind = 'aggregate' | 'responses';
export type ExportParams = { survey: string; period: string; facility?: string | undefined; lang?: string | undefined };

export interface DownloadedExport {
  blob: Blob;
  fileName: string;
  /** From X-Sayso-Rows; null when the server did not say. */
  rows: number | null;
}

export interface StaffApiOptions {
  /** Defaults to the page's own origin's /api/v1. */
  base?: string;
  fetch?: typeof fetch;
  /** A request answered 401 after sign-in: the session is gone (expired, signed out elsewhere, account disabled). */
  onSessionEnded?: (error: StaffApiError) => void;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function query(params: Record<string, string | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

const periodParams = (period: ReportPeriodQuery) => ('period' in period ? { period: period.period } : { from: period.from, to: period.to });

/** The file name from Content-Disposition (filename*= first, RFC 6266), else a fallback. */
function fileNameFrom(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() || fallback;
}

/** The server's own error ({"error": {code, message}}) of a failed answer, or what the answer said instead. */
export async function staffApiErrorFrom(response: Response): Promise<StaffApiError> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = v.safeParse(ApiErrorBody, JSON.parse(text));
    if (parsed.success) return new StaffApiError(response.status, parsed.output.error.code, parsed.output.error.message);
  } catch {
    // not JSON: a proxy's page, say
  }
  return new StaffApiError(response.status, `http_${response.status}`, text.slice(0, 300) || response.statusText || `HTTP ${response.status}`);
}

export function makeStaffApi(options: StaffApiOptions = {}) {
  const base = options.base ?? '/api/v1';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  let csrfToken: string | undefined;

  async function send(method: string, path: string, body?: unknown, quiet401 = false, accept = 'application/json'): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (STATE_CHANGING.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      throw new StaffApiError(0, 'network', (error as Error).message || 'the server could not be reached');
    }
    if (response.ok) return response;
    const error = await staffApiErrorFrom(response);
    if (response.status === 401 && !quiet401) {
      csrfToken = undefined;
      options.onSessionEnded?.(error);
    }
    throw error;
  }

  async function json<S extends v.GenericSchema>(schema: S, method: string, path: string, body?: unknown, quiet401 = false): Promise<v.InferOutput<S>> {
    const response = await send(method, path, body, quiet401);
    const data: unknown = await response.json().catch(() => undefined);
    const parsed = v.safeParse(schema, data);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const where = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
      throw new StaffApiError(response.status, 'unexpected_answer', `${method} ${path}: ${where ? `${where} ` : ''}${issue?.message ?? 'unexpected answer'}`);
    }
    return parsed.output;
  }

  const exportPath = (kind: ExportKind, format: ExportFormat, params: ExportParams) =>
    `/exports/${kind === 'aggregate' ? 'aggregate' : 'responses'}.${format}${query(params)}`;
  const exportHeaders = (response: Response, kind: ExportKind, format: ExportFormat) => {
    const rowsHeader = response.headers.get('X-Sayso-Rows');
    return {
      fileName: fileNameFrom(response.headers.get('Content-Disposition'), `sayso-${kind}.${format}`),
      rows: rowsHeader !== null && /^\d+$/.test(rowsHeader) ? Number(rowsHeader) : null,
    };
  };

  const signedIn = (answer: v.InferOutput<typeof SignedIn>) => {
    csrfToken = answer.csrfToken;
    return answer.staff;
  };

  return {
    /** POST /auth/login; a wrong password is an error like any other (401 invalid_credentials). */
    login: async (email: string, password: string) => signedIn(await json(SignedIn, 'POST', '/auth/login', { email, password }, true)),
    /** GET /auth/me: the session a reloaded page still has, or null when there is none. */
    me: async () => {
      try {
        return signedIn(await json(SignedIn, 'GET', '/auth/me', undefined, true));
      } catch (error) {
        if (error instanceof StaffApiError && error.status === 401) return null;
        throw error;
      }
    },
    logout: async () => {
      try {
        await send('POST', '/auth/logout', undefined, true);
      } finally {
        csrfToken = undefined;
      }
    },

    facilities: async () => (await json(FacilityList, 'GET', '/staff/facilities')).facilities,
    createFacility: (input: { name: string; timeZone: string }) => json(FacilitySchema, 'POST', '/staff/facilities', input),
    updateFacility: (id: string, input: { name?: string; timeZone?: string; languages?: string[] }) => json(FacilitySchema, 'PATCH', `/staff/facilities/${encodeURIComponent(id)}`, input),

    accounts: async () => (await json(AccountList, 'GET', '/staff/accounts')).accounts,
    createAccount: (input: { email: string; role: StaffRole; password: string; facilityIds: string[] }) => json(AccountSchema, 'POST', '/staff/accounts', input),
    updateAccount: (id: string, input: { role?: StaffRole; facilityIds?: string[]; disabled?: boolean; password?: string }) =>
      json(AccountSchema, 'PATCH', `/staff/accounts/${encodeURIComponent(id)}`, input),

    /** The caller's own tablet PIN (docs/staff-api.md, Tablet PINs): number, when set, what it unlocks; a wrong password is 401 invalid_credentials. */
    tabletPin: (): Promise<TabletPin> => json(TabletPinSchema, 'GET', '/staff/me/tablet-pin'),
    /** A wrong password (401 invalid_credentials) is the form's error, not a lost session; any other 401 still ends it. */
    setTabletPin: async (input: { pin: string; password: string }): Promise<TabletPin> => {
      try {
        return await json(TabletPinSchema, 'PUT', '/staff/me/tablet-pin', input, true);
      } catch (error) {
        if (error instanceof StaffApiError && error.status === 401 && error.code !== 'invalid_credentials') {
          csrfToken = undefined;
          options.onSessionEnded?.(error);
        }
        throw error;
      }
    },
    removeTabletPin: () => send('DELETE', '/staff/me/tablet-pin').then(() => undefined),
    removeAccountTabletPin: (id: string) => send('DELETE', `/staff/accounts/${encodeURIComponent(id)}/tablet-pin`).then(() => undefined),

    devices: async () => (await json(DeviceList, 'GET', '/staff/devices')).devices,
    revokeDevice: (id: string) => json(DeviceSchema, 'POST', `/staff/devices/${encodeURIComponent(id)}/revoke`),
    createEnrollmentCode: (facilityId: string) => json(EnrollmentCode, 'POST', `/facilities/${encodeURIComponent(facilityId)}/enrollments`),

    surveys: async () => (await json(SurveyList, 'GET', '/staff/surveys')).surveys,
    settings: () => json(SettingsSchema, 'GET', '/staff/settings'),
    updateMinCellSize: (minCellSize: number) => send('PATCH', '/staff/settings', { minCellSize }).then(() => undefined),
    updateSpokenRetentionDays: (spokenRetentionDays: number) => send('PATCH', '/staff/settings', { spokenRetentionDays }).then(() => undefined),
    putTarget: (surveyId: string, questionId: string, percent: number) =>
      send('PUT', `/staff/targets/${encodeURIComponent(surveyId)}/${encodeURIComponent(questionId)}`, { percent }).then(() => undefined),

    residents: async (facilityId: string) => (await json(ResidentCounts, 'GET', `/staff/facilities/${encodeURIComponent(facilityId)}/residents`)).counts,
    putResidents: (facilityId: string, period: string, residents: number) =>
      send('PUT', `/staff/facilities/${encodeURIComponent(facilityId)}/residents/${encodeURIComponent(period)}`, { residents }).then(() => undefined),

    facilityReport: (params: { survey: string; facility: string } & ReportPeriodQuery): Promise<FacilityReport> =>
      json(FacilityReportSchema, 'GET', `/reports/facility${query({ survey: params.survey, facility: params.facility, ...periodParams(params) })}`),
    comparison: (params: { survey: string; period: string }): Promise<ComparisonReport> =>
      json(ComparisonReportSchema, 'GET', `/reports/comparison${query(params)}`),
    breakdown: (params: { survey: string; period: string; dimension: string; facility?: string | undefined }): Promise<BreakdownReport> =>
      json(BreakdownReportSchema, 'GET', `/reports/breakdown${query(params)}`),
    comments: (params: { survey: string; facility: string; period: string; question?: string | undefined; tag?: string | undefined; q?: string | undefined }): Promise<CommentList> =>
      json(CommentListSchema, 'GET', `/reports/comments${query(params)}`),
    assistance: (params: { survey: string; facility: string; period: string }): Promise<AssistanceReport> =>
      json(AssistanceReportSchema, 'GET', `/reports/assistance${query(params)}`),
    mediatorNotes: (params: { survey: string; facility: string; period: string }): Promise<MediatorNoteList> =>
      json(MediatorNoteListSchema, 'GET', `/reports/mediator-notes${query(params)}`),
    tagComment: (id: string, tag: CommentTag | null) => send('PUT', `/reports/comments/${encodeURIComponent(id)}/tag`, { tag }).then(() => undefined),

    /** The address of an export, for a plain link the browser streams to disk. */
    exportUrl: (kind: ExportKind, format: ExportFormat, params: ExportParams) => `${base}${exportPath(kind, format, params)}`,
    /** Fetches an export whole, so the screen can show the server's error or say the file has no rows. */
    downloadExport: async (kind: ExportKind, format: ExportFormat, params: ExportParams): Promise<DownloadedExport> => {
      const response = await send('GET', exportPath(kind, format, params), undefined, false, '*/*');
      return { blob: await response.blob(), ...exportHeaders(response, kind, format) };
    },
    /**
     * Asks for a streamed export and stops reading at its headers: the screen can show the
     * server's error, or that the file has only its header row, before the browser's own
     * download (a plain link, written to disk as it comes) fetches it again.
     */
    checkExport: async (kind: ExportKind, format: ExportFormat, params: ExportParams): Promise<Omit<DownloadedExport, 'blob'>> => {
      const response = await send('GET', exportPath(kind, format, params), undefined, false, '*/*');
      await response.body?.cancel().catch(() => undefined);
      return exportHeaders(response, kind, format);
    },
  };
}

export type StaffApi = ReturnType<typeof makeStaffApi>;
