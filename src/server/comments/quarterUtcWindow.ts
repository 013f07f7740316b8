import { quarterDays, type QuarterId } from '../../survey/periods.ts';

const DAY_MS = 86_400_000;

/**
 * A UTC window sure to hold every time of a quarter in any facility's zone: the quarter's
 * days widened by a day on each side (zones are at most 14 hours from UTC). Rows found in it
 * are then kept by their local day, so the responses_facility_reported index does the work.
 */
export function quarterUtcWindow(period: QuarterId): { from: string; to: string } {
  const { from, to } = quarterDays(period);
  return {
    from: new Date(Date.parse(`${from}T00:00:00.000Z`) - DAY_MS).toISOString(),
    to: new Date(Date.parse(`${to}T00:00:00.000Z`) + 2 * DAY_MS).toISOString(),
  };
}
