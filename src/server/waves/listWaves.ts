import type { Kysely } from 'kysely';
import type { SurveyDefinition } from '../../survey/schema.ts';
import type { Database } from '../db/schema.ts';
import { slipLanguages } from './slipLanguages.ts';
import { waveStatus, type WaveStatus } from './waveDays.ts';

/** Participation in one facility of a wave: counts of responses and codes, never answers. */
export interface WaveFacilityView {
  facilityId: string;
  name: string;
  eligibleResidents: number | null;
  invitationsPrinted: number;
  invitationsUsed: number;
  /** Complete responses of the wave in this facility, from any source (tablet, invitation). */
  responses: number;
  /** responses / eligibleResidents × 100, one decimal; null while the eligible residents are not counted. */
  participationPercent: number | null;
  /** The languages an invitation slip of this facility speaks by default (src/server/waves/slipLanguages.ts). */
  slipLanguages: string[];
}

/** A wave as GET /staff/waves shows it (docs/waves.md). */
export interface WaveView {
  id: string;
  name: string;
  surveyId: string;
  surveyVersion: number;
  /** The survey version's own title, in its languages. */
  surveyTitle: SurveyDefinition['title'];
  /** The survey version's languages, its default first: what a slip may be printed in. */
  surveyLanguages: string[];
  startsOn: string;
  endsOn: string;
  eligibility: string;
  minStayDays: number | null;
  status: WaveStatus;
  facilities: WaveFacilityView[];
}

export function participationPercent(responses: number, eligible: number | null): number | null {
  if (eligible === null || eligible <= 0) return null;
  return Math.round((responses / eligible) * 1000) / 10;
}

/**
 * The organisation's waves, newest start first, with participation per facility. With
 * `facilityIds` (a manager), only waves in one of those facilities, showing only those.
 */
export async function listWaves(
  db: Kysely<Database>,
  input: { organisationId: string; facilityIds?: readonly string[]; waveIds?: readonly string[] },
  now = new Date(),
): Promise<WaveView[]> {
  if (input.facilityIds?.length === 0 || input.waveIds?.length === 0) return [];
  let query = db.selectFrom('waves').selectAll().where('organisation_id', '=', input.organisationId);
  if (input.waveIds) query = query.where('id', 'in', [...input.waveIds]);
  const waves = await query.orderBy('starts_on', 'desc').orderBy('created_at', 'desc').execute();
  if (waves.length === 0) return [];
  const ids = waves.map((w) => w.id);

  const facilities = await db.selectFrom('wave_facilities').innerJoin('facilities', 'facilities.id', 'wave_facilities.facility_id')
    .select(['wave_facilities.wave_id', 'wave_facilities.facility_id', 'wave_facilities.eligible_residents', 'facilities.name', 'facilities.time_zone', 'facilities.languages'])
    .where('wave_facilities.wave_id', 'in', ids).orderBy('facilities.name').orderBy('facilities.id').execute();
  const shown = input.facilityIds ? new Set(input.facilityIds) : undefined;

  const codes = await db.selectFrom('invitation_codes')
    .select((eb) => ['wave_id', 'facility_id', eb.fn.countAll().as('printed'), eb.fn.count('used_on').as('used')])
    .where('wave_id', 'in', ids).groupBy(['wave_id', 'facility_id']).execute();
  const responses = await db.selectFrom('responses')
    .select((eb) => ['wave_id', 'facility_id', eb.fn.countAll().as('responses')])
    .where('wave_id', 'in', ids).where('status', '=', 'complete').groupBy(['wave_id', 'facility_id']).execute();
  const key = (waveId: string | null, facilityId: string) => `${waveId}\u0000${facilityId}`;
  const codeCounts = new Map(codes.map((row) => [key(row.wave_id, row.facility_id), { printed: Number(row.printed), used: Number(row.used) }]));
  const responseCounts = new Map(responses.map((row) => [key(row.wave_id, row.facility_id), Number(row.responses)]));

  const titles = new Map<string, Pick<SurveyDefinition, 'title' | 'languages' | 'defaultLanguage'>>();
  for (const wave of waves) {
    const versionKey = `${wave.survey_id}@${wave.survey_version}`;
    if (titles.has(versionKey)) continue;
    const row = await db.selectFrom('survey_versions').select('definition')
      .where('organisation_id', '=', input.organisationId).where('survey_id', '=', wave.survey_id).where('version', '=', Number(wave.survey_version)).executeTakeFirst();
    const definition = row ? (JSON.parse(row.definition) as SurveyDefinition) : undefined;
    titles.set(versionKey, definition ?? { title: {}, languages: [], defaultLanguage: 'en' });
  }

  const views: WaveView[] = [];
  for (const wave of waves) {
    const own = facilities.filter((f) => f.wave_id === wave.id && (!shown || shown.has(f.facility_id)));
    if (own.length === 0) continue;
    const survey = titles.get(`${wave.survey_id}@${wave.survey_version}`) ?? { title: {}, languages: [], defaultLanguage: 'en' };
    views.push({
      id: wave.id, name: wave.name, surveyId: wave.survey_id, surveyVersion: Number(wave.survey_version),
      surveyTitle: survey.title,
      surveyLanguages: [survey.defaultLanguage, ...survey.languages.filter((l) => l !== survey.defaultLanguage)].filter((l) => survey.languages.includes(l)),
      startsOn: wave.starts_on, endsOn: wave.ends_on, eligibility: wave.eligibility,
      minStayDays: wave.min_stay_days === null ? null : Number(wave.min_stay_days),
      // The status over all the wave's facilities, not only the ones shown.
      status: waveStatus(wave, facilities.filter((f) => f.wave_id === wave.id).map((f) => f.time_zone), now),
      facilities: own.map((f) => {
        const counted = codeCounts.get(key(wave.id, f.facility_id)) ?? { printed: 0, used: 0 };
        const answered = responseCounts.get(key(wave.id, f.facility_id)) ?? 0;
        const eligible = f.eligible_residents === null ? null : Number(f.eligible_residents);
        return {
          facilityId: f.facility_id, name: f.name, eligibleResidents: eligible, invitationsPrinted: counted.printed, invitationsUsed: counted.used,
          responses: answered, participationPercent: participationPercent(answered, eligible),
          slipLanguages: slipLanguages(survey, f.languages),
        };
      }),
    });
  }
  return views;
}
