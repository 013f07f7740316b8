import { render } from 'solid-js/web';
import { changeLanguage, initI18n, loadNamespace } from '../i18n/i18n.ts';
import { parseInvitationCode } from '../survey/invitations/invitationCode.ts';
import { LAUNCH_LANGUAGES } from '../survey/languages.ts';
import { createInvitationFlow } from './createInvitationFlow.ts';
import { createInvitationSession } from './createInvitationSession.ts';
import type { createKioskSession } from '../kiosk/createKioskSession.ts';
import { fetchInvitation, sendInvitationResponse } from './invitationApi.ts';
import { openInvitationStore } from './invitationStore.ts';
import { InvitationApp } from './InvitationApp.tsx';

/** The phone's own language when Sayso has it, else English: the resident picks theirs on the next screen. */
export function firstLanguage(preferred: readonly string[]): string {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0]!;
    const found = LAUNCH_LANGUAGES.find((code) => code === tag.toLowerCase() || code === base);
    if (found) return found;
  }
  return 'en';
}

/**
 * Boots answering by invitation at /i/<CODE> (src/main.tsx loads this chunk instead of the
 * kiosk): a phone or any browser, no enrollment; the tablet's kiosk is not involved.
 * The entry hands over its createKioskSession: a static import of it from this lazy chunk
 * makes the bundler split the kiosk's relevance code out of the entry into a chunk of its
 * own, 240 bytes more (gzip) on the kiosk's first screen.
 */
export async function startInvitation(root: HTMLElement, kiosk: { createKioskSession: typeof createKioskSession }): Promise<void> {
  const typed = decodeURIComponent(location.pathname.slice('/i/'.length));
  const read = parseInvitationCode(typed);
  const language = firstLanguage(navigator.languages ?? [navigator.language]);
  await initI18n(language);
  await loadNamespace('invitation');
  const flow = createInvitationFlow({
    code: read.ok ? read.code : undefined,
    openStore: openInvitationStore,
    fetchInvitation: (code) => fetchInvitation(code),
    sendResponse: (code, response) => sendInvitationResponse(code, response),
    onlineEvents: window,
    useLanguage: changeLanguage,
  });
  render(
    () => (
      <InvitationApp
        flow={flow}
        makeSession={(offer) => createInvitationSession({ createKioskSession: kiosk.createKioskSession, offer, store: flow.store()!, language, onResponseClosed: () => flow.responseClosed() })}
      />
    ),
    root,
  );
  // The address stays /i/<CODE>: reopening the link is how a resident comes back to an unsent response.
  void flow.open();
  // Precached like the kiosk (sw/sw.ts): a phone that opened the link once reopens it offline.
  const { registerServiceWorker } = await import('../device/registerServiceWorker.ts');
  registerServiceWorker(() => flow.state().step !== 'answering');
}
