import * as v from 'valibot';
import type { DeviceStore } from '../device/deviceStore.ts';
import { WITHDRAWALS_KEY } from '../device/enrollmentRecord.ts';
import { WithdrawalCountsRequest } from '../survey/withdrawals.ts';
import type { DeviceApi } from './deviceApi.ts';

/** Totals the server has acknowledged, `{[surveyId|quarter]: count}`: only changed ones are sent again. */
const SENT_KEY = 'withdrawalsSent';
/** The request's own limit on counts per call. */
const BATCH = 500;

type Counts = WithdrawalCountsRequest['counts'];
type Totals = Record<string, number>;

/** The tablet's running totals as wire rows; a key that does not parse is left out, never sent half-read. */
function changedCounts(totals: Totals, sent: Totals): Counts {
  const counts: Counts = [];
  for (const [key, count] of Object.entries(totals)) {
    if (sent[key] === count) continue;
    // Split at the last bar: the quarter never has one.
    const bar = key.lastIndexOf('|');
    const row = { surveyId: key.slice(0, bar), period: key.slice(bar + 1), count };
    if (bar > 0 && v.is(WithdrawalCountsRequest, { counts: [row] })) counts.push(row);
  }
  return counts;
}

/**
 * Sends the running totals of respondents who withdrew (PUT /api/v1/device/withdrawals),
 * only those changed since the server last acknowledged them. Totals, not increments: the
 * server keeps the highest it has seen, so a lost answer and a resend are harmless. Any
 * failure keeps the rest for the next sync; nothing here is ever dropped.
 */
export async function uploadWithdrawals(store: DeviceStore, api: DeviceApi, token: string): Promise<{ sent: number; failed: boolean }> {
  const totals = (await store.getSetting<Totals>(WITHDRAWALS_KEY)) ?? {};
  const acknowledged = (await store.getSetting<Totals>(SENT_KEY)) ?? {};
  const counts = changedCounts(totals, acknowledged);
  let sent = 0;
  for (let start = 0; start < counts.length; start += BATCH) {
    const batch = counts.slice(start, start + BATCH);
    const result = await api.putWithdrawals(token, { counts: batch });
    if (!result.ok) return { sent, failed: true };
    // Read again: another pass may have acknowledged more meanwhile.
    const latest = (await store.getSetting<Totals>(SENT_KEY)) ?? {};
    await store.setSetting(SENT_KEY, { ...latest, ...Object.fromEntries(batch.map((row) => [`${row.surveyId}|${row.period}`, row.count])) });
    sent += batch.length;
  }
  return { sent, failed: false };
}
