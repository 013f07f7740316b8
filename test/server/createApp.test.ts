import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/createApp.ts';

function builtApp() {
  const root = mkdtempSync(join(tmpdir(), 'sayso-static-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Sayso</title>');
  writeFileSync(join(root, 'sw.js'), 'self.x = 1;');
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  return createApp({ staticRoot: root });
}

describe('the HTTP app', () => {
  const app = builtApp();

  it('answers the health check', async () => {
    const response = await app.request('/api/v1/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('answers an unknown API route with a JSON error, not the app shell', async () => {
    const response = await app.request('/api/v1/nothing-here', { method: 'POST' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'no API route POST /api/v1/nothing-here' } });
  });

  it('serves the shell for deep links, revalidated on every visit', async () => {
    const response = await app.request('/some/deep/link?preview=x');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Sayso</title>');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('never lets a tablet cache the service worker, and caches hashed assets for good', async () => {
    expect((await app.request('/sw.js')).headers.get('cache-control')).toBe('no-cache');
    expect((await app.request('/assets/index-abc123.js')).headers.get('cache-control')).toContain('immutable');
  });

  it('answers a missing file with 404 rather than the shell', async () => {
    expect((await app.request('/pictograms/missing.svg')).status).toBe(404);
  });
});

describe('rate limits', () => {
  it('slows down guessing of enrollment codes from one address', async () => {
    const { testDatabaseKinds } = await import('./support/testDatabases.ts');
    const { handle, dispose } = await testDatabaseKinds()[0]!.open();
    try {
      const app = createApp({ staticRoot: 'dist', db: handle.db, device: { enrollPerMinute: 3 } });
      const attempt = () => app.request('/api/v1/devices/enroll', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'AAAA-BBBB', name: 'x' }) });
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await attempt()).status);
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
    } finally {
      await dispose();
    }
  });
});

describe('a flood from one tablet', () => {
  it('is answered 429 while another tablet on its own token still gets through', async () => {
    const { testDatabaseKinds } = await import('./support/testDatabases.ts');
    const { createEnrollmentCode } = await import('../../src/server/queries/enrollments.ts');
    const { createFacility, createOrganisation } = await import('../../src/server/queries/organisations.ts');
    const { handle, dispose } = await testDatabaseKinds()[0]!.open();
    try {
      const app = createApp({ staticRoot: 'dist', db: handle.db, device: { requestsPerMinute: 20, badTokensPerMinute: 5 } });
      const organisationId = (await createOrganisation(handle.db, { name: 'O' })).id;
      const facilityId = (await createFacility(handle.db, { organisationId, name: 'F', timeZone: 'UTC' })).id;
      const enroll = async () => {
        const { code } = await createEnrollmentCode(handle.db, { facilityId });
        return (await (await app.request('/api/v1/devices/enroll', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name: 'T' }) })).json()) as { token: string };
      };
      const [flooder, neighbour] = [await enroll(), await enroll()];
      const bundle = (token: string) => app.request('/api/v1/device/bundle', { headers: { authorization: `Bearer ${token}` } });
      const flood = [];
      for (let i = 0; i < 30; i++) flood.push((await bundle(flooder.token)).status);
      expect(flood.filter((s) => s === 429)).toHaveLength(10);
      expect((await bundle(neighbour.token)).status).toBe(200);
      const guesses = [];
      for (let i = 0; i < 8; i++) guesses.push((await bundle(`guess-${i}-${'x'.repeat(30)}`)).status);
      expect(guesses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    } finally {
      await dispose();
    }
  });
});
