import { serve } from '@hono/node-server';
import { createApp } from '../../src/server/createApp.ts';
import { launchChromium } from '../e2e/support/launchChromium.ts';
const server = serve({ fetch: createApp({ staticRoot: 'dist' }).fetch, hostname: '127.0.0.1', port: 8123 });
const browser = await launchChromium();
for (const id of ['dbg-faces-last', 'dbg-text-last']) {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  page.on('console', (m) => console.log('console:', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message, e.stack));
  await page.goto(`http://127.0.0.1:8123/?preview=${id}&lang=en`);
  for (let i = 0; i < 10; i++) {
    const h = await page.locator('h1').first().textContent({ timeout: 5000 });
    console.log(id, i, h);
    if (h === 'Thank you!') break;
    const radios = page.getByRole('radio');
    if (await radios.count()) await radios.nth(1).click();
    const next = page.getByRole('button', { name: /^(Next|Skip|Finish)$/ });
    console.log('  next:', await next.textContent(), await next.isDisabled());
    if (await next.isDisabled()) break;
    await next.click({ timeout: 5000 });
    await page.waitForTimeout(300);
  }
  await page.screenshot({ path: `/tmp/${id}.png` });
}
await browser.close();
server.close();
