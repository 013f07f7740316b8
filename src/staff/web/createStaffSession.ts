import { createSignal } from 'solid-js';
import { makeStaffApi, StaffApiError, type StaffApiOptions } from './api/makeStaffApi.ts';
import type { StaffUser } from './api/wireSchemas.ts';

/** How often a page started offline asks the server again whether it is back. */
const RECONNECT_MS = 10_000;

/** No answer from the server at all (no network, or a proxy saying the server is gone). */
export function isNoNetwork(error: unknown): boolean {
  return error instanceof StaffApiError && (error.code === 'network' || error.status === 502 || error.status === 503 || error.status === 504);
}

let current: { end: (error: StaffApiError) => void } | undefined;

/** For API modules of their own (paperApi.ts): a 401 there ends the session as one from makeStaffApi does. */
export function reportSessionEnded(error: StaffApiError): void {
  current?.end(error);
}

/**
 * Who is signed in, as signals. A 401 from any call after sign-in (an expired session, an
 * account disabled meanwhile) signs the screens out and keeps the server's reason to show on
 * the sign-in screen.
 *
 * With no network at start, the last staff member who opened paper entry on this machine
 * is taken from its offline store (src/inspector/store), so an inspector's laptop keys paper
 * sheets offline (`offline()` true: only the paper screens work). The server is asked again
 * every few seconds and when the browser says it is online: the same person goes on online;
 * an expired session brings the sign-in screen, and the keyed sheets stay in their outbox.
 */
export function createStaffSession(options: Omit<StaffApiOptions, 'onSessionEnded'> & { offlineUser?: () => Promise<StaffUser | undefined>; forgetOfflineUser?: () => Promise<void> } = {}) {
  const [user, setUser] = createSignal<StaffUser | null>(null);
  const [restoring, setRestoring] = createSignal(true);
  const [ended, setEnded] = createSignal<StaffApiError | null>(null);
  const [offline, setOffline] = createSignal(false);
  const end = (error: StaffApiError) => {
    if (!user()) return;
    setOffline(false);
    setUser(null);
    setEnded(error);
  };
  const api = makeStaffApi({ ...options, onSessionEnded: end });
  current = { end };
  const offlineUser = options.offlineUser ?? (async () => {
    const store = await import('../../inspector/store/paperStore.ts');
    return (await store.readWorkspace(store.openPaperStore()))?.user;
  });
  // Signing out on a shared laptop: the next person cannot start offline as this one (the outbox stays).
  const forgetOfflineUser = options.forgetOfflineUser ?? (async () => {
    const store = await import('../../inspector/store/paperStore.ts');
    await store.forgetWorkspace(store.openPaperStore());
  });

  let reconnectTimer: ReturnType<typeof setInterval> | undefined;
  const reconnect = async () => {
    if (!offline()) return;
    let staff: StaffUser | null;
    try {
      staff = await api.me();
    } catch {
      return; // still no server
    }
    stopReconnecting();
    setOffline(false);
    const was = user();
    if (!staff) {
      setUser(null);
      setEnded(new StaffApiError(401, 'session_expired', 'the session has expired'));
    } else if (!was || was.id !== staff.id) setUser(staff);
    // Same person: the screens stay as they are (and keep their focus).
  };
  const onOnline = () => void reconnect();
  const stopReconnecting = () => {
    clearInterval(reconnectTimer);
    reconnectTimer = undefined;
    globalThis.removeEventListener?.('online', onOnline);
  };

  return {
    api,
    user,
    restoring,
    /** Started with no network from the paper store: only the paper screens work. */
    offline,
    /** Why the last session ended (session_expired, not_signed_in), until the next sign-in. */
    ended,
    /** Asks the server again now (started offline); the timer and the browser's online event do the same. */
    reconnect,
    /** GET /auth/me: a reloaded page keeps its session and gets its CSRF token again. */
    async restore(): Promise<void> {
      try {
        setUser(await api.me());
      } catch (error) {
        const cached = isNoNetwork(error) ? await offlineUser().catch(() => undefined) : undefined;
        if (!cached) throw error;
        setUser(cached);
        setOffline(true);
        reconnectTimer = setInterval(() => void reconnect(), RECONNECT_MS);
        globalThis.addEventListener?.('online', onOnline);
      } finally {
        setRestoring(false);
      }
    },
    async signIn(email: string, password: string): Promise<StaffUser> {
      const staff = await api.login(email, password);
      stopReconnecting();
      setOffline(false);
      setEnded(null);
      setUser(staff);
      return staff;
    },
    async signOut(): Promise<void> {
      try {
        await api.logout();
      } catch (error) {
        // Signed out already (401) is what was wanted; with no network, the next start asks again.
        if (!(error instanceof StaffApiError && (error.status === 401 || isNoNetwork(error)))) throw error;
      } finally {
        stopReconnecting();
        setOffline(false);
        setEnded(null);
        setUser(null);
        await forgetOfflineUser().catch(() => undefined);
      }
    },
  };
}

export type StaffSession = ReturnType<typeof createStaffSession>;
