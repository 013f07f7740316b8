import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Serves public/locales as the browser would, with one file optionally changed. */
function serveLocales(change?: { path: string; edit: (json: Record<string, unknown>) => void }) {
  vi.stubGlobal('fetch', async (url: string) => {
    const json = JSON.parse(readFileSync(`public${url}`, 'utf8')) as Record<string, unknown>;
    if (change && url === change.path) change.edit(json);
    return new Response(JSON.stringify(json), { status: 200, headers: { 'content-type': 'application/json' } });
  });
}

describe('the missing-words notice (auditLanguage)', () => {
  beforeEach(() => vi.resetModules());
  afterEach(() => vi.unstubAllGlobals());

  it('finds nothing missing in Russian results, whose plurals are _one/_few/_many/_other, and uses _few for 3', async () => {
    serveLocales();
    const { initI18n, loadNamespace, missingKeys, t } = await import('../../src/i18n/i18n.ts');
    await initI18n('ru');
    await loadNamespace('results');
    expect(missingKeys()['ru']).toEqual([]);
    const russian = JSON.parse(readFileSync('public/locales/ru/results.json', 'utf8')) as Record<string, unknown>;
    const comments = russian['comments'] as Record<string, string>;
    expect(t('results:comments.found', { count: 3, formatted: '3', facility: 'A', period: 'B' })).toBe(
      comments['found_few']!.replace('{{formatted}}', '3').replace('{{facility}}', 'A').replace('{{period}}', 'B'),
    );
  });

  it('reports an Arabic plural form that is missing, though English has no such form', async () => {
    serveLocales({ path: '/locales/ar/results.json', edit: (json) => delete json['hidden_few'] });
    const { initI18n, loadNamespace, missingKeys } = await import('../../src/i18n/i18n.ts');
    await initI18n('ar');
    await loadNamespace('results');
    expect(missingKeys()['ar']).toEqual(['results:hidden_few']);
  });
});
