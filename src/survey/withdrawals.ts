import * as v from 'valibot';
import { isQuarterId } from './periods.ts';

/**
 * Withdrawals on the wire (PUT /api/v1/device/withdrawals): each tablet's running total per
 * survey and quarter. Totals, not increments, so a resend changes nothing; the server
 * keeps the highest it has seen.
 */
export const WithdrawalCountsRequest = v.strictObject({
  counts: v.pipe(
    v.array(
      v.strictObject({
        surveyId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
        period: v.pipe(v.string(), v.check(isQuarterId, 'must be a quarter such as 2026-Q4')),
        count: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000)),
      }),
    ),
    v.maxLength(500),
  ),
});
export type WithdrawalCountsRequest = v.InferOutput<typeof WithdrawalCountsRequest>;
