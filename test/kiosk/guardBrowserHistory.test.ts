import { describe, expect, it } from 'vitest';
import { guardBrowserHistory, type HistoryHost } from '../../src/kiosk/guardBrowserHistory.ts';
import { makeTestSession } from './makeTestSession.ts';

type Listener = (event: Event) => void;

/** A browser window's history stack and page lifecycle events, as far as the guard sees them. */
function fakeWindow(startState: unknown = null) {
  const entries: unknown[] = [startState];
  let index = 0;
  const listeners = new Map<string, Set<Listener>>();
  const fire = (type: string, event: Event) => listeners.get(type)?.forEach((listener) => listener(event));
  const host: HistoryHost = {
    history: {
      get state() {
        return entries[index];
      },
      pushState(data) {
        entries.splice(index + 1, Infinity, structuredClone(data));
        index++;
      },
    },
    addEventListener: (type, listener) => void (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(listener),
    removeEventListener: (type, listener) => void listeners.get(type)?.delete(listener),
  };
  return {
    host,
    entries,
    index: () => index,
    /** The browser's (or Android's) back button within this document. */
    back() {
      if (index === 0) return 'left the app' as const;
      index--;
      fire('popstate', Object.assign(new Event('popstate'), { state: entries[index] }));
      return 'stayed' as const;
    },
    pagehide: (persisted: boolean) => fire('pagehide', Object.assign(new Event('pagehide'), { persisted })),
    pageshow: (persisted: boolean) => fire('pageshow', Object.assign(new Event('pageshow'), { persisted })),
  };
}

function setUp(startState?: unknown) {
  const { store, session } = makeTestSession();
  const browser = fakeWindow(startState);
  const shown: boolean[] = [];
  const stop = guardBrowserHistory(session, browser.host, { hide: () => shown.push(false), show: () => shown.push(true) });
  return { store, session, browser, shown, stop };
}

async function toQuestion(session: ReturnType<typeof setUp>['session'], answers: number) {
  await session.start();
  await session.chooseLanguage('en');
  await session.agree();
  session.answer('room.satisfied', true);
  if (answers > 1) {
    await session.next();
    session.answer('room.score', 7);
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('guarding the kiosk against browser back, history and the back/forward cache', () => {
  it('keeps one entry of its own on top of the history, and only one across reloads', () => {
    const { browser } = setUp();
    expect(browser.entries).toHaveLength(2);
    expect(browser.index()).toBe(1);
    // A reload keeps the current entry (and its state): the next page does not stack another.
    const reloaded = setUp(browser.host.history.state);
    expect(reloaded.browser.entries).toHaveLength(1);
  });

  it('on the attract screen back does nothing and stays in the app, however often it is pressed', () => {
    const { session, browser } = setUp();
    for (let i = 0; i < 3; i++) expect(browser.back()).toBe('stayed');
    expect(session.screen()).toBe('attract');
    expect(browser.entries).toHaveLength(2);
  });

  it('on a question back is the kiosk\'s own back: the previous question, then consent, language, attract', async () => {
    const { session, browser } = setUp();
    await toQuestion(session, 2);
    expect(session.current()?.question.id).toBe('room.score');
    browser.back();
    expect([session.screen(), session.current()?.question.id]).toEqual(['question', 'room.satisfied']);
    browser.back();
    expect(session.screen()).toBe('consent');
    browser.back();
    expect(session.screen()).toBe('language');
    browser.back();
    expect(session.screen()).toBe('attract');
    expect(browser.back()).toBe('stayed');
  });

  it('on the thank-you screen back goes straight to the attract screen, with the answers gone from memory', async () => {
    const { session, browser } = setUp();
    await toQuestion(session, 2);
    await session.next();
    session.answer('overall', 4);
    await session.next();
    await session.next();
    expect(session.screen()).toBe('thanks');
    browser.back();
    expect(session.screen()).toBe('attract');
    expect(session.answers()).toEqual({});
  });

  it('on pagehide mid-survey takes the screens out at once and closes the draft as partial', async () => {
    const { session, browser, shown, store } = setUp();
    await toQuestion(session, 2);
    browser.pagehide(true);
    // Synchronous: before the page is frozen into the back/forward cache.
    expect(shown).toEqual([false]);
    await settle();
    expect(session.screen()).toBe('attract');
    expect(session.answers()).toEqual({});
    const closed = await store.listOutbox();
    expect(closed.map((r) => [r.status, r.closedReason, r.answers])).toEqual([['partial', 'idle', { 'room.satisfied': true, 'room.score': 7 }]]);
    expect(await store.closeAbandonedDrafts(new Date())).toBe(0);
  });

  it('a page restored from the back/forward cache finishes closing the respondent, then shows the attract screen', async () => {
    const { session, browser, shown, store } = setUp();
    await toQuestion(session, 1);
    browser.pagehide(true);
    // Restored before the close could finish (the freeze cut it short).
    browser.pageshow(true);
    expect(shown).toEqual([false]);
    await settle();
    expect(session.screen()).toBe('attract');
    expect(shown).toEqual([false, true]);
    // Closed once, not twice.
    expect((await store.listOutbox()).map((r) => r.status)).toEqual(['partial']);
  });

  it('on pagehide from the thank-you screen resets at once; from attract it changes nothing but hides', async () => {
    const thanks = setUp();
    await toQuestion(thanks.session, 2);
    await thanks.session.next();
    await thanks.session.next();
    await thanks.session.next();
    expect(thanks.session.screen()).toBe('thanks');
    thanks.browser.pagehide(false);
    expect(thanks.session.screen()).toBe('attract');

    const idle = setUp();
    idle.browser.pagehide(true);
    idle.browser.pageshow(true);
    await settle();
    expect([idle.session.screen(), idle.shown]).toEqual(['attract', [false, true]]);
  });

  it('shows the kiosk once, after the last of several quick hides and restores', async () => {
    const { session, browser, shown } = setUp();
    await toQuestion(session, 1);
    browser.pagehide(true);
    browser.pageshow(true);
    browser.pagehide(true);
    browser.pagehide(true);
    await settle();
    expect(shown).toEqual([false]);
    browser.pageshow(true);
    await settle();
    expect([session.screen(), shown]).toEqual(['attract', [false, true]]);
  });

  it('comes back after a hide even when the browser says the page was not persisted (never stays blank)', async () => {
    const { session, browser, shown } = setUp();
    await toQuestion(session, 1);
    browser.pagehide(false);
    browser.pageshow(false);
    await settle();
    expect([session.screen(), shown]).toEqual(['attract', [false, true]]);
  });

  it('a first page load (pageshow, not persisted) changes nothing', async () => {
    const { session, browser, shown } = setUp();
    await toQuestion(session, 1);
    browser.pageshow(false);
    await settle();
    expect([session.screen(), shown]).toEqual(['question', []]);
  });

  it('stops guarding when asked', async () => {
    const { session, browser, stop } = setUp();
    stop();
    await session.start();
    browser.back();
    expect(session.screen()).toBe('language');
  });
});
