import { readFileSync } from 'node:fs';
import { createApp } from '../../../src/server/createApp.ts';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { createEnrollmentCode, revokeEnrollment } from '../../../src/server/queries/enrollments.ts';
import { createFacility, createOrganisation } from '../../../src/server/queries/organisations.ts';
import { publishSurveyVersion } from '../../../src/server/queries/surveyVersions.ts';
import { makeRng } from '../../support/makeRng.ts';
import { signedResponse } from './signedResponse.ts';

const mini = JSON.parse(readFileSync('test/survey/fixtures/mini-survey.json', 'utf8'));

const HOSTILE_TEXT = ["'; DROP TABLE responses; --", '<script>alert(1)</script>', '=HYPERLINK("http://x","y")', '\u0000\uFFFF\uD800', '../../etc/passwd', '${7*7}{{7*7}}'];

export interface FuzzReport {
  requests: number;
  byStatus: Record<string, number>;
  items: Record<string, number>;
  validSent: string[];
  serverErrors: number;
  facilityId: string;
}

/**
 * Sends `requests` malformed or hostile requests to every API route (wrong types, unknown
 * fields, huge strings, deep nesting, forged ids and facility ids, SQL and script
 * injection in free text, replayed and revoked tokens), with valid traffic on a good
 * token alongside, in-process against the app on the given database.
 */
