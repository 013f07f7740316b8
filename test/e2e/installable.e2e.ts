import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/launchChromium.ts';
import { startAppServer, type RunningServer } from './support/startAppServer.ts';

describe('installing Sayso on a tablet', () => {
  let browser: Browser;
  let server: RunningServer;
  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('links a web app manifest that pins it full screen, with icons that exist', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const manifest = await (await fetch(new URL(href!, server.url))).json();
    expect(manifest).toMatchObject({ name: expect.stringContaining('Sayso'), short_name: 'Sayso', display: 'fullscreen', start_url: '/', theme_color: '#2f6fb0' });
    const purposes = manifest.icons.map((icon: { purpose: string }) => icon.purpose);
    expect(purposes).toContain('maskable');
    expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons as Array<{ src: string; type: string }>) {
      const response = await fetch(new URL(icon.src, server.url));
      expect(response.status, icon.src).toBe(200);
      expect(response.headers.get('content-type'), icon.src).toContain(icon.type.split('+')[0]);
    }
    expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe('#2f6fb0');
    expect(await page.locator('link[rel="apple-touch-icon"]').count()).toBe(1);
    await page.close();
  });
});
