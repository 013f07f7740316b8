import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './launchChromium.ts';
import { startAppServer, type RunningServer } from './startAppServer.ts';

/** For a describe block: the built app on a loopback port and a Chromium, both closed after. */
export function useAppInBrowser(options: { staticRoot?: () => string } = {}): { browser: Browser; server: RunningServer } {
  const env = {} as { browser: Browser; server: RunningServer };
  beforeAll(async () => {
    env.server = await startAppServer(options.staticRoot ? { staticRoot: options.staticRoot() } : {});
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
