import { describe, expect, it } from 'vitest';
import { fetchInvitation, sendInvitationResponse } from '../../src/invitation/invitationApi.ts';
import type { InvitationResponse } from '../../src/survey/invitations/invitationResponse.ts';
import { miniSurvey } from '../kiosk/makeTestSession.ts';

const answer = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const error = (status: number, code: string) => answer(status, { error: { code, message: code } });
const offline = async (): Promise<Response> => {
  throw new TypeError('Failed to fetch');
};
const sealing = { keyId: 'k1', publicKey: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' } };

describe('the invitation API as the phone reads it', () => {
  it('reads the offer, keeping only the languages the survey has, and each refusal as its own screen', async () => {
    const read = await fetchInvitation('CODE', answer(200, { survey: miniSurvey, languages: ['ar', 'ti'], sealing, closesOn: '2026-12-31' }));
    expect(read).toMatchObject({ kind: 'offer', offer: { languages: ['ar'], closesOn: '2026-12-31', survey: { id: 'mini' } } });
    expect(await fetchInvitation('CODE', error(410, 'code_used'))).toEqual({ kind: 'used' });
    expect(await fetchInvitation('CODE', error(410, 'wave_closed'))).toEqual({ kind: 'closed' });
    expect(await fetchInvitation('CODE', error(404, 'unknown_code'))).toEqual({ kind: 'unknown' });
    expect(await fetchInvitation('CODE', error(400, 'invalid_code'))).toEqual({ kind: 'invalid' });
  });

  it('takes no network, a server error, too many requests or a broken survey as "try again"', async () => {
    expect(await fetchInvitation('CODE', offline)).toEqual({ kind: 'unreachable' });
    expect(await fetchInvitation('CODE', error(500, 'server_error'))).toEqual({ kind: 'unreachable' });
    expect(await fetchInvitation('CODE', error(429, 'too_many_attempts'))).toEqual({ kind: 'unreachable' });
    expect(await fetchInvitation('CODE', answer(200, { survey: { id: 'broken' }, languages: ['en'], sealing, closesOn: '2026-12-31' }))).toEqual({ kind: 'unreachable' });
  });

  it('keeps a response to send again after no network, a server error or too many requests, and gives up only on a final refusal', async () => {
    const response = { id: 'r' } as unknown as InvitationResponse;
    expect(await sendInvitationResponse('CODE', response, answer(200, { status: 'accepted' }))).toEqual({ kind: 'stored' });
    expect(await sendInvitationResponse('CODE', response, answer(200, { status: 'duplicate' }))).toEqual({ kind: 'stored' });
    for (const retry of [offline, error(503, 'server_error'), error(429, 'too_many_attempts')]) {
      expect(await sendInvitationResponse('CODE', response, retry)).toEqual({ kind: 'retry' });
    }
    expect(await sendInvitationResponse('CODE', response, error(409, 'code_used'))).toEqual({ kind: 'used' });
    expect(await sendInvitationResponse('CODE', response, error(410, 'wave_closed'))).toEqual({ kind: 'closed' });
    expect(await sendInvitationResponse('CODE', response, error(422, 'answers_invalid'))).toEqual({ kind: 'refused', message: 'answers_invalid' });
  });
});
