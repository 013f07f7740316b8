/**
 * Staff's calls for respondents' spoken comments (docs/media-api.md, "Spoken comments"):
 * the list for a facility and quarter, the sound as a blob, and the transcript (staffFetch.ts).
 */
import * as v from 'valibot';
import { makeStaffFetch, type StaffFetchOptions } from './staffFetch.ts';

export interface SpokenComment {
  id: string;
  questionId: string;
  durationMs: number;
  /** False once retention deleted the sound; the transcript stays. */
  audio: boolean;
  transcript: string | null;
}

const SpokenCommentList = v.object({
  comments: v.array(v.object({ id: v.string(), questionId: v.string(), durationMs: v.number(), audio: v.boolean(), transcript: v.nullable(v.string()) })),
});
const SavedTranscript = v.object({ id: v.string(), transcript: v.nullable(v.string()) });

export function makeSpokenCommentsApi(options: StaffFetchOptions = {}) {
  const api = makeStaffFetch(options);
  return {
    /** GET /reports/spoken-comments: opaque ids, no times, no response ids. */
    list: async (params: { surveyId: string; facilityId: string; period: string }): Promise<SpokenComment[]> =>
      (await api.get(SpokenCommentList, `/reports/spoken-comments?${new URLSearchParams(params)}`)).comments,
    /** The decrypted recording (410 deleted after retention). */
    audio: async (id: string): Promise<Blob> => (await api.send('GET', `/reports/spoken-comments/${encodeURIComponent(id)}/audio`, { accept: 'audio/*' })).blob(),
    /** Saves a transcript; an empty text removes it. Answers what the server kept. */
    saveTranscript: async (id: string, text: string): Promise<string | null> => {
      const path = `/reports/spoken-comments/${encodeURIComponent(id)}/transcript`;
      return (await api.read(SavedTranscript, await api.change('PUT', path, { body: { text } }), `PUT ${path}`)).transcript;
    },
  };
}

export type SpokenCommentsApi = ReturnType<typeof makeSpokenCommentsApi>;
