import { decodeSheetCode } from '../../survey/paper/paperQr.ts';
import { parseSerial } from '../../survey/paper/paperSerial.ts';
import type { SurveyDefinition } from '../../survey/schema.ts';
import type { PaperBatch, PaperWorkspace } from '../../staff/web/api/paperApi.ts';
import type { SheetHead } from '../store/paperDatabase.ts';

export type SheetLookupProblem = 'format' | 'check-digit' | 'other-facility' | 'unknown-serial' | 'code-disagrees' | 'unknown-survey';

export type SheetLookup =
  | { ok: true; head: SheetHead; batch: PaperBatch; survey: SurveyDefinition }
  | { ok: false; problem: SheetLookupProblem; serial?: number };

/**
 * The sheet a typed serial ("000123-4", "0001234") or a scanned QR text names, from the
 * workspace kept offline: its batch gives survey, version and language. A typed serial is
 * looked up in the chosen facility; a QR names its own, which must be one of the keyer's.
 */
export function findSheet(workspace: PaperWorkspace, typed: string, facilityId: string): SheetLookup {
  const code = typed.trim().startsWith('SAYSO') ? decodeSheetCode(typed) : null;
  if (typed.trim().startsWith('SAYSO') && !code) return { ok: false, problem: 'format' };
  let serial: number;
  let facility = facilityId;
  if (code) {
    if (!workspace.facilities.some((f) => f.id === code.facilityId)) return { ok: false, problem: 'other-facility', serial: code.serial };
    serial = code.serial;
    facility = code.facilityId;
  } else {
    const parsed = parseSerial(typed);
    if (!parsed.ok) return { ok: false, problem: parsed.reason };
    serial = parsed.serial;
  }
  const batch = workspace.batches.find((b) => b.facilityId === facility && serial >= b.firstSerial && serial < b.firstSerial + b.count);
  if (!batch) return { ok: false, problem: 'unknown-serial', serial };
  // A QR whose survey disagrees with the batch of its serial was not printed by this server.
  if (code && (code.surveyId !== batch.surveyId || code.surveyVersion !== batch.surveyVersion || code.language !== batch.language)) return { ok: false, problem: 'code-disagrees', serial };
  const survey = workspace.surveys.find((s) => s.id === batch.surveyId && s.version === batch.surveyVersion);
  if (!survey) return { ok: false, problem: 'unknown-survey', serial };
  return { ok: true, batch, survey, head: { facilityId: facility, surveyId: batch.surveyId, surveyVersion: batch.surveyVersion, language: batch.language, serial } };
}
