import type { Answers } from '../../../survey/answers.ts';
import { formatSerial } from '../../../survey/paper/paperSerial.ts';
import { COMPLIANCE_VALUES } from '../../../survey/scales.ts';
import { EVIDENCE_SOURCES, type EvidenceSource, type SurveyDefinition } from '../../../survey/schema.ts';
import { listQuestions } from '../../../survey/walkItems.ts';
import { complianceAreas } from './complianceItems.ts';
import type { ComplianceRating, RatingCounts, SourceRating, VisitArea, VisitItemFinding, VisitSummary } from './visitReportTypes.ts';

/** The question a visit names its centre type with (public/surveys/monitoring-visit.json). */
export const CENTRE_TYPE_QUESTION = 'centre_type';

export interface VisitInput {
  responseId: string;
  serial: number | null;
  visitDay: string;
  language: string;
  answers: Answers;
  /** Question ids a paper sheet marked unreadable. */
  unreadable: readonly string[];
}

const isRating = (value: unknown): value is ComplianceRating => (COMPLIANCE_VALUES as readonly unknown[]).includes(value);

/**
 * One visit's findings, pure: per area the items some source rated critical (and which), the
 * items two or more sources rated differently (their ratings), and the ratings counted per
 * source. Unreadable marks are shown as such but neither counted nor compared.
 */
export function buildVisitSummary(definition: SurveyDefinition, visit: VisitInput): VisitSummary {
  const unreadable = new Set(visit.unreadable);
  const counts = Object.fromEntries(EVIDENCE_SOURCES.map((source) => [source, { effective: 0, partial: 0, critical: 0 } satisfies RatingCounts])) as Record<EvidenceSource, RatingCounts>;
  let itemsRated = 0;
  const areas: VisitArea[] = [];
  for (const area of complianceAreas(definition)) {
    const critical: VisitItemFinding[] = [];
    const disagreements: VisitItemFinding[] = [];
    for (const item of area.items) {
      const ratings: Partial<Record<EvidenceSource, SourceRating>> = {};
      const given: ComplianceRating[] = [];
      const criticalSources: EvidenceSource[] = [];
      for (const source of EVIDENCE_SOURCES) {
        const questionId = item.questions[source];
        if (!questionId) continue;
        const value = visit.answers[questionId];
        ratings[source] = isRating(value) ? value : unreadable.has(questionId) ? 'unreadable' : null;
        if (!isRating(value)) continue;
        given.push(value);
        counts[source][value]++;
        if (value === 'critical') criticalSources.push(source);
      }
      if (given.length > 0) itemsRated++;
      const notesValue = item.notesId ? visit.answers[item.notesId] : undefined;
      const notes = typeof notesValue === 'string' && notesValue.trim() !== '' ? notesValue : null;
      const finding = { itemId: item.id, text: item.text, ratings, notes };
      if (criticalSources.length > 0) critical.push({ ...finding, criticalSources });
      if (given.length >= 2 && new Set(given).size > 1) disagreements.push({ ...finding, criticalSources: [] });
    }
    if (critical.length > 0 || disagreements.length > 0) areas.push({ id: area.id, title: area.title, critical, disagreements });
  }
  return {
    responseId: visit.responseId,
    serial: visit.serial,
    serialText: visit.serial === null ? null : formatSerial(visit.serial),
    visitDay: visit.visitDay,
    surveyVersion: definition.version,
    language: visit.language,
    centreType: centreTypeOf(definition, visit.answers),
    areas,
    counts,
    itemsRated,
  };
}

function centreTypeOf(definition: SurveyDefinition, answers: Answers): VisitSummary['centreType'] {
  const value = answers[CENTRE_TYPE_QUESTION];
  if (typeof value !== 'string') return null;
  const question = listQuestions(definition.items).find((p) => p.question.id === CENTRE_TYPE_QUESTION)?.question;
  const choice = question?.kind === 'single' ? question.choices.find((c) => c.value === value) : undefined;
  return choice ? { value, label: choice.label } : null;
}
