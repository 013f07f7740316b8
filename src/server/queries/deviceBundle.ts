import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { DeviceEnrollment } from './enrollments.ts';
import { currentSurveyVersions } from './surveyVersions.ts';
import { currentSealingKey } from './organisationKeys.ts';
import { currentMediaClips } from '../media/mediaClipRows.ts';
import { facilityLanguages } from './audioSettings.ts';
import { facilityPinVerifiers } from './tabletPins.ts';
import type { MediaIndex } from '../../survey/mediaIndex.ts';
import { isForInspectors } from '../../survey/schema.ts';
import { runningWaves, withWaveVersions } from '../waves/runningWaves.ts';

/**
 * What a tablet needs to work offline: its facility, the current version of every survey
 * of its organisation that residents answer (never an inspectors' one; a running wave's
 * version instead for the wave's survey, with the running waves listed), settings, staff PIN
 * verifiers and the media index. The ETag lets a tablet ask "anything new?" for the price of a 304.
 */
export async function deviceBundle(db: Kysely<Database>, device: DeviceEnrollment, now = new Date()) {
  const facility = await db.selectFrom('facilities').innerJoin('organisations', 'organisations.id', 'facilities.organisation_id')
    .select(['facilities.id', 'facilities.name', 'facilities.time_zone', 'facilities.languages', 'organisations.id as organisation_id', 'organisations.name as organisation_name'])
    .where('facilities.id', '=', device.facility_id).executeTakeFirstOrThrow();
  const waves = await runningWaves(db, facility, now);
  const bundle = {
    enrollmentId: device.id,
    organisation: { id: facility.organisation_id, name: facility.organisation_name },
    facility: { id: facility.id, name: facility.name, timeZone: facility.time_zone },
    /** A running wave's survey comes in the wave's version (docs/waves.md). */
    surveys: await withWaveVersions(db, facility.organisation_id, (await currentSurveyVersions(db, facility.organisation_id)).filter((survey) => !isForInspectors(survey)), waves),
    waves,
    /** Tablets seal every answer to this public key; only the server can open them. */
    sealing: await currentSealingKey(db, facility.organisation_id),
    /** languages: what the facility enables, so tablets cache audio for those only. */
    settings: { idleTimeoutSeconds: 90, languages: facilityLanguages(facility.languages) },
    /** Staff who may unlock mediator mode or staff screens on this tablet, offline (src/survey/staffPins.ts). */
    staffPinVerifiers: await facilityPinVerifiers(db, { organisationId: facility.organisation_id, facilityId: facility.id }),
    /** The organisation's current recorded prompt clip per key and language (docs/media-api.md). */
    media: { clips: await currentMediaClips(db, facility.organisation_id) } satisfies MediaIndex,
  };
  const json = JSON.stringify(bundle);
  return { json, etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"` };
}
