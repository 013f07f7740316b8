import { describe, expect, it } from 'vitest';
import { useAppInBrowser } from './support/useAppInBrowser.ts';

describe('installing Sayso on a tablet', () => {
  const env = useAppInBrowser();

  it('links a web app manifest that pins it full screen, with icons that exist', async () => {
    const page = await env.browser.newPage();
    await page.goto(env.server.url);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const manifest = await (await fetch(new URL(href!, env.server.url))).json();
    expect(manifest).toMatchObject({ name: expect.stringContaining('Sayso'), short_name: 'Sayso', display: 'fullscreen', start_url: '/', theme_color: '#2f6fb0' });
    const purposes = manifest.icons.map((icon: { purpose: string }) => icon.purpose);
    expect(purposes).toContain('maskable');
    expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons as Array<{ src: string; type: string }>) {
      const response = await fetch(new URL(icon.src, env.server.url));
      expect(response.status, icon.src).toBe(200);
      expect(response.headers.get('content-type'), icon.src).toContain(icon.type.split('+')[0]);
    }
    expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe('#2f6fb0');
    expect(await page.locator('link[rel="apple-touch-icon"]').count()).toBe(1);
    await page.close();
  });
});
