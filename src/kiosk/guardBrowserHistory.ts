/** What the guard needs of the kiosk session (createKioskSession.ts). */
export interface GuardedSession {
  screen(): string;
  back(): void;
  finishThanks(): void;
  walkedAway(): Promise<void>;
}

/** The window's history and page lifecycle events (a fake in tests). */
export interface HistoryHost {
  history: { readonly state: unknown; pushState(data: unknown, unused: string): void };
  addEventListener(type: 'popstate' | 'pagehide' | 'pageshow', listener: (event: Event) => void): void;
  removeEventListener(type: 'popstate' | 'pagehide' | 'pageshow', listener: (event: Event) => void): void;
}

/** Takes the kiosk's screens out of the DOM, and puts them back. */
export interface KioskView {
  hide(): void;
  show(): void;
}

const MARK = 'saysoKiosk';
const isOurs = (state: unknown) => typeof state === 'object' && state !== null && (state as Record<string, unknown>)[MARK] === true;

/** Every screen but these belongs to a respondent (or their mediator), whose answers must not outlive them. */
const BETWEEN_RESPONDENTS = new Set(['attract', 'thanks', 'staff-message']);
const isRespondents = (screen: string) => !BETWEEN_RESPONDENTS.has(screen);

/**
 * Browser back, history and the back/forward cache never bring back a previous respondent:
 * - one history entry of our own is kept on top, so back (Android's too) stays in the app:
 *   on a question it is the kiosk's own back, on the thank-you straight to the attract
 *   screen, on the attract screen nothing;
 * - on pagehide the screens leave the DOM at once (before the page is frozen into the
 *   back/forward cache) and the respondent's draft is closed as partial; a page restored
 *   from the cache (pageshow, persisted) finishes that before it shows the attract screen.
 * A reload needs nothing here: the next load closes abandoned drafts as partial.
 * Returns the way to stop guarding.
 */
export function guardBrowserHistory(session: GuardedSession, host: HistoryHost, view: KioskView): () => void {
  const keepEntry = () => {
    if (!isOurs(host.history.state)) host.history.pushState({ [MARK]: true }, '');
  };

  let leaving: Promise<void> | undefined;
  /** Ends the current respondent, once, however often the page hides and shows meanwhile. */
  const endRespondent = (): Promise<void> => {
    leaving ??= (async () => {
      const screen = session.screen();
      if (screen === 'thanks') session.finishThanks();
      else if (isRespondents(screen)) await session.walkedAway();
    })().finally(() => (leaving = undefined));
    return leaving;
  };

  const onPopState = () => {
    // Back took us off our entry: put it back, then act as the kiosk's own back would.
    keepEntry();
    const screen = session.screen();
    if (screen === 'thanks') session.finishThanks();
    else if (isRespondents(screen)) session.back();
  };

  let hidden = false;
  /** Counts page hides: a show planned before the latest hide must not happen. */
  let hides = 0;

  const onPageHide = () => {
    hides++;
    if (!hidden) view.hide();
    hidden = true;
    void endRespondent().catch(() => undefined);
  };

  const onPageShow = (event: Event) => {
    // A first load has nothing to restore; after a hide, persisted or not (a browser may hide a
    // page without unloading it), the kiosk must come back or it would stay blank.
    if (!hidden && !(event as PageTransitionEvent).persisted) return;
    const shownAfter = hides;
    // Restored from the back/forward cache: finish ending the respondent (the freeze may have
    // cut it short, or it may have run), then show the next person the attract screen.
    void endRespondent()
      .then(() => endRespondent())
      .catch(() => undefined)
      .finally(() => {
        if (!hidden || hides !== shownAfter) return;
        hidden = false;
        keepEntry();
        view.show();
      });
  };

  keepEntry();
  host.addEventListener('popstate', onPopState);
  host.addEventListener('pagehide', onPageHide);
  host.addEventListener('pageshow', onPageShow);
  return () => {
    host.removeEventListener('popstate', onPopState);
    host.removeEventListener('pagehide', onPageHide);
    host.removeEventListener('pageshow', onPageShow);
  };
}
