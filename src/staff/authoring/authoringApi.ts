/**
 * The authoring calls of docs/authoring-api.md: the survey library, drafts (saved as the
 * designer types, guarded by a revision), publishing, versions, templates and the
 * organisation's media index. Same rules as the other staff API modules (staffFetch.ts):
 * the session cookie, answers checked at the boundary, the server's own error as a
 * StaffApiError. A revision conflict and a refused publish are answers, not throws, since
 * the editor shows them.
 */
import * as v from 'valibot';
import type { DefinitionProblem } from '../../survey/parseSurvey.ts';
import { MediaIndexSchema, type MediaIndex } from '../../survey/mediaIndex.ts';
import { makeStaffFetch, type StaffFetchOptions } from '../web/api/staffFetch.ts';

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));
/** Text per language, as in a definition ({"en": "...", "fr": "..."}). */
const Texts = v.record(v.string(), v.string());
const Problem = v.object({ path: v.string(), message: v.string() });
const Problems = v.array(Problem);

const DraftSchema = v.object({
  surveyId: v.string(),
  revision: Count,
  /** The definition as saved: may have problems (a draft is saved even then). */
  definition: v.record(v.string(), v.unknown()),
  origin: v.string(),
  basedOnVersion: v.nullable(Count),
  updatedAt: v.string(),
  problems: Problems,
});
export type SurveyDraft = v.InferOutput<typeof DraftSchema>;

const LibrarySurveySchema = v.object({
  id: v.string(),
  title: Texts,
  defaultLanguage: v.string(),
  languages: v.array(v.string()),
  audience: v.picklist(['residents', 'inspectors']),
  latestVersion: v.nullable(Count),
  publishedAt: v.nullable(v.string()),
  draft: v.nullable(v.object({ revision: Count, updatedAt: v.string(), origin: v.string() })),
});
export type LibrarySurvey = v.InferOutput<typeof LibrarySurveySchema>;

const TemplateSchema = v.object({
  id: v.string(),
  title: Texts,
  description: Texts,
  languages: v.array(v.string()),
  questions: Count,
  audience: v.picklist(['residents', 'inspectors']),
});
export type SurveyTemplate = v.InferOutput<typeof TemplateSchema>;

const VersionSchema = v.object({ version: Count, publishedAt: v.string() });
export type SurveyVersionInfo = v.InferOutput<typeof VersionSchema>;

const Saved = v.object({ revision: Count, problems: Problems, updatedAt: v.string() });
const Conflict = v.object({ error: v.object({ code: v.literal('revision_conflict'), message: v.string() }), currentRevision: v.nullable(Count) });
const Invalid = v.object({ error: v.object({ code: v.literal('definition_invalid'), message: v.string() }), problems: Problems });
const Published = v.object({ surveyId: v.string(), version: Count, publishedAt: v.string() });

/** Where a new survey's first draft comes from (POST /staff/authoring/surveys). */
export type NewSurveySource =
  | { kind: 'blank'; title: string; defaultLanguage: string }
  | { kind: 'template'; templateId: string }
  | { kind: 'definition'; definition: Record<string, unknown>; origin: string }
  | { kind: 'copy'; surveyId: string; version: number };

export type SaveResult =
  | { ok: true; revision: number; problems: DefinitionProblem[]; updatedAt: string }
  /** Someone else saved in between (another tab, a colleague): reload before saving again. */
  | { ok: false; reason: 'conflict'; currentRevision: number | null };

export type PublishResult =
  | { ok: true; surveyId: string; version: number; publishedAt: string }
  | { ok: false; reason: 'invalid'; problems: DefinitionProblem[] }
  | { ok: false; reason: 'conflict'; currentRevision: number | null };

const path = (surveyId: string) => `/staff/authoring/surveys/${encodeURIComponent(surveyId)}`;

