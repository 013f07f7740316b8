import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, startServerProcess } from './support/serverProcess.ts';

function httpsJson(url: string): Promise<{ status: number; body: unknown; protocol: string }> {
  return new Promise((resolve, reject) => {
    get(url, { rejectUnauthorized: false }, (response) => {
      const protocol = (response.socket as { encrypted?: boolean }).encrypted ? 'tls' : 'plain';
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text), protocol }));
    }).on('error', reject);
  });
}

describe('the server process', () => {
  it('serves HTTPS itself with TLS_CERT and TLS_KEY, migrates once, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sayso-tls-'));
    const env = { TLS_CERT: 'test/e2e/fixtures/tls/localhost-cert.pem', TLS_KEY: 'test/e2e/fixtures/tls/localhost-key.pem' };
    try {
      const port = await freePort();
      const first = await startServerProcess({ port, dbPath: join(dir, 'sayso.db'), env });
      expect(first.url).toMatch(/^https:/);
      expect(await httpsJson(`${first.url}/api/v1/healthz`)).toEqual({ status: 200, body: { ok: true }, protocol: 'tls' });
      expect(first.output()).toContain('applied 0001-initial, 0002-staff');
      expect(first.output()).toMatch(/Enroll a tablet with code [A-Z0-9]{4}-[A-Z0-9]{4}/);
      expect(await first.kill('SIGTERM')).toBe(0);

      const second = await startServerProcess({ port, dbPath: join(dir, 'sayso.db'), env });
      expect(second.output()).not.toContain('applied');
      expect(second.output()).not.toContain('Enroll a tablet');
      expect(await second.kill('SIGTERM')).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
