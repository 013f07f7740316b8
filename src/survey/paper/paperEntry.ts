/**
 * A transcribed paper sheet on the wire (POST /paper/entries, and the rows of an import
 * once read): who keyed it is the signed-in staff member, never a field; the facility is
 * checked against the caller's; the response id is derived from facility, survey and serial.
 */
import * as v from 'valibot';

const AnswerValueSchema = v.union([v.boolean(), v.number(), v.pipe(v.string(), v.maxLength(5000)), v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(200))]);
const QuestionId = v.pipe(v.string(), v.maxLength(200));

export const PaperEntry = v.strictObject({
  /** Made where it was keyed (UUID v7): a retried upload is recognised as the same entry. */
  entryId: v.pipe(v.string(), v.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'must be a UUID v7')),
  facilityId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  surveyId: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]{1,62}$/)),
  surveyVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  language: v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)),
  serial: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(999_999_999)),
  /** The day the sheet was filled in (the visit), in the facility's time zone: reports count it then. */
  filledOn: v.pipe(v.string(), v.isoDate('must be a date such as 2026-11-24')),
  answers: v.pipe(v.record(QuestionId, AnswerValueSchema), v.check((a) => Object.keys(a).length <= 2000, 'has too many answers')),
  /** Questions whose mark could not be read: not answers, but not "left blank" either. */
  unreadable: v.pipe(v.array(QuestionId), v.maxLength(2000)),
  /** When keying finished, on the keyer's clock (kept as meta, never trusted for reports). */
  keyedAt: v.pipe(v.string(), v.isoTimestamp()),
});
export type PaperEntry = v.InferOutput<typeof PaperEntry>;

export const PaperEntriesRequest = v.strictObject({ entries: v.pipe(v.array(v.unknown()), v.minLength(1), v.maxLength(200)) });

/**
 * What became of one entry, in order:
 * - accepted: the sheet is now a response (single entry, or the second entry matched the first);
 * - duplicate: this entry, or the same sheet with the same answers, was already received;
 * - awaiting-second-entry: double entry is on and this was the first keying;
 * - mismatch: the second keying differs from the first; listed under GET /paper/mismatches;
 * - rejected: with a code and a message (serial_used, unknown_serial, wrong_facility, same_keyer, answers_invalid, ...).
 */
export type PaperEntryResult =
  | { entryId: string | null; status: 'accepted' | 'duplicate' | 'awaiting-second-entry'; responseId: string }
  | { entryId: string | null; status: 'mismatch'; responseId: string; mismatchId: string }
  | { entryId: string | null; status: 'rejected'; error: { code: string; message: string } };
