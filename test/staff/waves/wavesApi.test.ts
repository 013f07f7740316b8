import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffApiError } from '../../../src/staff/web/api/makeStaffApi.ts';
import { makeWavesApi, type WavesApi } from '../../../src/staff/waves/wavesApi.ts';
import { parseInvitationCode } from '../../../src/survey/invitations/invitationCode.ts';
import { testDatabaseKinds } from '../../server/support/testDatabases.ts';
import { waveWorld, type WaveWorld } from '../../server/waves/support/waveWorld.ts';

/** The screen's API module against the real server (SQLite): its schemas must read what the routes send. */
describe('the waves screen\'s API calls', { timeout: 30_000 }, () => {
  let dispose: () => Promise<void>;
  let w: WaveWorld;
  let api: WavesApi;
  beforeAll(async () => {
    const opened = await testDatabaseKinds()[0]!.open();
    dispose = opened.dispose;
    w = await waveWorld(opened.handle.db, () => new Date('2026-12-01T12:00:00Z'));
    const cookie = w.admin.session.cookie;
    api = makeWavesApi({
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) => w.app.request(String(input), { ...init, headers: { ...(init?.headers as Record<string, string>), cookie, origin: 'http://localhost' } })) as typeof fetch,
    });
  });
  afterAll(() => dispose?.());

  it('creates a wave, lists it, records eligible residents, prints codes and cancels', async () => {
    const surveys = await api.surveys();
    expect(surveys.map((s) => [s.id, s.versions.map((v) => v.version)])).toEqual([['mini', [2, 1]]]);
    const wave = await api.create({
      name: 'Q4 2026', surveyId: 'mini', surveyVersion: 2, startsOn: '2026-10-01', endsOn: '2026-12-31', eligibility: 'Everyone staying two months or more',
      minStayDays: 60, facilities: [{ facilityId: w.A, eligibleResidents: null }],
    });
    expect(wave).toMatchObject({ name: 'Q4 2026', status: 'running', facilities: [{ facilityId: w.A, eligibleResidents: null, participationPercent: null }] });
    expect((await api.setEligible(wave.id, w.A, 30)).facilities[0]?.eligibleResidents).toBe(30);
    const printed = await api.printInvitations(wave.id, w.A, 10);
    expect(printed.codes.filter((code) => parseInvitationCode(code).ok)).toHaveLength(10);
    expect(printed.languages).toEqual(['en', 'ar']);
    expect((await api.list()).find((x) => x.id === wave.id)?.facilities[0]?.invitationsPrinted).toBe(10);
    expect((await api.update(wave.id, { cancel: true })).status).toBe('cancelled');
  });

  it('hands the server\'s refusal to the screen as a StaffApiError with its code', async () => {
    const refused = await api.create({ name: 'x', surveyId: 'mini', surveyVersion: 1, startsOn: '2027-02-01', endsOn: '2027-01-01', eligibility: 'x', minStayDays: null, facilities: [{ facilityId: w.A, eligibleResidents: null }] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StaffApiError);
    expect((refused as StaffApiError).code).toBe('invalid_dates');
  });
});
