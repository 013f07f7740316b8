import { describe, expect, it } from 'vitest';
import { makeDeviceStore, type DeviceStore } from '../../src/device/deviceStore.ts';
import { WITHDRAWALS_KEY } from '../../src/device/enrollmentRecord.ts';
import type { ApiResult, DeviceApi } from '../../src/sync/deviceApi.ts';
import { uploadWithdrawals } from '../../src/sync/uploadWithdrawals.ts';
import type { WithdrawalCountsRequest } from '../../src/survey/withdrawals.ts';
import { makeTestDatabase } from '../device/makeTestDatabase.ts';

type Answer = ApiResult<{ ok: true }>;
const ok: Answer = { ok: true, value: { ok: true } };

/** A server that answers each PUT from `answers` in turn (then ok), and remembers what it was sent. */
function fakeApi(answers: Answer[] = []) {
  const sent: Array<{ token: string; request: WithdrawalCountsRequest }> = [];
  const api = {
    putWithdrawals: async (token: string, request: WithdrawalCountsRequest) => {
      sent.push({ token, request });
      return answers.shift() ?? ok;
    },
  } as unknown as DeviceApi;
  return { api, sent };
}

const withTotals = async (totals: Record<string, number>): Promise<DeviceStore> => {
  const store = makeDeviceStore(makeTestDatabase());
  await store.setSetting(WITHDRAWALS_KEY, totals);
  return store;
};

describe('uploading withdrawal counts', () => {
  it('sends nothing when nobody withdrew', async () => {
    const { api, sent } = fakeApi();
    expect(await uploadWithdrawals(makeDeviceStore(makeTestDatabase()), api, 'token')).toEqual({ sent: 0, failed: false });
    expect(sent).toEqual([]);
  });

  it('sends each survey and quarter as a running total with the device token', async () => {
    const store = await withTotals({ 'resident-satisfaction|2026-Q4': 3, 'children|2026-Q4': 1, 'resident-satisfaction|2026-Q3': 2 });
    const { api, sent } = fakeApi();
    expect(await uploadWithdrawals(store, api, 'device-token')).toEqual({ sent: 3, failed: false });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.token).toBe('device-token');
    expect(sent[0]!.request.counts).toEqual(expect.arrayContaining([
      { surveyId: 'resident-satisfaction', period: '2026-Q4', count: 3 },
      { surveyId: 'children', period: '2026-Q4', count: 1 },
      { surveyId: 'resident-satisfaction', period: '2026-Q3', count: 2 },
    ]));
  });

  it('sends again only the totals that grew since the server acknowledged them', async () => {
    const store = await withTotals({ 'resident-satisfaction|2026-Q4': 3, 'children|2026-Q4': 1 });
    await uploadWithdrawals(store, fakeApi().api, 'token');
    const quiet = fakeApi();
    await uploadWithdrawals(store, quiet.api, 'token');
    expect(quiet.sent).toEqual([]);

    await store.setSetting(WITHDRAWALS_KEY, { 'resident-satisfaction|2026-Q4': 4, 'children|2026-Q4': 1 });
    const next = fakeApi();
    expect(await uploadWithdrawals(store, next.api, 'token')).toEqual({ sent: 1, failed: false });
    expect(next.sent[0]!.request.counts).toEqual([{ surveyId: 'resident-satisfaction', period: '2026-Q4', count: 4 }]);
  });

  it('keeps totals the server did not take (network, 5xx, 4xx) for the next sync', async () => {
    const store = await withTotals({ 'resident-satisfaction|2026-Q4': 2 });
    for (const failure of [
      { kind: 'network', message: 'offline' },
      { kind: 'http', status: 503, code: 'http_503', message: '' },
      { kind: 'http', status: 400, code: 'invalid_request', message: 'bad' },
    ] as const) {
      const { api, sent } = fakeApi([{ ok: false, failure }]);
      expect(await uploadWithdrawals(store, api, 'token')).toEqual({ sent: 0, failed: true });
      expect(sent).toHaveLength(1);
    }
    const retry = fakeApi();
    expect(await uploadWithdrawals(store, retry.api, 'token')).toEqual({ sent: 1, failed: false });
    expect(retry.sent[0]!.request.counts).toEqual([{ surveyId: 'resident-satisfaction', period: '2026-Q4', count: 2 }]);
  });

  it('never sends a key it cannot read as a survey and a quarter', async () => {
    const store = await withTotals({ 'resident-satisfaction|2026-Q4': 1, 'no-quarter': 5, '|2026-Q4': 2, 'survey|2026-13': 1 });
    const { api, sent } = fakeApi();
    expect(await uploadWithdrawals(store, api, 'token')).toEqual({ sent: 1, failed: false });
    expect(sent[0]!.request.counts).toEqual([{ surveyId: 'resident-satisfaction', period: '2026-Q4', count: 1 }]);
  });

  it('splits more than 500 totals into calls of at most 500, within the request schema', async () => {
    const totals: Record<string, number> = {};
    for (let i = 0; i < 1001; i++) totals[`survey-${i}|2026-Q4`] = 1;
    const store = await withTotals(totals);
    const { api, sent } = fakeApi([ok, { ok: false, failure: { kind: 'network', message: 'offline' } }]);
    expect(await uploadWithdrawals(store, api, 'token')).toEqual({ sent: 500, failed: true });
    expect(sent.map((s) => s.request.counts.length)).toEqual([500, 500]);
    const rest = fakeApi();
    expect(await uploadWithdrawals(store, rest.api, 'token')).toEqual({ sent: 501, failed: false });
    expect(rest.sent.map((s) => s.request.counts.length)).toEqual([500, 1]);
  });
});
