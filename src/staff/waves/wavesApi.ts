/**
 * The waves screen's calls (docs/waves.md): the list with participation, the surveys a wave
 * can run, creating and changing a wave, the eligible residents of a facility and printing
 * invitations. Through staffFetch: the session, the server's own errors, the CSRF token.
 */
import * as v from 'valibot';
import { makeStaffFetch, type StaffFetchOptions } from '../web/api/staffFetch.ts';

const Title = v.record(v.string(), v.string());
const WaveFacility = v.object({
  facilityId: v.string(), name: v.string(), eligibleResidents: v.nullable(v.number()), invitationsPrinted: v.number(),
  invitationsUsed: v.number(), responses: v.number(), participationPercent: v.nullable(v.number()), slipLanguages: v.array(v.string()),
});
const WaveSchema = v.object({
  id: v.string(), name: v.string(), surveyId: v.string(), surveyVersion: v.number(), surveyTitle: Title, surveyLanguages: v.array(v.string()),
  startsOn: v.string(), endsOn: v.string(), eligibility: v.string(), minStayDays: v.nullable(v.number()),
  status: v.picklist(['planned', 'running', 'ended', 'cancelled']), facilities: v.array(WaveFacility),
});
export type Wave = v.InferOutput<typeof WaveSchema>;
export type WaveFacility = v.InferOutput<typeof WaveFacility>;

const WaveList = v.object({ waves: v.array(WaveSchema) });
const OneWave = v.object({ wave: WaveSchema });
const SurveyChoices = v.object({
  surveys: v.array(v.object({ id: v.string(), title: Title, defaultLanguage: v.string(), versions: v.array(v.object({ version: v.number(), publishedAt: v.string(), languages: v.array(v.string()) })) })),
});
export type WaveSurveyChoice = v.InferOutput<typeof SurveyChoices>['surveys'][number];
const Printed = v.object({ batchId: v.string(), codes: v.array(v.string()), languages: v.array(v.string()), surveyLanguages: v.array(v.string()) });
export type PrintedInvitations = v.InferOutput<typeof Printed>;

export interface NewWaveInput {
  name: string; surveyId: string; surveyVersion: number; startsOn: string; endsOn: string;
  eligibility: string; minStayDays: number | null; facilities: Array<{ facilityId: string; eligibleResidents: number | null }>;
}

export function makeWavesApi(options: StaffFetchOptions = {}) {
  const api = makeStaffFetch(options);
  const wavePath = (id: string) => `/staff/waves/${encodeURIComponent(id)}`;
  const facilityPath = (waveId: string, facilityId: string) => `${wavePath(waveId)}/facilities/${encodeURIComponent(facilityId)}`;
  return {
    list: async () => (await api.get(WaveList, '/staff/waves')).waves,
    surveys: async () => (await api.get(SurveyChoices, '/staff/waves/surveys')).surveys,
    create: async (input: NewWaveInput) => (await api.read(OneWave, await api.change('POST', '/staff/waves', { body: input }), 'POST /staff/waves')).wave,
    update: async (id: string, change: { name?: string; endsOn?: string; eligibility?: string; cancel?: true }) =>
      (await api.read(OneWave, await api.change('PATCH', wavePath(id), { body: change }), 'PATCH /staff/waves/:id')).wave,
    setEligible: async (waveId: string, facilityId: string, eligibleResidents: number | null) =>
      (await api.read(OneWave, await api.change('PUT', facilityPath(waveId, facilityId), { body: { eligibleResidents } }), 'PUT eligible residents')).wave,
    printInvitations: async (waveId: string, facilityId: string, count: number) =>
      api.read(Printed, await api.change('POST', `${facilityPath(waveId, facilityId)}/invitations`, { body: { count } }), 'POST invitations'),
  };
}
export type WavesApi = ReturnType<typeof makeWavesApi>;
