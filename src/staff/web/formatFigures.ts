/** Numbers, shares, quarters and times in the staff member's language (Intl), for screens and print. */
import { t } from '../../i18n/i18n.ts';
import { isQuarterId, quarterOfDay, shiftQuarter, type QuarterId } from '../../survey/periods.ts';

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(language: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(language, options);
    } catch {
      format = new Intl.NumberFormat('en', options);
    }
    cache.set(key, format);
  }
  return format;
}

/** 0.615 → "62%". */
export function formatShare(share: number, language: string): string {
  return numberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A whole count: 1234 → "1,234". */
export function formatCount(count: number, language: string): string {
  return numberFormat(language, { maximumFractionDigits: 0 }).format(count);
}

/** A mean or median: one decimal at most. */
export function formatScore(value: number, language: string): string {
  return numberFormat(language, { maximumFractionDigits: 1 }).format(value);
}

/** "2026-Q3" → "Q3 2026" (in words of the staff member's language). */
export function formatQuarter(quarter: string, _language?: string): string {
  if (!isQuarterId(quarter)) return quarter;
  return t('results:period.quarterName', { year: quarter.slice(0, 4), quarter: quarter.slice(6) });
}

export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  } catch {
    return date.toISOString();
  }
}

export function formatDay(day: string, language: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  } catch {
    return day;
  }
}

/** Today's date, YYYY-MM-DD, in the browser's zone (the quarter picker's end). */
export function todayLocal(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The current quarter and the `count - 1` before it, newest first. */
export function recentQuarters(count: number, today = todayLocal()): QuarterId[] {
  const current = quarterOfDay(today);
  return Array.from({ length: count }, (_, i) => shiftQuarter(current, -i));
}
