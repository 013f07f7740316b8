import { parseSurvey } from '../survey/parseSurvey.ts';
import { isForInspectors } from '../survey/schema.ts';
import type { DeviceStore } from './deviceStore.ts';
import { getBundle } from './enrollmentRecord.ts';
import { loadSurveyDefinition, type SurveyLoad } from './loadSurveyDefinition.ts';

/**
 * The survey the kiosk runs: the organisation's current version from the device bundle
 * when the tablet is enrolled and has it, else the version shipped with the app. An
 * inspectors' survey (a monitoring visit) is refused: it is filled in by staff, never by a
 * resident on a tablet.
 */
export async function loadSurveyForKiosk(surveyId: string, store: DeviceStore | undefined, fetcher?: typeof fetch): Promise<SurveyLoad> {
  // The survey editor's preview frame (/?preview=<id>&draft=1) runs the draft on screen there: its code loads only then.
  const load = !store && typeof location !== 'undefined' && /[?&]draft=1(&|$)/.test(location.search)
    ? (await import('./loadDraftPreview.ts')).loadDraftPreview(surveyId)
    : await loadForKiosk(surveyId, store, fetcher);
  if (load.ok && isForInspectors(load.survey)) return { ok: false, surveyId, reason: 'missing', detail: 'a survey for inspectors, not for tablets' };
  return load;
}

async function loadForKiosk(surveyId: string, store: DeviceStore | undefined, fetcher?: typeof fetch): Promise<SurveyLoad> {
  const bundle = store ? await getBundle(store).catch(() => undefined) : undefined;
  const fromBundle = (bundle?.bundle as { surveys?: Array<{ id?: unknown }> } | undefined)?.surveys?.find((s) => s.id === surveyId);
  if (fromBundle) {
    const parsed = parseSurvey(fromBundle);
    return parsed.ok ? parsed : { ok: false, surveyId, reason: 'invalid', problems: parsed.problems };
  }
  return loadSurveyDefinition(surveyId, fetcher);
}
