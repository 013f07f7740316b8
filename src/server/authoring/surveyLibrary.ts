import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface LibraryEntry {
  id: string;
  title: Record<string, string>;
  defaultLanguage: string;
  languages: string[];
  audience: 'residents' | 'inspectors';
  latestVersion: number | null;
  publishedAt: string | null;
  draft: { revision: number; updatedAt: string; origin: string } | null;
}

/** What the library shows of a definition; a draft may be half-made, so every field is read defensively. */
function describe(definition: unknown): Pick<LibraryEntry, 'title' | 'defaultLanguage' | 'languages' | 'audience'> {
  const d = (definition && typeof definition === 'object' ? definition : {}) as Record<string, unknown>;
  const title = d.title && typeof d.title === 'object' && !Array.isArray(d.title)
    ? Object.fromEntries(Object.entries(d.title as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
    : {};
  const languages = Array.isArray(d.languages) ? d.languages.filter((l): l is string => typeof l === 'string') : [];
  const defaultLanguage = typeof d.defaultLanguage === 'string' ? d.defaultLanguage : (languages[0] ?? 'en');
  return { title, defaultLanguage, languages, audience: d.audience === 'inspectors' ? 'inspectors' : 'residents' };
}

/** Every survey of the organisation: published (described by its latest version) or only drafted (by its draft). */
export async function surveyLibrary(db: Kysely<Database>, organisationId: string): Promise<LibraryEntry[]> {
  const latest = await db.selectFrom('survey_versions as v').select(['v.survey_id', 'v.version', 'v.published_at', 'v.definition'])
    .where('v.organisation_id', '=', organisationId)
    .where(({ eb, selectFrom }) => eb('v.version', '=',
      selectFrom('survey_versions as w').select((w) => w.fn.max('w.version').as('m'))
        .whereRef('w.organisation_id', '=', 'v.organisation_id').whereRef('w.survey_id', '=', 'v.survey_id')))
    .execute();
  const drafts = await db.selectFrom('survey_drafts').select(['survey_id', 'revision', 'updated_at', 'origin', 'definition'])
    .where('organisation_id', '=', organisationId).execute();
  const entries = new Map<string, LibraryEntry>();
  for (const row of latest) {
    entries.set(row.survey_id, {
      id: row.survey_id, ...describe(JSON.parse(row.definition)), latestVersion: Number(row.version), publishedAt: row.published_at, draft: null,
    });
  }
  for (const row of drafts) {
    const draft = { revision: Number(row.revision), updatedAt: row.updated_at, origin: row.origin };
    const known = entries.get(row.survey_id);
    if (known) known.draft = draft;
    else entries.set(row.survey_id, { id: row.survey_id, ...describe(JSON.parse(row.definition)), latestVersion: null, publishedAt: null, draft });
  }
  return [...entries.values()].sort((a, b) => a.id.localeCompare(b.id));
}