export function makeAuthoringApi(options: StaffFetchOptions = {}) {
  const api = makeStaffFetch(options);
  const { read } = api;

  return {
    /** GET /staff/authoring/surveys: every survey of the organisation, published or only drafted. */
    surveys: async (): Promise<LibrarySurvey[]> =>
      (await api.get(v.object({ surveys: v.array(LibrarySurveySchema) }), '/staff/authoring/surveys')).surveys,

    /** POST /staff/authoring/surveys: a new survey id with its first draft. 409 survey_exists is thrown (StaffApiError). */
    createSurvey: async (id: string, from: NewSurveySource): Promise<SurveyDraft> =>
      (await read(v.object({ draft: DraftSchema }), await api.change('POST', '/staff/authoring/surveys', { body: { id, from } }), 'POST /staff/authoring/surveys')).draft,

    /** POST …/:id/draft: a draft of a published version (409 draft_exists is thrown). */
    draftFromVersion: async (surveyId: string, fromVersion: number): Promise<SurveyDraft> =>
      (await read(v.object({ draft: DraftSchema }), await api.change('POST', `${path(surveyId)}/draft`, { body: { fromVersion } }), 'POST /staff/authoring/surveys/:id/draft')).draft,

    /** GET …/:id/draft (404 no_draft is thrown). */
    draft: async (surveyId: string): Promise<SurveyDraft> => api.get(DraftSchema, `${path(surveyId)}/draft`),

    /** PUT …/:id/draft with the revision it was loaded at; saved even with problems. */
    saveDraft: async (surveyId: string, revision: number, definition: unknown): Promise<SaveResult> => {
      const response = await api.change('PUT', `${path(surveyId)}/draft`, { body: { revision, definition }, allow: [409] });
      if (response.status === 409) return { ok: false, reason: 'conflict', currentRevision: (await read(Conflict, response, 'PUT draft')).currentRevision };
      return { ok: true, ...(await read(Saved, response, 'PUT /staff/authoring/surveys/:id/draft')) };
    },

    /** DELETE …/:id/draft: the draft is thrown away; published versions stay. */
    deleteDraft: async (surveyId: string): Promise<void> => {
      await api.change('DELETE', `${path(surveyId)}/draft`);
    },

    /** POST …/:id/publish: the draft at this revision becomes the next version, and the draft is gone. */
    publish: async (surveyId: string, revision: number): Promise<PublishResult> => {
      const response = await api.change('POST', `${path(surveyId)}/publish`, { body: { revision }, allow: [409, 422] });
      if (response.status === 422) return { ok: false, reason: 'invalid', problems: (await read(Invalid, response, 'POST publish')).problems };
      if (response.status === 409) return { ok: false, reason: 'conflict', currentRevision: (await read(Conflict, response, 'POST publish')).currentRevision };
      return { ok: true, ...(await read(Published, response, 'POST /staff/authoring/surveys/:id/publish')) };
    },

    /** GET …/:id/versions, oldest first. */
    versions: async (surveyId: string): Promise<SurveyVersionInfo[]> =>
      (await api.get(v.object({ versions: v.array(VersionSchema) }), `${path(surveyId)}/versions`)).versions,

    /** GET …/:id/versions/:version: the published definition (checked by the caller with parseSurvey when it needs one). */
    version: async (surveyId: string, version: number): Promise<Record<string, unknown>> =>
      api.get(v.record(v.string(), v.unknown()), `${path(surveyId)}/versions/${version}`),

    /** GET /staff/authoring/templates: the built-in questionnaires a new survey can start from. */
    templates: async (): Promise<SurveyTemplate[]> =>
      (await api.get(v.object({ templates: v.array(TemplateSchema) }), '/staff/authoring/templates')).templates,

    /** GET /staff/authoring/media-index: the organisation's recorded clips (audio coverage). */
    mediaIndex: async (): Promise<MediaIndex> => api.get(MediaIndexSchema, '/staff/authoring/media-index'),
  };
}

export type AuthoringApi = ReturnType<typeof makeAuthoringApi>;

/** The XLSX download of a published version (a plain link: the session cookie goes with it). */
export const xlsformDownloadUrl = (surveyId: string, version: number, base = '/api/v1') =>
  `${base}/staff/surveys/${encodeURIComponent(surveyId)}/versions/${version}/xlsform`;

/** The editor's address for a survey. */
export const editorUrl = (surveyId: string) => `/staff/surveys/edit?survey=${encodeURIComponent(surveyId)}`;
