import { localDay } from '../rollupCells.ts';

/** A wave may run at most this many days (a year, leap day included): waves follow a quarterly rhythm. */
export const MAX_WAVE_DAYS = 366;

/** Whether text is a real calendar day, YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Days from startsOn to endsOn, both counted (a one-day wave has 1). */
export function inclusiveDays(startsOn: string, endsOn: string): number {
  return Math.round((Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000) + 1;
}

/** What is wrong with a wave's dates, or null. */
export function waveDatesProblem(startsOn: string, endsOn: string): string | null {
  if (!isCalendarDay(startsOn)) return 'startsOn: must be a day, YYYY-MM-DD';
  if (!isCalendarDay(endsOn)) return 'endsOn: must be a day, YYYY-MM-DD';
  if (endsOn < startsOn) return 'endsOn: the wave must not end before it starts';
  if (inclusiveDays(startsOn, endsOn) > MAX_WAVE_DAYS) return `endsOn: a wave lasts at most ${MAX_WAVE_DAYS} days`;
  return null;
}

export type WaveStatus = 'planned' | 'running' | 'ended' | 'cancelled';

/** A wave's status on one local day of a facility (its days are inclusive local days). */
export function waveStatusOn(wave: { starts_on: string; ends_on: string; cancelled_at: string | null }, day: string): WaveStatus {
  if (wave.cancelled_at) return 'cancelled';
  if (day < wave.starts_on) return 'planned';
  return day > wave.ends_on ? 'ended' : 'running';
}

/**
 * The status of a wave over its facilities, each on its own local day: running while any
 * is inside the dates, planned while none has started yet, ended after.
 */
export function waveStatus(wave: { starts_on: string; ends_on: string; cancelled_at: string | null }, timeZones: readonly string[], now: Date): WaveStatus {
  const statuses = new Set((timeZones.length ? timeZones : ['UTC']).map((zone) => waveStatusOn(wave, localDay(now.toISOString(), zone))));
  if (wave.cancelled_at) return 'cancelled';
  if (statuses.has('running')) return 'running';
  if (statuses.has('planned') && !statuses.has('ended')) return 'planned';
  // Facilities on both sides of midnight: between two days the wave is running for someone.
  return statuses.has('planned') ? 'running' : 'ended';
}
