import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/createApp.ts';
import type { DatabaseHandle } from '../../src/server/db/createDatabase.ts';
import type { Database } from '../../src/server/db/schema.ts';
import { makePaperChecker } from '../../src/server/paper/checkPaperSheet.ts';
import { keyPaperSheets } from '../../src/server/paper/keyPaperSheets.ts';
import { createPaperBatch } from '../../src/server/paper/paperBatches.ts';
import { createEnrollmentCode } from '../../src/server/queries/enrollments.ts';
import { createFacility, createOrganisation } from '../../src/server/queries/organisations.ts';
import { createStaff, setPaperDoubleEntry, type StaffRole } from '../../src/server/queries/staff.ts';
import { publishSurveyVersion } from '../../src/server/queries/surveyVersions.ts';
import { createInvitations } from '../../src/server/waves/createInvitations.ts';
import { createWave } from '../../src/server/waves/createWave.ts';
import { makeUuidV7 } from '../../src/survey/makeUuidV7.ts';
import { quarterOfDay } from '../../src/survey/periods.ts';
import { call, signIn, type StaffSession } from './auth/staffClient.ts';
import { signedResponse } from './support/signedResponse.ts';
import { testDatabaseKinds } from './support/testDatabases.ts';
import { putSpoken, syncSealedResponse, VOICE_SURVEY, wavBytes } from './media/support/audioFixture.ts';

/**
 * Every route of docs/staff-api.md as every role, with the answer each must get, written out
 * by hand from the contract's tables (not derived from the code). Manager, inspector and
 * mediator are assigned facility A only; "foreign" is an admin of another organisation.
 */

const PASSWORD = 'correct horse battery';
const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8'));
const ROLES = ['admin', 'analyst', 'designer', 'manager', 'inspector', 'mediator', 'foreign'] as const;
type Caller = (typeof ROLES)[number];

/** "200", "403 forbidden", "404 unknown_facility"; "404 *" checks the status only. */
type Expected = string;
const F = '403 forbidden';
const NF = '404 unknown_facility';

interface Context {
  A: string; B: string; period: string; from: string; to: string;
  deviceA: string; deviceB: string; commentA: string; commentB: string; spareAccount: string;
  spokenA: string; spokenB: string; clipUrl: string; spokenResponse: string;
  unique: () => string;
  /** A sheet of facility A's printed batch not keyed yet, and an open mismatch of A or B, fresh on every call. */
  sheetA: () => unknown; mismatchA: () => string; mismatchB: () => string;
  /** A running wave of mini in A and B, one unused invitation code of it, and fresh non-overlapping quarters for new waves. */
  wave: string; invitationCode: string; nextWaveStart: () => string; nextWaveEnd: () => string;
}

interface Row {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: (x: Context) => string;
  body?: (x: Context) => unknown;
  headers?: Record<string, string>;
  /** Who may call it without a staff session: 'public' (GET /media/:id), or 'device' (a tablet's bearer token only). */
  access?: 'public' | 'device';
  expect: Record<Caller, Expected>;
}

const r = (admin: Expected, analyst: Expected, designer: Expected, manager: Expected, inspector: Expected, mediator: Expected, foreign: Expected) =>
  ({ admin, analyst, designer, manager, inspector, mediator, foreign });

const report = (x: Context, facility: string) => `survey=mini&facility=${facility}&period=${x.period}`;

