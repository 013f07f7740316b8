import { describe, expect, it } from 'vitest';
import { StaffApiError } from '../../../../src/staff/web/api/makeStaffApi.ts';
import { makePaperImportApi, type ImportReport } from '../../../../src/staff/web/api/paperImportApi.ts';
import { fakeServer, json } from './fakeStaffServer.ts';

const report: ImportReport = {
  fileName: 'visite à Rome.csv', surveyId: 'mini', surveyVersion: 1, rows: 3, columns: ['serial', 'overall'], cleanRows: 2, duplicateRows: 0,
  problems: [{ row: 3, column: 'overall', message: 'B3: "9" is not an option: write a code from 1 to 5' }], problemCount: 1, problemRows: 1, fileProblems: [],
};

describe('the import screen\'s calls', () => {
  it('sends the file as it is, its name URI-encoded, with the CSRF token of GET /auth/me, and reads the report', async () => {
    const { calls, fetcher } = fakeServer((call) => (call.url.endsWith('/auth/me') ? json({ staff: {}, csrfToken: 't1' }) : json(report)));
    const file = new Blob(['serial,overall\n']);
    const answer = await makePaperImportApi({ fetch: fetcher }).upload('f1', file, 'visite à Rome.csv', { dryRun: true, onlyClean: false });
    expect(answer).toEqual({ report, blocked: false });
    expect(calls[1]).toMatchObject({
      url: '/api/v1/paper/imports?facility=f1&dryRun=1&onlyClean=0', method: 'POST',
      headers: { 'X-CSRF-Token': 't1', 'X-File-Name': 'visite%20%C3%A0%20Rome.csv', 'Content-Type': 'application/octet-stream' },
    });
  });

  it('gives back the report of a refused import (422), and says any other refusal as the server did', async () => {
    const { fetcher } = fakeServer((call) => {
      if (call.url.endsWith('/auth/me')) return json({ staff: {}, csrfToken: 't1' });
      if (call.url.includes('facility=f1')) return json({ error: { code: 'import_has_problems', message: '1 rows have problems' }, report }, 422);
      return json({ error: { code: 'unsupported_file', message: 'this is an old Excel 97-2003 file (.xls)' } }, 415);
    });
    const api = makePaperImportApi({ fetch: fetcher });
    expect(await api.upload('f1', new Blob(['x']), 'a.csv', { dryRun: false, onlyClean: false })).toEqual({ report, blocked: true });
    const refused = await api.upload('f2', new Blob(['x']), 'a.xls', { dryRun: true, onlyClean: false }).catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(StaffApiError);
    expect(refused).toMatchObject({ status: 415, code: 'unsupported_file', message: 'this is an old Excel 97-2003 file (.xls)' });
  });

  it('asks for a new CSRF token once when the session changed', async () => {
    const tokens = ['old', 'new'];
    const { calls, fetcher } = fakeServer((call) => {
      if (call.url.endsWith('/auth/me')) return json({ staff: {}, csrfToken: tokens.shift() });
      return call.headers['X-CSRF-Token'] === 'new' ? json(report) : json({ error: { code: 'csrf_failed', message: 'send the X-CSRF-Token' } }, 403);
    });
    const answer = await makePaperImportApi({ fetch: fetcher }).upload('f1', new Blob(['x']), 'a.csv', { dryRun: true, onlyClean: false });
    expect(answer.report).toEqual(report);
    expect(calls.map((c) => c.url.replace(/\?.*/, ''))).toEqual(['/api/v1/auth/me', '/api/v1/paper/imports', '/api/v1/auth/me', '/api/v1/paper/imports']);
  });

  it('names the template of a survey version by the route\'s address', () => {
    expect(makePaperImportApi().templateUrl('resident-satisfaction', 3)).toBe('/api/v1/paper/imports/template.csv?survey=resident-satisfaction&version=3');
  });
});
