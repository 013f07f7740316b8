import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import type { StaffUser } from '../../../src/staff/web/api/wireSchemas.ts';
import { createStaffSession } from '../../../src/staff/web/createStaffSession.ts';

const inspector: StaffUser = { id: 'staff-a', email: 'a@example.org', role: 'inspector', organisationId: 'org', facilityIds: ['fac-1'] };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A server that is gone until `answer` is set. */
function server() {
  const state: { answer?: () => Response } = {};
  const fetch = (async () => {
    if (!state.answer) throw new TypeError('Failed to fetch');
    return state.answer();
  }) as typeof globalThis.fetch;
  return { state, fetch };
}

function session(fetch: typeof globalThis.fetch, offlineUser?: StaffUser) {
  return createRoot((dispose) => ({ dispose, session: createStaffSession({ fetch, offlineUser: async () => offlineUser, forgetOfflineUser: async () => undefined }) }));
}

describe('createStaffSession with no network', () => {
  it('starts offline as the staff member paper entry last kept, and goes on online as the same person', async () => {
    const net = server();
    const { session: s, dispose } = session(net.fetch, inspector);
    await s.restore();
    expect(s.user()).toBe(inspector);
    expect(s.offline()).toBe(true);
    await s.reconnect();
    expect(s.offline()).toBe(true);
    net.state.answer = () => json(200, { staff: inspector, csrfToken: 'token' });
    await s.reconnect();
    expect(s.offline()).toBe(false);
    // The same object: the screens are not rebuilt under the keyer.
    expect(s.user()).toBe(inspector);
    dispose();
  });

  it('asks to sign in again when the session expired meanwhile (the outbox is the paper store\'s, untouched)', async () => {
    const net = server();
    const { session: s, dispose } = session(net.fetch, inspector);
    await s.restore();
    net.state.answer = () => json(401, { error: { code: 'session_expired', message: 'the session has expired' } });
    await s.reconnect();
    expect(s.user()).toBeNull();
    expect(s.offline()).toBe(false);
    expect(s.ended()?.code).toBe('session_expired');
    dispose();
  });

  it('shows the failure when nobody kept paper entry on this machine', async () => {
    const net = server();
    const { session: s, dispose } = session(net.fetch, undefined);
    await expect(s.restore()).rejects.toMatchObject({ code: 'network' });
    expect(s.user()).toBeNull();
    dispose();
  });
});
