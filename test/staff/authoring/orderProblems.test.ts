import { describe, expect, it } from 'vitest';
import { orderProblems } from '../../../src/staff/authoring/XlsformReport.tsx';

describe('the XLSForm report order', () => {
  it('lists errors first, then skipped rows, then warnings, each in sheet and row order', () => {
    const problems = [
      { sheet: 'survey', row: 9, severity: 'warning' as const, message: 'w9' },
      { sheet: 'choices', row: 2, severity: 'error' as const, message: 'e-choices' },
      { sheet: 'survey', row: 12, severity: 'error' as const, message: 'e12' },
      { sheet: 'survey', row: 4, severity: 'skipped' as const, message: 's4' },
      { sheet: '(file)', severity: 'error' as const, message: 'e-file' },
      { sheet: 'survey', row: 3, severity: 'error' as const, message: 'e3' },
    ];
    expect(orderProblems(problems).map((p) => p.message)).toEqual(['e-file', 'e3', 'e12', 'e-choices', 's4', 'w9']);
  });
});