//                                                                                    admin   analyst designer manager inspector mediator foreign
const MATRIX: Row[] = [
  { name: 'GET /auth/me', method: 'GET', path: () => '/auth/me', expect: r('200', '200', '200', '200', '200', '200', '200') },
  { name: 'GET /staff/facilities', method: 'GET', path: () => '/staff/facilities', expect: r('200', '200', '200', '200', '200', '200', '200') },
  { name: 'POST /staff/facilities', method: 'POST', path: () => '/staff/facilities', body: (x) => ({ name: `Centre ${x.unique()}`, timeZone: 'Europe/Brussels' }), expect: r('201', F, F, F, F, F, '201') },
  { name: 'PATCH /staff/facilities/A', method: 'PATCH', path: (x) => `/staff/facilities/${x.A}`, body: () => ({ name: 'Centre A' }), expect: r('200', F, F, F, F, F, NF) },
  { name: 'GET /staff/accounts', method: 'GET', path: () => '/staff/accounts', expect: r('200', F, F, F, F, F, '200') },
  { name: 'POST /staff/accounts', method: 'POST', path: () => '/staff/accounts', body: (x) => ({ email: `new${x.unique()}@example.org`, role: 'mediator', password: PASSWORD, facilityIds: [] }), expect: r('201', F, F, F, F, F, '201') },
  { name: 'PATCH /staff/accounts/:id', method: 'PATCH', path: (x) => `/staff/accounts/${x.spareAccount}`, body: (x) => ({ facilityIds: [x.A] }), expect: r('200', F, F, F, F, F, '404 unknown_account') },
  { name: 'GET /staff/devices', method: 'GET', path: () => '/staff/devices', expect: r('200', F, F, '200', F, F, '200') },
  { name: 'POST /facilities/A/enrollments', method: 'POST', path: (x) => `/facilities/${x.A}/enrollments`, expect: r('201', F, F, '201', F, F, NF) },
  { name: 'POST /facilities/B/enrollments', method: 'POST', path: (x) => `/facilities/${x.B}/enrollments`, expect: r('201', F, F, NF, F, F, NF) },
  { name: 'POST /staff/devices/(A)/revoke', method: 'POST', path: (x) => `/staff/devices/${x.deviceA}/revoke`, expect: r('200', F, F, '200', F, F, '404 unknown_device') },
  { name: 'POST /staff/devices/(B)/revoke', method: 'POST', path: (x) => `/staff/devices/${x.deviceB}/revoke`, expect: r('200', F, F, '404 unknown_device', F, F, '404 unknown_device') },
  { name: 'GET /staff/surveys', method: 'GET', path: () => '/staff/surveys', expect: r('200', '200', '200', '200', F, F, '200') },
  { name: 'GET /staff/settings', method: 'GET', path: () => '/staff/settings', expect: r('200', '200', F, '200', F, F, '200') },
  { name: 'PATCH /staff/settings', method: 'PATCH', path: () => '/staff/settings', body: () => ({ minCellSize: 5 }), expect: r('200', F, F, F, F, F, '200') },
  { name: 'PUT /staff/targets/:surveyId/:questionId', method: 'PUT', path: () => '/staff/targets/mini/room.satisfied', body: () => ({ percent: 60 }), expect: r('200', F, F, F, F, F, '200') },
  { name: 'GET /staff/facilities/A/residents', method: 'GET', path: (x) => `/staff/facilities/${x.A}/residents`, expect: r('200', '200', F, '200', F, F, NF) },
  { name: 'GET /staff/facilities/B/residents', method: 'GET', path: (x) => `/staff/facilities/${x.B}/residents`, expect: r('200', '200', F, NF, F, F, NF) },
  { name: 'PUT /staff/facilities/A/residents/:period', method: 'PUT', path: (x) => `/staff/facilities/${x.A}/residents/${x.period}`, body: () => ({ residents: 100 }), expect: r('200', F, F, '200', F, F, NF) },
  { name: 'PUT /staff/facilities/B/residents/:period', method: 'PUT', path: (x) => `/staff/facilities/${x.B}/residents/${x.period}`, body: () => ({ residents: 100 }), expect: r('200', F, F, NF, F, F, NF) },
  { name: 'GET /reports/facility (A, quarter)', method: 'GET', path: (x) => `/reports/facility?${report(x, x.A)}`, expect: r('200', '200', F, '200', F, F, NF) },
  { name: 'GET /reports/facility (B, quarter)', method: 'GET', path: (x) => `/reports/facility?${report(x, x.B)}`, expect: r('200', '200', F, NF, F, F, NF) },
  { name: 'GET /reports/facility (A, range)', method: 'GET', path: (x) => `/reports/facility?survey=mini&facility=${x.A}&from=${x.from}&to=${x.to}`, expect: r('200', '200', F, '200', F, F, NF) },
  { name: 'GET /reports/comparison', method: 'GET', path: (x) => `/reports/comparison?survey=mini&period=${x.period}`, expect: r('200', '200', F, F, F, F, '200') },
  { name: 'GET /reports/breakdown (A)', method: 'GET', path: (x) => `/reports/breakdown?${report(x, x.A)}&dimension=language`, expect: r('200', '200', F, '200', F, F, NF) },
  { name: 'GET /reports/breakdown (B)', method: 'GET', path: (x) => `/reports/breakdown?${report(x, x.B)}&dimension=language`, expect: r('200', '200', F, NF, F, F, NF) },
  { name: 'GET /reports/breakdown (no facility)', method: 'GET', path: (x) => `/reports/breakdown?survey=mini&period=${x.period}&dimension=language`, expect: r('200', '200', F, '400 invalid_query', F, F, '200') },
  { name: 'GET /reports/comments (A)', method: 'GET', path: (x) => `/reports/comments?${report(x, x.A)}`, expect: r('200', '200', F, '200', F, F, NF) },
  { name: 'GET /reports/comments (B)', method: 'GET', path: (x) => `/reports/comments?${report(x, x.B)}`, expect: r('200', '200', F, NF, F, F, NF) },
  { name: 'PUT /reports/comments/(A)/tag', method: 'PUT', path: (x) => `/reports/comments/${x.commentA}/tag`, body: () => ({ tag: 'remark' }), expect: r('200', F, F, '200', F, F, '404 *') },
  { name: 'PUT /reports/comments/(B)/tag', method: 'PUT', path: (x) => `/reports/comments/${x.commentB}/tag`, body: () => ({ tag: 'remark' }), expect: r('200', F, F, '404 *', F, F, '404 *') },
  { name: 'GET /exports/aggregate.csv (A)', method: 'GET', path: (x) => `/exports/aggregate.csv?${report(x, x.A)}&lang=en`, expect: r('200', '200', F, '200', F, F, NF) },
  { name: 'GET /exports/aggregate.xlsx (A)', method: 'GET', path: (x) => `/exports/aggregate.xlsx?${report(x, x.A)}&lang=en`, expect: r('200', '200', F, '200', F, F, NF) },
  { name: 'GET /exports/aggregate.csv (B)', method: 'GET', path: (x) => `/exports/aggregate.csv?${report(x, x.B)}&lang=en`, expect: r('200', '200', F, NF, F, F, NF) },
  { name: 'GET /exports/responses.csv', method: 'GET', path: (x) => `/exports/responses.csv?survey=mini&period=${x.period}&lang=en`, expect: r('200', '200', F, F, F, F, '200') },
  { name: 'GET /exports/responses.xlsx', method: 'GET', path: (x) => `/exports/responses.xlsx?survey=mini&period=${x.period}&lang=en`, expect: r('200', '200', F, F, F, F, '200') },
  { name: 'GET /exports/responses.csv (A)', method: 'GET', path: (x) => `/exports/responses.csv?${report(x, x.A)}&lang=en`, expect: r('200', '200', F, F, F, F, NF) },
  // Audio (docs/media-api.md).
  { name: 'POST /media', method: 'POST', path: (x) => `/media?clipId=${crypto.randomUUID()}&key=app.matrix.${x.unique().replace(/[^0-9-]/g, '')}&language=ti&textHash=0123456789abcd&durationMs=900`, body: () => wavBytes(50), headers: { 'content-type': 'audio/wav' }, expect: r('201', F, '201', F, F, '201', '201') },
  { name: 'GET /media/:id', method: 'GET', path: (x) => x.clipUrl, access: 'public', expect: r('200', '200', '200', '200', '200', '200', '200') },
  { name: 'PUT /responses/:id/spoken/:q', method: 'PUT', path: (x) => `/responses/${x.spokenResponse}/spoken/voice.comment?clipId=${crypto.randomUUID()}&mime=audio/wav&iv=AAAAAAAAAAAAAAAA&durationMs=1`, body: () => new Uint8Array(32), headers: { 'content-type': 'application/octet-stream' }, access: 'device', expect: r('401 missing_token', '401 missing_token', '401 missing_token', '401 missing_token', '401 missing_token', '401 missing_token', '401 missing_token') },
  { name: 'GET /reports/spoken-comments (A)', method: 'GET', path: (x) => `/reports/spoken-comments?surveyId=voice&facilityId=${x.A}&period=${x.period}`, expect: r('200', '200', F, '200', F, F, NF) },
  { name: 'GET /reports/spoken-comments (B)', method: 'GET', path: (x) => `/reports/spoken-comments?surveyId=voice&facilityId=${x.B}&period=${x.period}`, expect: r('200', '200', F, NF, F, F, NF) },
  { name: 'GET /reports/spoken-comments/(A)/audio', method: 'GET', path: (x) => `/reports/spoken-comments/${x.spokenA}/audio`, expect: r('200', '200', F, '200', F, F, '404 unknown_comment') },
  { name: 'GET /reports/spoken-comments/(B)/audio', method: 'GET', path: (x) => `/reports/spoken-comments/${x.spokenB}/audio`, expect: r('200', '200', F, '404 unknown_comment', F, F, '404 unknown_comment') },
  { name: 'PUT /reports/spoken-comments/(A)/transcript', method: 'PUT', path: (x) => `/reports/spoken-comments/${x.spokenA}/transcript`, body: () => ({ text: 'Too cold' }), expect: r('200', '200', F, '200', F, F, '404 unknown_comment') },
  { name: 'PUT /reports/spoken-comments/(B)/transcript', method: 'PUT', path: (x) => `/reports/spoken-comments/${x.spokenB}/transcript`, body: () => ({ text: 'Too cold' }), expect: r('200', '200', F, '404 unknown_comment', F, F, '404 unknown_comment') },
  { name: 'PATCH /staff/settings (spokenRetentionDays)', method: 'PATCH', path: () => '/staff/settings', body: () => ({ spokenRetentionDays: 90 }), expect: r('200', F, F, F, F, F, '200') },
  { name: 'PATCH /staff/facilities/A (languages)', method: 'PATCH', path: (x) => `/staff/facilities/${x.A}`, body: () => ({ languages: ['en', 'ar', 'ti'] }), expect: r('200', F, F, F, F, F, NF) },
  // Mediator mode (docs/staff-api.md): tablet PINs, assistance and mediators' notes, withdrawals.
  { name: 'GET /staff/me/tablet-pin', method: 'GET', path: () => '/staff/me/tablet-pin', expect: r('200', '200', '200', '200', '200', '200', '200') },
  { name: 'PUT /staff/me/tablet-pin', method: 'PUT', path: () => '/staff/me/tablet-pin', body: () => ({ pin: '20481357', password: PASSWORD }), expect: r('200', '200', '200', '200', '200', '200', '200') },
  { name: 'DELETE /staff/me/tablet-pin', method: 'DELETE', path: () => '/staff/me/tablet-pin', expect: r('204', '204', '204', '204', '204', '204', '204') },
  { name: 'DELETE /staff/accounts/:id/tablet-pin', method: 'DELETE', path: (x) => `/staff/accounts/${x.spareAccount}/tablet-pin`, expect: r('204', F, F, F, F, F, '404 unknown_account') },
  { name: 'GET /reports/assistance (A)', method: 'GET', path: (x) => `/reports/assistance?${report(x, x.A)}`, expect: r('200', '200', F, '200', F, F, NF) },
  { name: 'GET /reports/assistance (B)', method: 'GET', path: (x) => `/reports/assistance?${report(x, x.B)}`, expect: r('200', '200', F, NF, F, F, NF) },
  { name: 'GET /reports/mediator-notes (A)', method: 'GET', path: (x) => `/reports/mediator-notes?${report(x, x.A)}`, expect: r('200', '200', F, '200', F, F, NF) },
  { name: 'GET /reports/mediator-notes (B)', method: 'GET', path: (x) => `/reports/mediator-notes?${report(x, x.B)}`, expect: r('200', '200', F, NF, F, F, NF) },
  { name: 'PUT /device/withdrawals', method: 'PUT', path: () => '/device/withdrawals', body: (x) => ({ counts: [{ surveyId: 'mini', period: x.period, count: 1 }] }), access: 'device', expect: r('401 missing_token', '401 missing_token', '401 missing_token', '401 missing_token', '401 missing_token', '401 missing_token', '401 missing_token') },
  // Paper forms (docs/paper-api.md): admin, manager and inspector, each for the facilities they see.
  { name: 'GET /paper/workspace', method: 'GET', path: () => '/paper/workspace', expect: r('200', F, F, '200', '200', F, '200') },
  { name: 'GET /paper/surveys/mini/versions', method: 'GET', path: () => '/paper/surveys/mini/versions', expect: r('200', F, F, '200', '200', F, '200') },
  { name: 'GET /paper/surveys/mini/versions/1', method: 'GET', path: () => '/paper/surveys/mini/versions/1', expect: r('200', F, F, '200', '200', F, '200') },
  { name: 'POST /paper/batches (A)', method: 'POST', path: () => '/paper/batches', body: (x) => ({ facilityId: x.A, surveyId: 'mini', surveyVersion: 1, language: 'en', count: 2 }), expect: r('201', F, F, '201', '201', F, NF) },
  { name: 'POST /paper/batches (B)', method: 'POST', path: () => '/paper/batches', body: (x) => ({ facilityId: x.B, surveyId: 'mini', surveyVersion: 1, language: 'en', count: 2 }), expect: r('201', F, F, NF, NF, F, NF) },
  // One result per entry: a sheet out of reach is rejected in its result (unknown_facility), not the request.
  { name: 'POST /paper/entries (A)', method: 'POST', path: () => '/paper/entries', body: (x) => ({ entries: [x.sheetA()] }), expect: r('200', F, F, '200', '200', F, '200') },
  { name: 'GET /paper/mismatches', method: 'GET', path: () => '/paper/mismatches', expect: r('200', F, F, '200', '200', F, '200') },
  { name: 'GET /paper/mismatches?facility=A', method: 'GET', path: (x) => `/paper/mismatches?facility=${x.A}`, expect: r('200', F, F, '200', '200', F, NF) },
  { name: 'GET /paper/mismatches?facility=B', method: 'GET', path: (x) => `/paper/mismatches?facility=${x.B}`, expect: r('200', F, F, NF, NF, F, NF) },
  { name: 'POST /paper/mismatches/(A)/resolve', method: 'POST', path: (x) => `/paper/mismatches/${x.mismatchA()}/resolve`, body: () => PAPER_RESOLUTION, expect: r('200', F, F, '200', '200', F, '404 unknown_mismatch') },
  { name: 'POST /paper/mismatches/(B)/resolve', method: 'POST', path: (x) => `/paper/mismatches/${x.mismatchB()}/resolve`, body: () => PAPER_RESOLUTION, expect: r('200', F, F, '404 unknown_mismatch', '404 unknown_mismatch', F, '404 unknown_mismatch') },
  { name: 'PATCH /staff/settings (paperDoubleEntry)', method: 'PATCH', path: () => '/staff/settings', body: () => ({ paperDoubleEntry: true }), expect: r('200', F, F, F, F, F, '200') },
  { name: 'POST /paper/imports (A, dry run)', method: 'POST', path: (x) => `/paper/imports?facility=${x.A}&dryRun=1`, body: () => new TextEncoder().encode('serial,room.satisfied\n'), headers: { 'content-type': 'text/csv', 'x-file-name': 'sheets.csv' }, expect: r('200', F, F, '200', '200', F, NF) },
  { name: 'POST /paper/imports (B, dry run)', method: 'POST', path: (x) => `/paper/imports?facility=${x.B}&dryRun=1`, body: () => new TextEncoder().encode('serial,room.satisfied\n'), headers: { 'content-type': 'text/csv', 'x-file-name': 'sheets.csv' }, expect: r('200', F, F, NF, NF, F, NF) },
  { name: 'GET /paper/imports/template.csv', method: 'GET', path: () => '/paper/imports/template.csv?survey=mini&version=1', expect: r('200', F, F, '200', '200', F, '200') },
  // The visit report reads inspectors' surveys only: asked for the residents' mini survey, those who may ask are told so.
  { name: 'GET /reports/visits (A)', method: 'GET', path: (x) => `/reports/visits?facility=${x.A}&survey=mini`, expect: r('400 not_a_visit_survey', '400 not_a_visit_survey', F, '400 not_a_visit_survey', '400 not_a_visit_survey', F, NF) },
  { name: 'GET /reports/visits (B)', method: 'GET', path: (x) => `/reports/visits?facility=${x.B}&survey=mini`, expect: r('400 not_a_visit_survey', '400 not_a_visit_survey', F, NF, NF, F, NF) },
  // Authoring (docs/authoring-api.md): admins and designers of the organisation.
  { name: 'GET /staff/authoring/surveys', method: 'GET', path: () => '/staff/authoring/surveys', expect: r('200', F, '200', F, F, F, '200') },
  { name: 'GET /staff/authoring/templates', method: 'GET', path: () => '/staff/authoring/templates', expect: r('200', F, '200', F, F, F, '200') },
  { name: 'GET /staff/authoring/media-index', method: 'GET', path: () => '/staff/authoring/media-index', expect: r('200', F, '200', F, F, F, '200') },
  { name: 'POST /staff/authoring/surveys (template)', method: 'POST', path: () => '/staff/authoring/surveys', body: (x) => ({ id: `m-${x.unique()}`, from: { kind: 'template', templateId: 'quick-check' } }), expect: r('201', F, '201', F, F, F, '201') },
  { name: 'GET /staff/authoring/surveys/mini/versions', method: 'GET', path: () => '/staff/authoring/surveys/mini/versions', expect: r('200', F, '200', F, F, F, '200') },
  { name: 'GET /staff/authoring/surveys/mini/versions/1', method: 'GET', path: () => '/staff/authoring/surveys/mini/versions/1', expect: r('200', F, '200', F, F, F, '200') },
  // The admin makes the draft, so the designer (same organisation) finds it there already.
  { name: 'POST /staff/authoring/surveys/mini/draft', method: 'POST', path: () => '/staff/authoring/surveys/mini/draft', body: () => ({ fromVersion: 1 }), expect: r('201', F, '409 draft_exists', F, F, F, '201') },
  { name: 'GET /staff/authoring/surveys/mini/draft', method: 'GET', path: () => '/staff/authoring/surveys/mini/draft', expect: r('200', F, '200', F, F, F, '200') },
  { name: 'DELETE /staff/authoring/surveys/mini/draft', method: 'DELETE', path: () => '/staff/authoring/surveys/mini/draft', expect: r('204', F, '404 no_draft', F, F, F, '204') },
  { name: 'POST /staff/xlsform/check', method: 'POST', path: () => '/staff/xlsform/check?fileName=form.csv', body: () => new TextEncoder().encode('type,name,label\n'), headers: { 'content-type': 'application/octet-stream' }, expect: r('415 unsupported_file', F, '415 unsupported_file', F, F, F, '415 unsupported_file') },
  { name: 'GET /staff/surveys/mini/versions/1/xlsform', method: 'GET', path: () => '/staff/surveys/mini/versions/1/xlsform', expect: r('200', F, '200', F, F, F, '200') },
  // Waves (docs/waves.md): set up by admins; managers count and print for their own facilities.
  { name: 'GET /staff/waves', method: 'GET', path: () => '/staff/waves', expect: r('200', '200', F, '200', F, F, '200') },
  { name: 'GET /staff/waves/surveys', method: 'GET', path: () => '/staff/waves/surveys', expect: r('200', F, F, F, F, F, '200') },
  { name: 'POST /staff/waves', method: 'POST', path: () => '/staff/waves', body: (x) => ({ name: `Wave ${x.unique()}`, surveyId: 'voice', surveyVersion: 1, startsOn: x.nextWaveStart(), endsOn: x.nextWaveEnd(), eligibility: 'Residents staying two months or more', facilities: [{ facilityId: x.A }] }), expect: r('201', F, F, F, F, F, '404 *') },
  { name: 'PATCH /staff/waves/:id', method: 'PATCH', path: (x) => `/staff/waves/${x.wave}`, body: () => ({ eligibility: 'Residents staying two months or more' }), expect: r('200', F, F, F, F, F, '404 *') },
  { name: 'PUT /staff/waves/:id/facilities/A', method: 'PUT', path: (x) => `/staff/waves/${x.wave}/facilities/${x.A}`, body: () => ({ eligibleResidents: 40 }), expect: r('200', F, F, '200', F, F, '404 *') },
  { name: 'PUT /staff/waves/:id/facilities/B', method: 'PUT', path: (x) => `/staff/waves/${x.wave}/facilities/${x.B}`, body: () => ({ eligibleResidents: 30 }), expect: r('200', F, F, '404 *', F, F, '404 *') },
  { name: 'POST /staff/waves/:id/facilities/A/invitations', method: 'POST', path: (x) => `/staff/waves/${x.wave}/facilities/${x.A}/invitations`, body: () => ({ count: 2 }), expect: r('201', F, F, '201', F, F, '404 *') },
  { name: 'POST /staff/waves/:id/facilities/B/invitations', method: 'POST', path: (x) => `/staff/waves/${x.wave}/facilities/${x.B}/invitations`, body: () => ({ count: 2 }), expect: r('201', F, F, '404 *', F, F, '404 *') },
  // An invitation opens with its code alone: no account is needed or used (docs/invitations.md).
  { name: 'GET /invitations/:code', method: 'GET', path: (x) => `/invitations/${x.invitationCode}`, access: 'public', expect: r('200', '200', '200', '200', '200', '200', '200') },
  { name: 'POST /auth/logout', method: 'POST', path: () => '/auth/logout', expect: r('204', '204', '204', '204', '204', '204', '204') },
];

