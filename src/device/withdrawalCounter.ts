import { quarterOfDay } from '../survey/periods.ts';
import type { DeviceStore } from './deviceStore.ts';
import { getBundle } from './enrollmentRecord.ts';

/** YYYY-MM-DD of `at` in `timeZone` (UTC when the zone is unknown). */
function localDay(at: Date, timeZone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  } catch {
    return at.toISOString().slice(0, 10);
  }
}

/**
 * The counter a withdrawal adds 1 to: survey and quarter in the facility's time zone (from
 * the bundle), as reports count. Nothing finer, so a count cannot be tied to a moment.
 */
export async function withdrawalCounterKey(store: Pick<DeviceStore, 'getSetting'>, surveyId: string, at: Date): Promise<string> {
  const bundle = (await getBundle(store as DeviceStore))?.bundle as { facility?: { timeZone?: string } } | undefined;
  return `${surveyId}|${quarterOfDay(localDay(at, bundle?.facility?.timeZone))}`;
}
