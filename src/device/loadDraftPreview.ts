import * as v from 'valibot';
import { parseSurvey } from '../survey/parseSurvey.ts';
import { SurveyDefinitionSchema } from '../survey/schema.ts';
import type { SurveyLoad } from './loadSurveyDefinition.ts';

/**
 * What the survey editor (src/staff/authoring/editor/LivePreview.tsx) puts on its own window
 * for the kiosk in its preview frame: the draft as it is on screen, by survey id.
 */
export const DRAFT_PREVIEW_GLOBAL = 'saysoDraftPreview';

export type DraftPreviewSource = (surveyId: string) => unknown;

/**
 * The draft a staff member is editing, read from the same-origin editor page that framed
 * this kiosk: the real kiosk then runs it, in any language. A draft still being translated
 * is shown (a missing text falls back to the default language, as on a tablet); one that
 * breaks the schema's shape or its other rules is refused with the paths, as any survey is.
 */
export function loadDraftPreview(surveyId: string, host: Window = window): SurveyLoad {
  let source: DraftPreviewSource | undefined;
  try {
    // Another origin's parent throws here: only the editor on Sayso's own origin can feed the preview.
    source = host.parent !== host ? ((host.parent as unknown as Record<string, unknown>)[DRAFT_PREVIEW_GLOBAL] as DraftPreviewSource | undefined) : undefined;
  } catch {
    source = undefined;
  }
  if (typeof source !== 'function') return { ok: false, surveyId, reason: 'missing', detail: 'no survey editor around this preview' };
  const draft = source(surveyId);
  if (draft === undefined) return { ok: false, surveyId, reason: 'missing', detail: 'the editor has no draft of this survey' };
  const parsed = parseSurvey(draft);
  if (parsed.ok) return parsed;
  const onlyTranslations = parsed.problems.every((problem) => problem.message.startsWith('missing translation'));
  const shaped = v.safeParse(SurveyDefinitionSchema, draft);
  if (onlyTranslations && shaped.success) return { ok: true, survey: shaped.output };
  return { ok: false, surveyId, reason: 'invalid', problems: parsed.problems };
}
