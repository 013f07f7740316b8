/**
 * The `sayso::…` columns: what an export writes beside the standard XLSForm columns so an
 * import gives back the very same survey. ODK and Kobo ignore columns they do not know.
 */
import type { PictogramName } from '../pictogramNames.ts';
import type { QuestionKind } from '../schema.ts';

export const SAYSO = {
  kind: 'sayso::kind',
  pictogram: 'sayso::pictogram',
  promptKey: 'sayso::prompt_key',
  scale: 'sayso::scale',
  preferNotToAnswer: 'sayso::prefer_not_to_answer',
  demographic: 'sayso::demographic',
  evidence: 'sayso::evidence',
  maxSeconds: 'sayso::max_seconds',
  minLabel: 'sayso::min_label',
  maxLabel: 'sayso::max_label',
  title: 'sayso::title',
  description: 'sayso::description',
  translationStatus: 'sayso::translation_status',
  estimatedMinutes: 'sayso::estimated_minutes',
  requiresMediator: 'sayso::requires_mediator',
  audience: 'sayso::audience',
  version: 'sayso::version',
} as const;

/**
 * On the choices sheet, extra columns become data of each choice in the XForm (as
 * choice_filter columns do), so they are plain names there rather than "a::b" groups.
 */
export const SAYSO_CHOICE = {
  pictogram: 'sayso_pictogram',
  promptKey: 'sayso_prompt_key',
} as const;

/** Choice lists an export writes for the Sayso scales (list names no question id can take: ids have no "-"). */
export const SCALE_LISTS = {
  yesno: 'sayso-yes-no',
  faces3: 'sayso-faces-3',
  faces5: 'sayso-faces-5',
  expectation: 'sayso-expectation',
  compliance: 'sayso-compliance',
} as const;

/** The pictogram a question gets when its row names none (the designer is told). */
export const DEFAULT_PICTOGRAM: Record<QuestionKind | 'group' | 'choice', PictogramName> = {
  yesno: 'survey', single: 'survey', multi: 'survey', rating: 'rating', faces: 'face-3', expectation: 'expect-at',
  compliance: 'compliance-effective', text: 'comment', spoken: 'microphone', info: 'information', group: 'survey', choice: 'survey',
};

/** Cell text read as true: the spellings XLSForm allows for `required`. */
export function isTrueCell(text: string): boolean {
  return ['yes', 'true', 'true()', '1'].includes(text.trim().toLowerCase());
}

export function isFalseCell(text: string): boolean {
  return ['', 'no', 'false', 'false()', '0'].includes(text.trim().toLowerCase());
}
