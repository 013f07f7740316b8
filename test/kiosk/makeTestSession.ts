import { createRoot } from 'solid-js';
import { makeDeviceStore, type DeviceStore } from '../../src/device/deviceStore.ts';
import { createKioskSession, type KioskDependencies } from '../../src/kiosk/createKioskSession.ts';
import { parseSurvey } from '../../src/survey/parseSurvey.ts';
import type { SurveyDefinition } from '../../src/survey/schema.ts';
import { makeTestDatabase } from '../device/makeTestDatabase.ts';
import { loadFixture } from '../survey/loadFixture.ts';

const parsed = parseSurvey(loadFixture('mini-survey.json'));
if (!parsed.ok) throw new Error('fixture must be valid');
/** The mini survey (test/survey/fixtures/mini-survey.json), in en and ar. */
export const miniSurvey: SurveyDefinition = parsed.survey;

/**
 * A kiosk session on an in-memory tablet store, running the mini survey in English unless
 * `overrides` say otherwise; what the tests then read: the Dexie database and the store.
 */
export function makeTestSession(overrides: Partial<KioskDependencies> = {}, store: DeviceStore = makeDeviceStore(makeTestDatabase())) {
  const session = createRoot(() =>
    createKioskSession({
      surveyId: 'mini',
      deviceLanguage: 'en',
      openStore: async () => store,
      assertRoomToStore: async () => undefined,
      loadSurvey: async () => ({ ok: true, survey: miniSurvey }),
      changeLanguage: async () => undefined,
      ...overrides,
    }),
  );
  return { db: store.database, store, session };
}
