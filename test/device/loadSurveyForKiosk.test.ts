import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSurveyForKiosk } from '../../src/device/loadSurveyForKiosk.ts';

/** The app's own files, as the service worker would serve them. */
const shippedFiles: typeof fetch = async (input) => {
  const path = String(input);
  try {
    return new Response(readFileSync(`public${path}`, 'utf8'), { status: 200, headers: { 'content-type': 'application/json' } });
  } catch {
    return new Response('', { status: 404 });
  }
};

describe('loadSurveyForKiosk', () => {
  it('runs a residents\' survey shipped with the app', async () => {
    const load = await loadSurveyForKiosk('centre-satisfaction', undefined, shippedFiles);
    expect(load.ok && load.survey.id).toBe('centre-satisfaction');
  });

  it('never runs an inspectors\' survey on a tablet, even when asked for it by address (?survey=monitoring-visit)', async () => {
    expect(await loadSurveyForKiosk('monitoring-visit', undefined, shippedFiles)).toEqual({
      ok: false, surveyId: 'monitoring-visit', reason: 'missing', detail: 'a survey for inspectors, not for tablets',
    });
  });
});
