import { onCleanup } from 'solid-js';

/**
 * Calls `onIdle` after `timeoutMs` without a touch, key or scroll. Uses plain timers so
 * tests drive it with a fake clock instead of waiting.
 */
export function createIdleTimer(timeoutMs: () => number, isActive: () => boolean, onIdle: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = isActive() ? setTimeout(onIdle, timeoutMs()) : undefined;
  };
  const events = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;
  for (const name of events) window.addEventListener(name, arm, { passive: true, capture: true });
  onCleanup(() => {
    if (timer !== undefined) clearTimeout(timer);
    for (const name of events) window.removeEventListener(name, arm, { capture: true });
  });
  return { arm };
}