const PAPER_DAY = '2026-11-24';
const PAPER_ANSWERS = { 'room.satisfied': true, 'room.score': 7 };
const PAPER_RESOLUTION = { language: 'en', filledOn: PAPER_DAY, answers: PAPER_ANSWERS, unreadable: [] };

/** Open mismatches of a facility, made by two keyings that differ (double entry on). */
async function openMismatches(db: Kysely<Database>, organisationId: string, facilityId: string, count: number): Promise<string[]> {
  const batch = await createPaperBatch(db, { organisationId, facilityId, surveyId: 'mini', surveyVersion: 1, language: 'en', count, createdBy: 'setup' });
  const facility = { id: facilityId, time_zone: 'Europe/Brussels' };
  const ids: string[] = [];
  for (let serial = batch.firstSerial; serial < batch.firstSerial + count; serial++) {
    const key = async (staffId: string, answers: Record<string, unknown>) => {
      const context = { organisationId, facility, staffId };
      const sheet = await (await makePaperChecker(db, context))({
        entryId: makeUuidV7(), facilityId, surveyId: 'mini', surveyVersion: 1, language: 'en', serial, filledOn: PAPER_DAY, answers, unreadable: [], keyedAt: new Date().toISOString(),
      });
      if (!sheet.ok) throw new Error(sheet.message);
      return (await keyPaperSheets(db, context, [sheet.sheet], true))[0]!;
    };
    await key('keyer-1', PAPER_ANSWERS);
    const second = await key('keyer-2', { ...PAPER_ANSWERS, 'room.score': 2 });
    if (second.status !== 'mismatch') throw new Error(`expected a mismatch, got ${second.status}`);
    ids.push(second.mismatchId);
  }
  return ids;
}

