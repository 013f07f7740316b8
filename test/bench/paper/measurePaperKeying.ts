/**
 * Bench part f: keying a paper form. Keystrokes per 50-item form through the pure
 * keying reducer, and the machine time to key one form on the real screen in Chromium with
 * page.keyboard at full speed. Printed, never asserted.
 *
 * Budget: a trained keyer at about 1.5 keystrokes per second must finish a 50-item form in
 * under 90 s, so a form must take under 135 keystrokes (serial and final Enter included;
 * typed comments are counted apart, since their length is the respondent's, not the screen's).
 */
import { serve, type ServerType } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createApp } from '../../../src/server/createApp.ts';
import { createDatabase } from '../../../src/server/db/createDatabase.ts';
import { migrateToLatest } from '../../../src/server/db/migrate.ts';
import { createFacility, createOrganisation } from '../../../src/server/queries/organisations.ts';
import { createStaff } from '../../../src/server/queries/staff.ts';
import type { Answers } from '../../../src/survey/answers.ts';
import { formatSerial } from '../../../src/survey/paper/paperSerial.ts';
import type { SurveyDefinition } from '../../../src/survey/schema.ts';
import { planKeys } from './planKeys.ts';

export const KEYSTROKE_BUDGET = 135;
const KEYS_PER_SECOND = 1.5;

/**
 * A realistic sheet of the reception-50 survey: seven topics satisfied, three not (two or
 * three reasons each), ratings spread over the scale (a "1" and a "10" take two keys), faces
 * spread, comments left empty unless `comments`.
 */
export function realisticSheet(survey: SurveyDefinition, comments = false): Answers {
  const answers: Answers = {};
  const ratings = [8, 3, 10, 7, 1, 9, 5, 6, 0, 4];
  survey.items.forEach((group, t) => {
    if (group.kind !== 'group') return;
    const satisfied = ![1, 4, 8].includes(t);
    for (const q of group.items) {
      if (q.kind === 'yesno') answers[q.id] = satisfied;
      if (q.kind === 'multi' && !satisfied) answers[q.id] = q.choices.slice(0, t % 2 === 0 ? 2 : 3).map((c) => c.value);
      if (q.kind === 'rating') answers[q.id] = ratings[t % ratings.length]!;
      if (q.kind === 'faces') answers[q.id] = satisfied ? 4 + (t % 2) : 1 + (t % 3);
      if (q.kind === 'text' && comments && !satisfied) answers[q.id] = 'too noisy at night';
    }
  });
  return answers;
}

/** The peers' scripted answers (reception-50.source.json): every topic "no", rating 3, reasons 1 and 2, face 2. */
export function scriptedSheet(survey: SurveyDefinition, scripted: { satisfied: string; rating: string; reasons: number[]; smiley: string }): Answers {
  const answers: Answers = {};
  for (const group of survey.items) {
    if (group.kind !== 'group') continue;
    for (const q of group.items) {
      if (q.kind === 'yesno') answers[q.id] = scripted.satisfied === 'yes';
      if (q.kind === 'multi' && scripted.satisfied !== 'yes') answers[q.id] = scripted.reasons.map((i) => q.choices[i]!.value);
      if (q.kind === 'rating') answers[q.id] = Number(scripted.rating);
      if (q.kind === 'faces') answers[q.id] = Number(scripted.smiley);
    }
  }
  return answers;
}

/** The serial as a keyer types it: its digits and check digit, no dash, then Enter. */
const serialKeys = (serial: number) => [...formatSerial(serial).replace('-', ''), 'Enter'];

export function printKeystrokes(survey: SurveyDefinition, scripted: Parameters<typeof scriptedSheet>[1]): void {
  console.log(`Budget: ~${KEYS_PER_SECOND} keystrokes per second for a trained keyer, a 50-item form in under 90 s: under ${KEYSTROKE_BUDGET} keystrokes (serial and final Enter included).`);
  const rows: Array<[string, Answers]> = [
    ['peers\' scripted answers (all "no", 2 reasons each)', scriptedSheet(survey, scripted)],
    ['realistic mix (7 yes, 3 no with 2-3 reasons, no comments)', realisticSheet(survey)],
    ['realistic mix with 3 short comments typed', realisticSheet(survey, true)],
  ];
  for (const [label, answers] of rows) {
    const keys = [...serialKeys(123), ...planKeys(survey, { answers })];
    const typedText = Object.values(answers).reduce<number>((n, v) => n + (typeof v === 'string' && v.includes(' ') ? v.length : 0), 0);
    const codes = keys.length - typedText;
    const verdict = codes < KEYSTROKE_BUDGET ? `WITHIN budget (${Math.round((codes / KEYSTROKE_BUDGET) * 100)}%)` : `OVER budget by ${codes - KEYSTROKE_BUDGET}`;
    console.log(`  ${label}: ${keys.length} keystrokes${typedText ? ` (${codes} without the ${typedText} characters of comments)` : ''}; at ${KEYS_PER_SECOND}/s ${Math.round(codes / KEYS_PER_SECOND)} s; ${verdict}`);
  }
}

