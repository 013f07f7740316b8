/**
 * The kiosk lock: full screen and a screen wake lock, where the browser allows them. Plain
 * state and events over a small browser host (browserLockHost.ts), so the rules are tested
 * with fakes. What it cannot do (the Home button, app switching) the README's pinning
 * section covers.
 */

/** on: full screen now; waiting: asked again at the next touch; paused: left on purpose from the staff panel. */
export type FullscreenState = 'off' | 'on' | 'waiting' | 'paused' | 'refused' | 'unavailable';
/** waiting: asked again when the screen is shown (the browser drops the lock when hidden). */
export type WakeLockState = 'off' | 'on' | 'waiting' | 'refused' | 'unavailable';

export interface KioskLockStatus {
  enabled: boolean;
  fullscreen: FullscreenState;
  wakeLock: WakeLockState;
  /** What the browser said when it refused (its error name and message), for staff. */
  fullscreenRefusal?: string;
  wakeLockRefusal?: string;
}

export interface WakeLockHandle {
  release(): Promise<void>;
  addEventListener(type: 'release', listener: () => void): void;
}

/** The few browser features the lock uses (document, navigator.wakeLock). */
export interface LockHost {
  /** document.fullscreenEnabled: false in a browser or frame that offers no full screen (iPhone Safari). */
  fullscreenAvailable(): boolean;
  isFullscreen(): boolean;
  requestFullscreen(): Promise<void>;
  exitFullscreen(): Promise<void>;
  /** navigator.wakeLock.request('screen'), or undefined where there is none. */
  requestWakeLock: (() => Promise<WakeLockHandle>) | undefined;
  visible(): boolean;
  /** Whether a tap or key is being handled now (navigator.userActivation): full screen is refused otherwise. */
  inGesture(): boolean;
  /** Listens on the document (capture for the gestures); returns the way to stop. */
  listen(type: 'pointerup' | 'keydown' | 'fullscreenchange' | 'visibilitychange', listener: () => void): () => void;
}

const refusal = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

export function makeKioskLock(host: LockHost) {
  let status: KioskLockStatus = { enabled: false, fullscreen: 'off', wakeLock: 'off' };
  const listeners = new Set<(status: KioskLockStatus) => void>();
  let wakeLock: WakeLockHandle | undefined;
  let asking = false;
  let paused = false;

  const set = (change: Partial<KioskLockStatus>) => {
    status = { ...status, ...change };
    for (const listener of listeners) listener(status);
  };

  const fullscreenNow = (): FullscreenState =>
    !status.enabled ? (host.isFullscreen() ? 'on' : 'off') : !host.fullscreenAvailable() && !host.isFullscreen() ? 'unavailable' : host.isFullscreen() ? 'on' : paused ? 'paused' : 'waiting';

  /** Fullscreen needs a user gesture: called from a touch or key, never from a timer. */
  const askFullscreen = () => {
    if (!status.enabled || paused || asking || host.isFullscreen() || !host.fullscreenAvailable() || !host.inGesture()) return;
    asking = true;
    host.requestFullscreen().then(
      () => set({ fullscreen: fullscreenNow(), fullscreenRefusal: undefined }),
      (error: unknown) => set({ fullscreen: host.isFullscreen() ? 'on' : 'refused', fullscreenRefusal: refusal(error) }),
    ).finally(() => (asking = false));
  };

  const acquireWakeLock = async () => {
    if (!status.enabled || wakeLock) return;
    if (!host.requestWakeLock) return set({ wakeLock: 'unavailable' });
    // A hidden page cannot hold one; visibilitychange asks again.
    if (!host.visible()) return set({ wakeLock: 'waiting' });
    try {
      const handle = await host.requestWakeLock();
      if (!status.enabled) return void handle.release().catch(() => undefined);
      wakeLock = handle;
      handle.addEventListener('release', () => {
        if (wakeLock !== handle) return;
        wakeLock = undefined;
        // Released by the browser (page hidden, battery saver): asked again when shown.
        if (status.enabled) set({ wakeLock: 'waiting' });
      });
      set({ wakeLock: 'on', wakeLockRefusal: undefined });
    } catch (error) {
      set({ wakeLock: 'refused', wakeLockRefusal: refusal(error) });
    }
  };

  const stops = [
    host.listen('pointerup', askFullscreen),
    host.listen('keydown', askFullscreen),
    host.listen('fullscreenchange', () => set({ fullscreen: fullscreenNow() })),
    host.listen('visibilitychange', () => {
      if (host.visible()) void acquireWakeLock();
    }),
  ];

  return {
    status: () => status,
    /** Calls `listener` at each change; returns the way to stop. */
    subscribe(listener: (status: KioskLockStatus) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Turns the lock on: the wake lock at once, full screen now if this runs inside a tap, else at the next one. */
    enable() {
      paused = false;
      set({ enabled: true, fullscreenRefusal: undefined, wakeLockRefusal: undefined });
      set({ fullscreen: fullscreenNow() });
      askFullscreen();
      void acquireWakeLock();
    },

    /** Turns the lock off (staff, behind the PIN): leaves full screen and lets the screen sleep. */
    async disable() {
      paused = false;
      set({ enabled: false });
      const handle = wakeLock;
      wakeLock = undefined;
      await handle?.release().catch(() => undefined);
      if (host.isFullscreen()) await host.exitFullscreen().catch(() => undefined);
      set({ fullscreen: fullscreenNow(), wakeLock: 'off', fullscreenRefusal: undefined, wakeLockRefusal: undefined });
    },

    /** Staff leave full screen on purpose: no asking again until resume() (their panel closes). */
    async pause() {
      paused = true;
      if (host.isFullscreen()) await host.exitFullscreen().catch(() => undefined);
      set({ fullscreen: fullscreenNow() });
    },

    resume() {
      if (!paused) return;
      paused = false;
      set({ fullscreen: fullscreenNow() });
    },

    /** Stops listening (tests; the app keeps one lock for its life). */
    dispose() {
      for (const stop of stops) stop();
      listeners.clear();
    },
  };
}

export type KioskLock = ReturnType<typeof makeKioskLock>;
