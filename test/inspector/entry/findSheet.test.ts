import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findSheet } from '../../../src/inspector/entry/findSheet.ts';
import { parseSurvey } from '../../../src/survey/parseSurvey.ts';
import { encodeSheetCode } from '../../../src/survey/paper/paperQr.ts';
import { formatSerial } from '../../../src/survey/paper/paperSerial.ts';
import type { PaperWorkspace } from '../../../src/staff/web/api/paperApi.ts';

const parsed = parseSurvey(JSON.parse(readFileSync('public/surveys/resident-satisfaction.json', 'utf8')));
if (!parsed.ok) throw new Error('survey');
const survey = parsed.survey;
const workspace: PaperWorkspace = {
  doubleEntry: false,
  staffId: 's',
  facilities: [{ id: 'fac-1', name: 'A', timeZone: 'Europe/Rome' }],
  surveys: [survey],
  batches: [{ id: 'b1', facilityId: 'fac-1', surveyId: survey.id, surveyVersion: survey.version, language: 'it', firstSerial: 100, count: 10, createdAt: '' }],
};

describe('findSheet', () => {
  it('finds the batch of a typed serial, with or without its dash, and refuses a wrong check digit', () => {
    const found = findSheet(workspace, formatSerial(105), 'fac-1');
    expect(found).toMatchObject({ ok: true, head: { facilityId: 'fac-1', surveyId: survey.id, surveyVersion: survey.version, language: 'it', serial: 105 } });
    expect(findSheet(workspace, formatSerial(105).replace('-', ''), 'fac-1').ok).toBe(true);
    const typo = formatSerial(105).slice(0, -1) + String((Number(formatSerial(105).slice(-1)) + 1) % 10);
    expect(findSheet(workspace, typo, 'fac-1')).toEqual({ ok: false, problem: 'check-digit' });
    expect(findSheet(workspace, 'abc', 'fac-1')).toEqual({ ok: false, problem: 'format' });
    expect(findSheet(workspace, formatSerial(110), 'fac-1')).toEqual({ ok: false, problem: 'unknown-serial', serial: 110 });
  });

  it('reads a scanned QR: its facility must be the keyer\'s, and its survey that of the batch', () => {
    const code = { surveyId: survey.id, surveyVersion: survey.version, language: 'it', facilityId: 'fac-1', serial: 101 };
    expect(findSheet(workspace, encodeSheetCode(code), 'fac-1')).toMatchObject({ ok: true, head: { serial: 101 } });
    expect(findSheet(workspace, encodeSheetCode({ ...code, facilityId: 'fac-9' }), 'fac-1')).toEqual({ ok: false, problem: 'other-facility', serial: 101 });
    expect(findSheet(workspace, encodeSheetCode({ ...code, language: 'en' }), 'fac-1')).toEqual({ ok: false, problem: 'code-disagrees', serial: 101 });
    expect(findSheet(workspace, 'SAYSO1|broken', 'fac-1')).toEqual({ ok: false, problem: 'format' });
  });
});