export async function runApiFuzz(database: DatabaseHandle, seed: number, requests: number): Promise<FuzzReport> {
  const rng = makeRng(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const app = createApp({ staticRoot: 'dist', db: database.db, device: { enrollPerMinute: 1_000_000, requestsPerMinute: 1_000_000, badTokensPerMinute: 1_000_000 } });
  const organisationId = (await createOrganisation(database.db, { name: 'Fuzz' })).id;
  const facilityId = (await createFacility(database.db, { organisationId, name: 'F', timeZone: 'Europe/Rome' })).id;
  await publishSurveyVersion(database.db, { organisationId, definition: mini });
  const enroll = async () => {
    const { code } = await createEnrollmentCode(database.db, { facilityId });
    return (await (await app.request('/api/v1/devices/enroll', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: 'T' }) })).json()) as { enrollmentId: string; token: string; secret: string };
  };
  const device = await enroll();
  const revoked = await enroll();
  await revokeEnrollment(database.db, revoked.enrollmentId);

  const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const junkValue = (): unknown => pick<unknown>([null, true, 0, -1, 1e308, 'x', 'x'.repeat(200_000), [], {}, [[[[]]]], { __proto__: { admin: true } }, { constructor: { prototype: 1 } }, pick(HOSTILE_TEXT)]);
  // Signed by the tablet, so some are rightly accepted: those count as valid traffic.
  const signedAssisted = new Set<string>();
  const assisted = async (fields: Record<string, unknown>) => {
    const item = await signedResponse(device, { surveyId: 'mini', surveyVersion: 1, answers: { 'room.satisfied': true, 'room.score': 5 }, mode: 'assisted', ...fields } as never);
    signedAssisted.add(item.id);
    return item;
  };
  const hostileItem = async (): Promise<unknown> => {
    const good = await signedResponse(device, { surveyId: 'mini', surveyVersion: 1, answers: { 'room.satisfied': true, 'room.score': 5 } });
    switch (Math.floor(rng() * 12)) {
  case 0: return { ...good, [pick(['id', 'surveyId', 'surveyVersion', 'status', 'startedAt', 'mac', 'enrollmentId', 'language'])]: junkValue() };
  case 1: return { ...good, extra: junkValue() };
  case 2: return { ...good, answers: { 'room.satisfied': junkValue() } };
  case 3: return { ...good, enrollmentId: revoked.enrollmentId };
  case 4: return { ...good, answers: { ...good.answers, comment: pick(HOSTILE_TEXT) } };
  case 5: return { ...good, surveyId: pick(HOSTILE_TEXT) };
  case 6: return { ...good, id: pick(["1' OR '1'='1", good.id.toUpperCase(), 'x'.repeat(5000)]) };
  case 7: return junkValue();
  // Signed, so they reach the assistance and note checks (NUL and lone surrogates in a note among them).
  case 9: return assisted({ assistance: { role: 'interpreter', kinds: [], questions: [pick(HOSTILE_TEXT)], staffRef: pick<unknown>(['sr_AAAAAAAAAAAAAAAAAAAAAA', junkValue()]) } });
  case 10: return assisted({ assistance: { role: 'peer', kinds: ['translated'], questions: [] }, mediatorNotes: pick<unknown>([{ text: pick(HOSTILE_TEXT) }, { sealed: { iv: 'AAAAAAAAAAAAAAAA', ct: 'AAAAAAAAAAAAAAAAAAAAAAAA' } }, junkValue()]) });
  case 11: return assisted({ assistance: junkValue(), ...(rng() < 0.5 && { mode: 'self' }) });
  default: return { ...good, sealed: { key: junkValue(), events: junkValue() }, answers: null };
    }
  };

  const statuses = new Map<number, number>();
  const itemOutcomes = new Map<string, number>();
  const validIds: string[] = [];
  let fiveHundreds = 0;
  for (let i = 0; i < requests; i++) {
    let path = '/api/v1/sync';
    let init: RequestInit;
    const auth = pick([`Bearer ${device.token}`, `Bearer ${device.token}`, `Bearer ${revoked.token}`, 'Bearer x', '', 'Basic Zm9vOmJhcg==', `Bearer ${device.token}' OR 1=1`]);
    const route = rng();
    if (route < 0.2) {
  path = '/api/v1/devices/enroll';
  init = { method: 'POST', headers: { 'content-type': pick(['application/json', 'text/plain', '']) }, body: pick([JSON.stringify({ code: junkValue(), name: junkValue() }), JSON.stringify({ code: 'AAAA-BBBB', name: 'x', admin: true }), '{"code":', deep(3000), 'null', JSON.stringify(junkValue())]) };
    } else if (route < 0.25) {
  // Withdrawal totals (docs/device-api.md): junk counts, periods and survey ids.
  path = '/api/v1/device/withdrawals';
  init = {
    method: pick(['PUT', 'PUT', 'POST']), headers: { 'content-type': pick(['application/json', 'text/plain']), authorization: auth },
    body: pick([JSON.stringify({ counts: [{ surveyId: pick(HOSTILE_TEXT), period: pick(['2026-Q4', '2026-Q9', junkValue()]), count: junkValue() }] }), JSON.stringify({ counts: junkValue() }), deep(3000), '{"counts":']),
  };
    } else if (route < 0.3) {
  path = pick(['/api/v1/device/bundle', '/api/v1/device/bundle?x=1', '/api/v1/device/../sync', '/api/v1/unknown', '/api/v1/sync']);
  init = { method: pick(['GET', 'DELETE', 'PUT']), headers: { authorization: auth } };
    } else {
  const items = [];
  for (let n = 1 + Math.floor(rng() * 3); n > 0; n--) items.push(await hostileItem());
  // Valid traffic alongside, on the good token, must all be stored.
  const sendValid = auth === `Bearer ${device.token}` && rng() < 0.3;
  if (sendValid) {
    const valid = await signedResponse(device, { surveyId: 'mini', surveyVersion: 1, answers: { 'room.satisfied': false, 'room.reasons': ['cold'], 'room.score': 1, comment: pick(HOSTILE_TEXT) } });
    validIds.push(valid.id);
    items.push(valid);
  }
  const body = pick([JSON.stringify({ responses: items }), JSON.stringify({ responses: items }), JSON.stringify({ responses: items, facilityId: 'forged' }), deep(5000), '{"responses": [', JSON.stringify({ responses: 'all' })]);
  init = { method: 'POST', headers: { 'content-type': pick(['application/json', 'application/json', 'application/x-www-form-urlencoded']), authorization: auth }, body: sendValid ? JSON.stringify({ responses: items }) : body };
  if (sendValid) (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const response = await app.request(path, init);
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    if (response.status >= 500) fiveHundreds++;
    if (path === '/api/v1/sync' && response.status === 200) {
  const { results } = (await response.json()) as { results: Array<{ id: string | null; status: string; error?: { code: string } }> };
  for (const r of results) if (r.status === 'accepted' && r.id !== null && signedAssisted.has(r.id)) validIds.push(r.id);
  for (const r of results) itemOutcomes.set(r.error?.code ?? r.status, (itemOutcomes.get(r.error?.code ?? r.status) ?? 0) + 1);
    }
  }
  return {
    requests,
    byStatus: Object.fromEntries([...statuses].sort(([a], [b]) => a - b).map(([k, v]) => [String(k), v])),
    items: Object.fromEntries(itemOutcomes),
    validSent: validIds,
    serverErrors: fiveHundreds,
    facilityId,
  };
}
