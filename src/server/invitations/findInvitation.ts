import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { hashToken } from '../hashToken.ts';
import { localDay } from '../rollupCells.ts';
import { waveStatusOn, type WaveStatus } from '../waves/waveDays.ts';

/** An issued invitation code, with its wave and facility: never the code itself. */
export interface FoundInvitation {
  codeHash: string;
  usedOn: string | null;
  waveId: string;
  facilityId: string;
  organisationId: string;
  timeZone: string;
  /** The facility's enabled languages (JSON, null: all). */
  facilityLanguages: string | null;
  surveyId: string;
  surveyVersion: number;
  endsOn: string;
  /** The wave on the facility's local day now. */
  status: WaveStatus;
  /** The facility's local day now (YYYY-MM-DD): what used_on records. */
  today: string;
}

/** Finds an invitation by its compact code (already checked by parseInvitationCode); undefined for a code never issued. */
export async function findInvitation(db: Kysely<Database>, code: string, now: Date): Promise<FoundInvitation | undefined> {
  const codeHash = hashToken(code);
  const row = await db.selectFrom('invitation_codes as c')
    .innerJoin('waves as w', 'w.id', 'c.wave_id')
    .innerJoin('facilities as f', 'f.id', 'c.facility_id')
    .select(['c.used_on', 'c.wave_id', 'c.facility_id', 'f.organisation_id', 'f.time_zone', 'f.languages',
      'w.survey_id', 'w.survey_version', 'w.starts_on', 'w.ends_on', 'w.cancelled_at', 'w.organisation_id as wave_organisation_id'])
    .where('c.code_hash', '=', codeHash)
    .executeTakeFirst();
  // A wave and its facility always share an organisation; a row that does not is treated as never issued.
  if (!row || row.organisation_id !== row.wave_organisation_id) return undefined;
  const today = localDay(now.toISOString(), row.time_zone);
  return {
    codeHash, usedOn: row.used_on, waveId: row.wave_id, facilityId: row.facility_id, organisationId: row.organisation_id,
    timeZone: row.time_zone, facilityLanguages: row.languages, surveyId: row.survey_id, surveyVersion: Number(row.survey_version),
    endsOn: row.ends_on, status: waveStatusOn(row, today), today,
  };
}
