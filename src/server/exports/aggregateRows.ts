import { localize } from '../../survey/localize.ts';
import type { FacilityReport } from '../../survey/reportTypes.ts';
import type { LocalizedText } from '../../survey/schema.ts';
import { localeText } from '../reports/localeText.ts';
import type { Cell, Row } from './cell.ts';
import { AGGREGATE_COLUMNS, HIDDEN } from './exportColumns.ts';

const share = (count: number, base: number): number | null => (base > 0 ? Math.round((count / base) * 10_000) / 10_000 : null);
const rounded = (value: number | null | undefined): number | null => (value === null || value === undefined ? null : Math.round(value * 10_000) / 10_000);

/**
 * A facility report as one table: response counts and participation, then per question one
 * row per value (count, and share of those who did not decline), a row for those who
 * declined, and for indicators a row with the satisfied share, the target and whether it is
 * met. A hidden figure is written as the word "hidden", never as a number, and a hidden
 * question gets no rows of values (docs/staff-api.md, small cells).
 */
export function aggregateRows(report: FacilityReport, language: string): Row[] {
  const say = (text: LocalizedText | undefined) => localize(text, language, report.survey.defaultLanguage);
  const yes = say(localeText('kiosk', 'answer.yes')) || 'yes';
  const no = say(localeText('kiosk', 'answer.no')) || 'no';
  const preferNot = say(localeText('kiosk', 'answer.preferNot')) || 'prefer-not-to-answer';
  const period = report.period.kind === 'quarter' ? report.period.id : `${report.period.from}/${report.period.to}`;
  // Every record has every field (RFC 4180), empty where a row has no such figure.
  const line = (kind: string, topic: string, question: string, questionId: string, answer: string, ...figures: Cell[]): Row =>
    [kind, report.facility.name, period, topic, question, questionId, answer, ...figures, ...Array<Cell>(AGGREGATE_COLUMNS.length - 7 - figures.length).fill(null)];

  const rows: Row[] = [[...AGGREGATE_COLUMNS]];
  rows.push(line('responses', '', '', '', 'complete', report.responses.complete));
  rows.push(line('responses', '', '', '', 'partial', report.responses.partial));
  rows.push(line('responses', '', '', '', 'total', report.responses.total));
  rows.push(line('participation', '', '', '', 'residents', report.participation.residents, rounded(report.participation.rate)));

  for (const question of report.questions ?? []) {
    const topic = say(question.topic?.title);
    const text = say(question.text);
    const { figures, target } = question;
    const indicator = target !== undefined || figures.satisfiedShare !== undefined;
    if (figures.hidden) {
      rows.push(line('answer', topic, text, question.questionId, '', HIDDEN, HIDDEN));
      if (indicator) rows.push(line('indicator', topic, text, question.questionId, '', HIDDEN, HIDDEN, target?.percent ?? null, target ? HIDDEN : null));
      continue;
    }
    const base = figures.n - figures.declined;
    if (figures.distribution.length === 0) rows.push(line('answer', topic, text, question.questionId, '', base));
    for (const entry of figures.distribution) rows.push(line('answer', topic, text, question.questionId, say(entry.label), entry.count, share(entry.count, base)));
    if (figures.declined > 0) rows.push(line('declined', topic, text, question.questionId, preferNot, figures.declined));
    if (indicator) {
      const met = target?.met === true ? yes : target?.met === false ? no : null;
      rows.push(line('indicator', topic, text, question.questionId, '', base, rounded(figures.satisfiedShare), target?.percent ?? null, met));
    }
  }
  return rows;
}
