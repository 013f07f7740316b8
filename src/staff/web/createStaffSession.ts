import { createSignal } from 'solid-js';
import { makeStaffApi, StaffApiError, type StaffApiOptions } from './api/makeStaffApi.ts';
import type { StaffUser } from './api/wireSchemas.ts';

/**
 * Who is signed in, as signals. A 401 from any call after sign-in (an expired session, an
 * account disabled meanwhile) signs the screens out and keeps the server's reason to show on
 * the sign-in screen.
 */
export function createStaffSession(options: Omit<StaffApiOptions, 'onSessionEnded'> = {}) {
  const [user, setUser] = createSignal<StaffUser | null>(null);
  const [restoring, setRestoring] = createSignal(true);
  const [ended, setEnded] = createSignal<StaffApiError | null>(null);
  const api = makeStaffApi({
    ...options,
    onSessionEnded: (error) => {
      if (!user()) return;
      setUser(null);
      setEnded(error);
    },
  });

  return {
    api,
    user,
    restoring,
    /** Why the last session ended (session_expired, not_signed_in), until the next sign-in. */
    ended,
    /** GET /auth/me: a reloaded page keeps its session and gets its CSRF token again. */
    async restore(): Promise<void> {
      try {
        setUser(await api.me());
      } finally {
        setRestoring(false);
      }
    },
    async signIn(email: string, password: string): Promise<StaffUser> {
      const staff = await api.login(email, password);
      setEnded(null);
      setUser(staff);
      return staff;
    },
    async signOut(): Promise<void> {
      try {
        await api.logout();
      } catch (error) {
        // Signed out already (401) is what was wanted.
        if (!(error instanceof StaffApiError && error.status === 401)) throw error;
      } finally {
        setEnded(null);
        setUser(null);
      }
    },
  };
}

export type StaffSession = ReturnType<typeof createStaffSession>;
