import type { InvitationOffer, InvitationResponse } from '../survey/invitations/invitationResponse.ts';

/** What opening an invitation told the phone (docs/invitations.md). */
export type InvitationRead =
  | { kind: 'offer'; offer: InvitationOffer }
  | { kind: 'used' }
  | { kind: 'unknown' }
  | { kind: 'invalid' }
  | { kind: 'closed' }
  /** No network, a server error or too many requests: try again later. */
  | { kind: 'unreachable' };

/** What sending the finished response gave. */
export type InvitationSend =
  | { kind: 'stored' }
  | { kind: 'used' }
  | { kind: 'closed' }
  /** The server will never take it (a bug, an edited page): nothing to retry. */
  | { kind: 'refused'; message: string }
  | { kind: 'retry' };

const errorCode = async (response: Response): Promise<string | undefined> => {
  try {
    return ((await response.json()) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
};

/** Checks what the server sent before the kiosk runs it (a survey is untrusted input until parsed). */
export async function readOffer(raw: unknown): Promise<InvitationOffer | undefined> {
  const offer = raw as Partial<InvitationOffer> | null;
  if (!offer || typeof offer !== 'object' || !Array.isArray(offer.languages) || typeof offer.closesOn !== 'string') return undefined;
  if (!offer.sealing?.keyId || !offer.sealing.publicKey) return undefined;
  // The survey checker is the kiosk's own lazy chunk (src/device/loadSurveyForKiosk.ts loads it the same way).
  const { parseSurvey } = await import('../survey/parseSurvey.ts');
  const parsed = parseSurvey(offer.survey);
  if (!parsed.ok) return undefined;
  const languages = offer.languages.filter((code): code is string => typeof code === 'string' && parsed.survey.languages.includes(code));
  return { survey: parsed.survey, languages: languages.length ? languages : parsed.survey.languages, sealing: offer.sealing, closesOn: offer.closesOn };
}

/** GET /api/v1/invitations/:code */
export async function fetchInvitation(code: string, fetcher: typeof fetch = fetch): Promise<InvitationRead> {
  let response: Response;
  try {
    response = await fetcher(`/api/v1/invitations/${code}`, { cache: 'no-store' });
  } catch {
    return { kind: 'unreachable' };
  }
  if (response.ok) {
    const offer = await readOffer(await response.json().catch(() => undefined));
    return offer ? { kind: 'offer', offer } : { kind: 'unreachable' };
  }
  const code_ = await errorCode(response);
  if (code_ === 'code_used') return { kind: 'used' };
  if (code_ === 'unknown_code') return { kind: 'unknown' };
  if (code_ === 'invalid_code') return { kind: 'invalid' };
  if (code_ === 'wave_closed') return { kind: 'closed' };
  return { kind: 'unreachable' };
}

/** POST /api/v1/invitations/:code/response */
export async function sendInvitationResponse(code: string, response: InvitationResponse, fetcher: typeof fetch = fetch): Promise<InvitationSend> {
  let answer: Response;
  try {
    answer = await fetcher(`/api/v1/invitations/${code}/response`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response }),
      cache: 'no-store',
    });
  } catch {
    return { kind: 'retry' };
  }
  if (answer.ok) return { kind: 'stored' };
  if (answer.status === 429 || answer.status >= 500) return { kind: 'retry' };
  const code_ = await errorCode(answer);
  if (code_ === 'code_used') return { kind: 'used' };
  if (code_ === 'wave_closed') return { kind: 'closed' };
  return { kind: 'refused', message: code_ ?? `HTTP ${answer.status}` };
}
