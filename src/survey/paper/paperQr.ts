/**
 * What a paper sheet's QR code carries: survey id, version, language, facility and serial,
 * as a short text a keyboard-wedge scanner can type into the serial field:
 * "SAYSO1|<surveyId>|<version>|<language>|<facilityId>|<serial>".
 */
export interface SheetCode {
  surveyId: string;
  surveyVersion: number;
  language: string;
  facilityId: string;
  serial: number;
}

const PREFIX = 'SAYSO1';

export function encodeSheetCode(code: SheetCode): string {
  return [PREFIX, code.surveyId, code.surveyVersion, code.language, code.facilityId, code.serial].join('|');
}

/** The sheet a scanned text names, or null when it is not a Sayso sheet code. */
export function decodeSheetCode(text: string): SheetCode | null {
  const parts = text.trim().split('|');
  if (parts.length !== 6 || parts[0] !== PREFIX) return null;
  const [, surveyId, version, language, facilityId, serial] = parts as [string, string, string, string, string, string];
  if (!/^[a-z][a-z0-9-]{1,62}$/.test(surveyId) || !/^\d{1,6}$/.test(version) || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language)) return null;
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(facilityId) || !/^\d{1,9}$/.test(serial)) return null;
  const surveyVersion = Number(version);
  const number = Number(serial);
  if (surveyVersion < 1 || number < 1) return null;
  return { surveyId, surveyVersion, language, facilityId, serial: number };
}
