import type { Page } from 'playwright-core';

/**
 * Polls an async condition in the page until it is true (page.waitForFunction takes a
 * returned Promise as truthy, so it cannot wait on Cache Storage or IndexedDB).
 */
export async function waitInPage<A>(page: Page, condition: (arg: A) => Promise<boolean>, arg: A, options: { timeout?: number; interval?: number } = {}): Promise<void> {
  const deadline = Date.now() + (options.timeout ?? 30_000);
  for (;;) {
    if (await page.evaluate(condition as (value: unknown) => Promise<boolean>, arg as unknown).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`condition not met in ${options.timeout ?? 30_000} ms: ${condition.toString().slice(0, 120)}`);
    await new Promise((resolve) => setTimeout(resolve, options.interval ?? 200));
  }
}