async function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<{ server: ServerType; origin: string }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => resolve({ server, origin: `http://127.0.0.1:${info.port}` }));
    server.once('error', reject);
  });
}

/** Keys one realistic form on /staff/paper in Chromium (page.keyboard, full speed) and prints the machine time. */
export async function measureScreenKeying(browser: Browser, dist: string, survey: SurveyDefinition): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sayso-bench-paper-'));
  const database = createDatabase({ sqlitePath: join(dir, 'sayso.db') });
  let server: ServerType | undefined;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await migrateToLatest(database.db);
    const organisation = await createOrganisation(database.db, { name: 'Bench agency' });
    const facility = await createFacility(database.db, { organisationId: organisation.id, name: 'Bench centre', timeZone: 'Europe/Rome' });
    await database.db.insertInto('survey_versions').values({ organisation_id: organisation.id, survey_id: survey.id, version: survey.version, definition: JSON.stringify(survey), published_at: new Date().toISOString() }).execute();
    const account = { email: 'bench.inspector@example.org', password: 'bench inspector password' };
    await createStaff(database.db, { organisationId: organisation.id, email: account.email, password: account.password, role: 'inspector', facilityIds: [facility.id] });
    const listening = await listen(createApp({ staticRoot: dist, db: database.db }).fetch);
    server = listening.server;

    const page = await context.newPage();
    await page.goto(`${listening.origin}/staff`);
    await page.locator('input[type="email"]').fill(account.email);
    await page.locator('input[type="password"]').fill(account.password);
    await page.locator('button[type="submit"]').click();
    await page.locator('.sw-account').waitFor();
    const batch = await page.evaluate(async (body) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const response = await fetch('/api/v1/paper/batches', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken }, body: JSON.stringify(body) });
      return ((await response.json()) as { batch: { firstSerial: number } }).batch;
    }, { facilityId: facility.id, surveyId: survey.id, surveyVersion: survey.version, language: 'en', count: 5 });
    await page.goto(`${listening.origin}/staff/paper`);
    const serialField = page.locator('#sw-paper-serial');
    await serialField.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'sw-paper-serial' && !(document.getElementById('sw-paper-serial') as HTMLInputElement).disabled);

    const press = async (key: string) => (key.length === 1 ? page.keyboard.type(key) : page.keyboard.press(key));
    const sheetKeys = planKeys(survey, { answers: realisticSheet(survey) });
    const keys = [...serialKeys(batch.firstSerial), ...sheetKeys];
    const start = performance.now();
    for (const key of serialKeys(batch.firstSerial)) await press(key);
    // The sheet opens once the serial is looked up in IndexedDB: its field takes the keys from then on.
    await page.locator('#sw-paper-answer:focus').waitFor();
    for (const key of sheetKeys) await press(key);
    await page.locator('.sw-paper-serial .sw-success').waitFor();
    const ms = performance.now() - start;
    const stored = await page.locator('.sw-paper-counts > div:first-child dd').textContent();
    console.log(`  real screen (/staff/paper, Chromium, page.keyboard at full speed): ${keys.length} keystrokes in ${Math.round(ms)} ms machine time (${(ms / keys.length).toFixed(1)} ms per key, driver round trips included); sheets keyed on the page: ${stored}`);
    console.log(`  a person at ${KEYS_PER_SECOND} keys/s needs ~${Math.round(keys.length / KEYS_PER_SECOND)} s for the same form: the screen is not the limit.`);
  } finally {
    await context.close();
    if (server) {
      await new Promise<void>((done) => {
        server!.close(() => done());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
    }
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
