/**
 * Fixed column names and words of the exports. They stay English whatever `lang` is, like
 * codes: an analyst's script reads every export alike; the survey's own text (questions,
 * topics, answers) follows `lang`.
 */
export const RESPONSE_COLUMNS = ['Facility', 'Quarter', 'Survey version', 'Language', 'Mode', 'Source', 'Status'] as const;

export const AGGREGATE_COLUMNS = ['Row', 'Facility', 'Period', 'Topic', 'Question', 'Question id', 'Answer', 'Count', 'Share', 'Target (%)', 'Met'] as const;

/** Written instead of a figure too small to show (docs/staff-api.md, small cells): never a number. */
export const HIDDEN = 'hidden';
