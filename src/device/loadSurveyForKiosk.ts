import { parseSurvey } from '../survey/parseSurvey.ts';
import type { DeviceStore } from './deviceStore.ts';
import { getBundle } from './enrollmentRecord.ts';
import { loadSurveyDefinition, type SurveyLoad } from './loadSurveyDefinition.ts';

/**
 * The survey the kiosk runs: the organisation's current version from the device bundle
 * when the tablet is enrolled and has it, else the version shipped with the app.
 */
export async function loadSurveyForKiosk(surveyId: string, store: DeviceStore | undefined): Promise<SurveyLoad> {
  const bundle = store ? await getBundle(store).catch(() => undefined) : undefined;
  const fromBundle = (bundle?.bundle as { surveys?: Array<{ id?: unknown }> } | undefined)?.surveys?.find((s) => s.id === surveyId);
  if (fromBundle) {
    const parsed = parseSurvey(fromBundle);
    return parsed.ok ? parsed : { ok: false, surveyId, reason: 'invalid', problems: parsed.problems };
  }
  return loadSurveyDefinition(surveyId);
}
