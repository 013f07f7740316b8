import { describe, expect, it } from 'vitest';
import { makeKioskLock, type LockHost, type WakeLockHandle } from '../../../src/kiosk/lockdown/makeKioskLock.ts';

type Event = 'pointerup' | 'keydown' | 'fullscreenchange' | 'visibilitychange';

/** A browser as the lock sees it: what it allows is set per test. */
function fakeBrowser(options: { fullscreen?: 'allowed' | 'refused' | 'none'; wakeLock?: 'allowed' | 'refused' | 'none' } = {}) {
  const listeners = new Map<Event, Set<() => void>>();
  const state = { fullscreen: false, visible: true, gesture: false, fullscreenAsked: 0, wakeLocks: [] as Array<{ released: boolean; fire: () => void }> };
  const fire = (type: Event) => listeners.get(type)?.forEach((listener) => listener());
  const host: LockHost = {
    fullscreenAvailable: () => options.fullscreen !== 'none',
    isFullscreen: () => state.fullscreen,
    requestFullscreen: async () => {
      state.fullscreenAsked++;
      if (!state.gesture) throw new TypeError('Permissions check failed');
      if (options.fullscreen === 'refused') throw Object.assign(new Error('Fullscreen is not allowed here'), { name: 'NotAllowedError' });
      state.fullscreen = true;
      fire('fullscreenchange');
    },
    exitFullscreen: async () => {
      state.fullscreen = false;
      fire('fullscreenchange');
    },
    requestWakeLock: options.wakeLock === 'none' ? undefined : async () => {
      if (options.wakeLock === 'refused') throw Object.assign(new Error('Battery saver is on'), { name: 'NotAllowedError' });
      let onRelease = () => undefined as void;
      const lock = { released: false, fire: () => onRelease() };
      state.wakeLocks.push(lock);
      const handle: WakeLockHandle = {
        release: async () => {
          lock.released = true;
          onRelease();
        },
        addEventListener: (_type, listener) => void (onRelease = listener),
      };
      return handle;
    },
    visible: () => state.visible,
    inGesture: () => state.gesture,
    listen(type, listener) {
      (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(listener);
      return () => listeners.get(type)?.delete(listener);
    },
  };
  return {
    host,
    state,
    /** A tap: the gesture lasts while its listeners run. */
    touch() {
      state.gesture = true;
      fire('pointerup');
      state.gesture = false;
    },
    /** The person swipes out of full screen (or presses Esc). */
    leaveFullscreen() {
      state.fullscreen = false;
      fire('fullscreenchange');
    },
    hide() {
      state.visible = false;
      // The browser drops a screen wake lock when the page is hidden.
      for (const lock of state.wakeLocks) if (!lock.released) (lock.released = true, lock.fire());
      fire('visibilitychange');
    },
    show() {
      state.visible = true;
      fire('visibilitychange');
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const held = (browser: ReturnType<typeof fakeBrowser>) => browser.state.wakeLocks.filter((l) => !l.released).length;

describe('the kiosk lock', () => {
  it('does nothing while off: no full screen at a touch, no wake lock', async () => {
    const browser = fakeBrowser();
    const lock = makeKioskLock(browser.host);
    browser.touch();
    await settle();
    expect([browser.state.fullscreenAsked, held(browser)]).toEqual([0, 0]);
    expect(lock.status()).toMatchObject({ enabled: false, fullscreen: 'off', wakeLock: 'off' });
  });

  it('turned on outside a gesture (at start-up): holds the wake lock at once, waits for a touch to ask for full screen', async () => {
    const browser = fakeBrowser();
    const lock = makeKioskLock(browser.host);
    lock.enable();
    await settle();
    expect(browser.state.fullscreenAsked).toBe(0);
    expect(lock.status()).toMatchObject({ enabled: true, fullscreen: 'waiting', wakeLock: 'on' });
    browser.touch();
    await settle();
    expect(lock.status().fullscreen).toBe('on');
  });

  it('turned on by a tap (the staff panel button): full screen at once', async () => {
    const browser = fakeBrowser();
    const lock = makeKioskLock(browser.host);
    browser.state.gesture = true;
    lock.enable();
    browser.state.gesture = false;
    await settle();
    expect(lock.status()).toMatchObject({ fullscreen: 'on', wakeLock: 'on' });
  });

  it('asks for full screen again at the next touch after someone left it, not before', async () => {
    const browser = fakeBrowser();
    const lock = makeKioskLock(browser.host);
    lock.enable();
    browser.touch();
    await settle();
    browser.leaveFullscreen();
    expect(lock.status().fullscreen).toBe('waiting');
    await settle();
    expect(browser.state.fullscreen).toBe(false);
    browser.touch();
    await settle();
    expect([browser.state.fullscreen, lock.status().fullscreen]).toEqual([true, 'on']);
    expect(browser.state.fullscreenAsked).toBe(2);
  });

  it('takes the wake lock again when the page is shown after the browser dropped it', async () => {
    const browser = fakeBrowser();
    const lock = makeKioskLock(browser.host);
    lock.enable();
    await settle();
    browser.hide();
    expect([held(browser), lock.status().wakeLock]).toEqual([0, 'waiting']);
    browser.show();
    await settle();
    expect([held(browser), lock.status().wakeLock]).toEqual([1, 'on']);
    expect(browser.state.wakeLocks).toHaveLength(2);
  });

  it('says what the browser refused, with its reason, and keeps asking for full screen at touches', async () => {
    const browser = fakeBrowser({ fullscreen: 'refused', wakeLock: 'refused' });
    const lock = makeKioskLock(browser.host);
    lock.enable();
    browser.touch();
    await settle();
    expect(lock.status()).toMatchObject({
      fullscreen: 'refused', fullscreenRefusal: 'NotAllowedError: Fullscreen is not allowed here',
      wakeLock: 'refused', wakeLockRefusal: 'NotAllowedError: Battery saver is on',
    });
    browser.touch();
    await settle();
    expect(browser.state.fullscreenAsked).toBe(2);
  });

  it('says when the browser has neither (iPhone Safari, an old browser)', async () => {
    const browser = fakeBrowser({ fullscreen: 'none', wakeLock: 'none' });
    const lock = makeKioskLock(browser.host);
    lock.enable();
    browser.touch();
    await settle();
    expect(browser.state.fullscreenAsked).toBe(0);
    expect(lock.status()).toMatchObject({ fullscreen: 'unavailable', wakeLock: 'unavailable' });
  });

  it('turned off (staff, behind the PIN): leaves full screen, lets the screen sleep, and stops asking', async () => {
    const browser = fakeBrowser();
    const lock = makeKioskLock(browser.host);
    lock.enable();
    browser.touch();
    await settle();
    await lock.disable();
    expect([browser.state.fullscreen, held(browser)]).toEqual([false, 0]);
    expect(lock.status()).toMatchObject({ enabled: false, fullscreen: 'off', wakeLock: 'off' });
    browser.touch();
    browser.hide();
    browser.show();
    await settle();
    expect([browser.state.fullscreenAsked, browser.state.wakeLocks.length]).toEqual([1, 1]);
  });

  it('paused from the staff panel: leaves full screen and does not ask again until the panel closes', async () => {
    const browser = fakeBrowser();
    const lock = makeKioskLock(browser.host);
    lock.enable();
    browser.touch();
    await settle();
    await lock.pause();
    browser.touch();
    await settle();
    expect([browser.state.fullscreen, lock.status().fullscreen, held(browser)]).toEqual([false, 'paused', 1]);
    lock.resume();
    expect(lock.status().fullscreen).toBe('waiting');
    browser.touch();
    await settle();
    expect(browser.state.fullscreen).toBe(true);
  });

  it('tells subscribers each change, until they stop listening', async () => {
    const browser = fakeBrowser();
    const lock = makeKioskLock(browser.host);
    const seen: string[] = [];
    const stop = lock.subscribe((status) => seen.push(`${status.fullscreen}/${status.wakeLock}`));
    lock.enable();
    await settle();
    stop();
    browser.touch();
    await settle();
    expect(seen.at(-1)).toBe('waiting/on');
  });
});