/** The local date in a zone, YYYY-MM-DD. */
function localDay(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

async function outcome(response: Response, expected: Expected): Promise<Expected> {
  if (response.status < 400) return String(response.status);
  const text = await response.text();
  if (expected.endsWith(' *') && expected.startsWith(String(response.status))) return expected;
  let code = '(no JSON error)';
  try {
    code = (JSON.parse(text) as { error: { code: string } }).error.code;
  } catch { /* shown as is */ }
  return `${response.status} ${code}`;
}

for (const kind of testDatabaseKinds()) {
  describe(`the role matrix on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let app: Hono;
    let x: Context;
    const sessions = {} as Record<Caller, StaffSession>;
    /** A second session per caller, signed out by the last row so the others keep theirs. */
    const spareSessions = {} as Record<Caller, StaffSession>;
    const ourSecrets: string[] = [];

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      const db = database.db;
      app = createApp({ staticRoot: 'dist', db, staff: { loginPerMinute: 10_000, tabletPinIterations: 100_000 }, device: { enrollPerMinute: 1000 } });
      const organisationId = (await createOrganisation(db, { name: 'Fedasil test' })).id;
      const A = (await createFacility(db, { organisationId, name: 'Centre A', timeZone: 'Europe/Brussels' })).id;
      const B = (await createFacility(db, { organisationId, name: 'Centre B', timeZone: 'Europe/Brussels' })).id;
      await publishSurveyVersion(db, { organisationId, definition: mini });
      await publishSurveyVersion(db, { organisationId, definition: VOICE_SURVEY });
      const other = (await createOrganisation(db, { name: 'Other agency' })).id;
      await createFacility(db, { organisationId: other, name: 'Elsewhere', timeZone: 'Europe/Brussels' });
      await publishSurveyVersion(db, { organisationId: other, definition: mini });

      const roles: StaffRole[] = ['admin', 'analyst', 'designer', 'manager', 'inspector', 'mediator'];
      for (const role of roles) {
        const assigned = role === 'manager' || role === 'inspector' || role === 'mediator';
        await createStaff(db, { organisationId, email: `${role}@example.org`, password: PASSWORD, role, facilityIds: assigned ? [A] : [] });
        ourSecrets.push(`${role}@example.org`);
      }
      const spare = await createStaff(db, { organisationId, email: 'spare@example.org', password: PASSWORD, role: 'mediator', facilityIds: [A] });
      await createStaff(db, { organisationId: other, email: 'admin@other.example', password: PASSWORD, role: 'admin' });
      for (const caller of ROLES) {
        const email = caller === 'foreign' ? 'admin@other.example' : `${caller}@example.org`;
        sessions[caller] = await signIn(app, email, PASSWORD);
        spareSessions[caller] = await signIn(app, email, PASSWORD);
      }

      // A tablet in each facility, each with one response carrying a comment.
      const devices: Record<string, string> = {};
      const responseIds: Record<string, string> = {};
      const spoken: Record<string, string> = {};
      let clipUrl = '';
      let spokenResponse = '';
      for (const [facility, facilityId] of [['A', A], ['B', B]] as const) {
        const { code } = await createEnrollmentCode(db, { facilityId });
        const enrolled = await (await app.request('/api/v1/devices/enroll', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: `Tablet ${facility}` }) })).json();
        devices[facility] = enrolled.enrollmentId;
        const response = await signedResponse(enrolled, { surveyId: 'mini', surveyVersion: 1, answers: { 'room.satisfied': false, 'room.reasons': ['noise'], 'room.score': 3, overall: 4, comment: `Comment about centre ${facility}` } });
        responseIds[facility] = response.id;
        const sync = await app.request('/api/v1/sync', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${enrolled.token}` }, body: JSON.stringify({ responses: [response] }) });
        expect((await sync.json()).results[0].status).toBe('accepted');
        // A sealed response with a spoken comment in each facility, and a prompt clip recorded on tablet A.
        const voice = await syncSealedResponse(app, { ...enrolled, facilityId });
        const put = await putSpoken(app, enrolled, { responseId: voice.id, questionId: 'voice.comment', clipId: crypto.randomUUID(), ...(await voice.sealSpoken('voice.comment', wavBytes(200))) });
        expect(put.status).toBe(201);
        spoken[facility] = (await db.selectFrom('spoken_comments').select('id').where('response_id', '=', voice.id).executeTakeFirstOrThrow()).id;
        if (facility === 'A') {
          spokenResponse = voice.id;
          const clip = await app.request(`/api/v1/media?clipId=${crypto.randomUUID()}&key=app.matrix.clip&language=ti&textHash=0123456789abcd&durationMs=900`, {
            method: 'POST', headers: { 'content-type': 'audio/wav', authorization: `Bearer ${enrolled.token}` }, body: wavBytes(100),
          });
          clipUrl = ((await clip.json()) as { clip: { url: string } }).clip.url.replace(/^\/api\/v1/, '');
        }
      }

      const today = localDay(new Date(), 'Europe/Brussels');
      const period = quarterOfDay(today);
      const commentId = async (facilityId: string) => {
        const listed = await call(app, sessions.admin, 'GET', `/reports/comments?survey=mini&facility=${facilityId}&period=${period}`);
        if (listed.status !== 200) return 'comments-list-unavailable';
        const { comments } = (await listed.json()) as { comments: Array<{ id: string }> };
        return comments[0]?.id ?? 'no-comment-listed';
      };
      let counter = 0;
      // Paper: a printed batch of A to key from, and open mismatches to resolve (each row's callers take fresh ones).
      await setPaperDoubleEntry(db, organisationId, true);
      const sheetBatch = await createPaperBatch(db, { organisationId, facilityId: A, surveyId: 'mini', surveyVersion: 1, language: 'en', count: 200, createdBy: 'setup' });
      let sheetSerial = sheetBatch.firstSerial;
      const mismatchesA = await openMismatches(db, organisationId, A, 12);
      const mismatchesB = await openMismatches(db, organisationId, B, 12);
      const next = (pool: string[]) => () => pool.shift() ?? 'pool-exhausted';
      // A wave of mini running now in A and B, with one invitation code to open.
      const wave = await createWave(db, {
        organisationId, name: 'This quarter', surveyId: 'mini', surveyVersion: 1, startsOn: today, endsOn: localDay(new Date(Date.now() + 80 * 86_400_000), 'Europe/Brussels'),
        eligibility: 'Residents staying two months or more', facilities: [{ facilityId: A }, { facilityId: B }], createdBy: 'setup',
      });
      if (!wave.ok) throw new Error(wave.message);
      const invitation = await createInvitations(db, { organisationId, waveId: wave.waveId, facilityId: A, count: 1, createdBy: 'setup' });
      if (!invitation.ok) throw new Error(invitation.message);
      let waveYear = 2030;
      x = {
        A, B, period, from: localDay(new Date(Date.now() - 30 * 86_400_000), 'Europe/Brussels'), to: today,
        deviceA: devices.A!, deviceB: devices.B!, commentA: await commentId(A), commentB: await commentId(B), spareAccount: spare.id,
        spokenA: spoken.A!, spokenB: spoken.B!, clipUrl, spokenResponse,
        unique: () => `${Date.now()}-${counter++}`,
        sheetA: () => ({
          entryId: makeUuidV7(), facilityId: A, surveyId: 'mini', surveyVersion: 1, language: 'en', serial: sheetSerial++, filledOn: PAPER_DAY,
          answers: PAPER_ANSWERS, unreadable: [], keyedAt: new Date().toISOString(),
        }),
        mismatchA: next(mismatchesA), mismatchB: next(mismatchesB),
        wave: wave.waveId, invitationCode: invitation.codes[0]!,
        nextWaveStart: () => `${waveYear}-01-01`, nextWaveEnd: () => `${waveYear++}-03-31`,
      };
      ourSecrets.push(A, B, 'Centre A', 'Centre B', 'Comment about centre', spare.id, devices.A!, devices.B!, spoken.A!, spoken.B!, spokenResponse);
    });
    afterAll(() => dispose?.());

    for (const row of MATRIX) {
      it(`${row.name}: ${ROLES.map((role) => `${role} ${row.expect[role]}`).join(', ')}`, async () => {
        const actual = {} as Record<Caller, Expected>;
        for (const caller of ROLES) {
          const session = row.name === 'POST /auth/logout' ? spareSessions[caller] : sessions[caller];
          const response = await call(app, session, row.method, row.path(x), { body: row.body?.(x), ...(row.headers && { headers: row.headers }) });
          actual[caller] = await outcome(response.clone(), row.expect[caller]);
          // Another organisation's admin never sees a thing of this one.
          if (caller === 'foreign') {
            const text = await response.text();
            for (const secret of ourSecrets) expect(text, `${row.name} as foreign admin`).not.toContain(secret);
          }
        }
        expect(actual).toEqual(row.expect);
      });
    }

    it('answers every route with 401 not_signed_in without a session (signing out excepted: 204; a clip\'s bytes are public; a tablet\'s route wants its token)', async () => {
      const actual: Record<string, Expected> = {};
      const expected: Record<string, Expected> = {};
      for (const row of MATRIX) {
        const response = await call(app, undefined, row.method, row.path(x), { body: row.body?.(x), ...(row.headers && { headers: row.headers }) });
        actual[row.name] = await outcome(response, '');
        expected[row.name] = row.name === 'POST /auth/logout' ? '204' : row.access === 'public' ? '200' : row.access === 'device' ? '401 missing_token' : '401 not_signed_in';
      }
      expect(actual).toEqual(expected);
    });

    it('answers every state change with 403 csrf_failed without the CSRF token, or from a foreign Origin', async () => {
      const actual: Record<string, Expected> = {};
      const expected: Record<string, Expected> = {};
      // A tablet's route takes no session at all, so no CSRF either (its bearer token is not sent by browsers on their own).
      for (const row of MATRIX.filter((m) => m.method !== 'GET' && m.access !== 'device')) {
        // The admin may make every one of them, so only the missing token can be the reason.
        const withoutToken = await call(app, sessions.admin, row.method, row.path(x), { body: row.body?.(x), csrf: false, ...(row.headers && { headers: row.headers }) });
        actual[`${row.name} without token`] = await outcome(withoutToken, '');
        const foreignOrigin = await call(app, sessions.admin, row.method, row.path(x), { body: row.body?.(x), headers: { ...row.headers, origin: 'https://evil.example' } });
        actual[`${row.name} from a foreign origin`] = await outcome(foreignOrigin, '');
        expected[`${row.name} without token`] = '403 csrf_failed';
        expected[`${row.name} from a foreign origin`] = '403 csrf_failed';
      }
      expect(actual).toEqual(expected);
      expect((await call(app, sessions.admin, 'GET', '/auth/me')).status).toBe(200);
    });
  });
}
