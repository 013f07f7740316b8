import type { MediaDraft } from '../../device/database.ts';
import { t } from '../../i18n/i18n.ts';

/** The server's refusal codes staff can act on (docs/media-api.md); others are shown as sent. */
const REFUSALS: Record<string, string> = { unsupported_audio: 'unsupported', too_large: 'tooLarge', bad_request: 'badRequest', clip_conflict: 'conflict' };

/** Where a clip recorded on this tablet stands, in staff's words. */
export function draftStatusText(draft: Pick<MediaDraft, 'status' | 'error'>): string {
  if (draft.error) {
    // Stored as "<status> <code>: <message>" by uploadMediaDrafts.
    const code = /^\d{3} ([a-z_0-9]+)/.exec(draft.error)?.[1] ?? '';
    const known = REFUSALS[code];
    return t('staff:recorder.status.refused', { reason: known ? t(`staff:recorder.refusal.${known}`) : draft.error });
  }
  return t(`staff:recorder.status.${draft.status}`);
}
