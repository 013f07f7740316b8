import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { PIN_KDF, StaffPinVerifier, hashTabletPin } from '../../survey/staffPins.ts';
import type { Database } from '../db/schema.ts';
import { FACILITY_PIN_ROLES, ORGANISATION_WIDE_PIN_ROLES, tabletPinUses } from '../tabletPins/tabletPinUses.ts';
import type { StaffRole } from './staff.ts';

/** The schema's floor (StaffPinVerifier.iterations): a test may go down to it, never below. */
export const MIN_PIN_ITERATIONS = 100_000;

const StoredVerifier = v.strictObject({ salt: v.string(), hash: v.string(), iterations: v.number() });

/** What a staff member sees of their own PIN. */
export interface TabletPinState {
  number: number | null;
  setAt: string | null;
  uses: ReturnType<typeof tabletPinUses>;
}

export async function readTabletPin(db: Kysely<Database>, staffId: string): Promise<TabletPinState | undefined> {
  const row = await db.selectFrom('staff').select(['role', 'tablet_number', 'pin_set_at', 'pin_verifier']).where('id', '=', staffId).executeTakeFirst();
  if (!row) return undefined;
  return {
    number: row.tablet_number === null ? null : Number(row.tablet_number),
    setAt: row.pin_verifier === null ? null : row.pin_set_at,
    uses: tabletPinUses(row.role as StaffRole),
  };
}

/** The smallest positive integer no other account of the organisation has. */
function smallestUnused(taken: number[]): number {
  let candidate = 1;
  for (const n of [...taken].sort((a, b) => a - b)) {
    if (n === candidate) candidate += 1;
    else if (n > candidate) break;
  }
  return candidate;
}

const isUniqueViolation = (error: unknown) => /unique|duplicate key/i.test(String((error as Error)?.message ?? error));

/**
 * Stores a new PIN's verifier. The first PIN gives the account its tablet number (the
 * smallest free one in the organisation) and its opaque reference; later PINs, and
 * removing one, keep both, so older responses still map to the person. Two first PINs at
 * once may pick the same number: the unique index refuses one, which tries again.
 */
export async function setTabletPin(db: Kysely<Database>, input: { staffId: string; pin: string; iterations?: number }, now = new Date()): Promise<void> {
  const iterations = Math.max(MIN_PIN_ITERATIONS, input.iterations ?? PIN_KDF.iterations);
  // The slow part (PBKDF2), outside any transaction.
  const verifier = JSON.stringify(await hashTabletPin(input.pin, iterations));
  for (let attempt = 0; ; attempt++) {
    try {
      await db.transaction().execute(async (tx) => {
        const staff = await tx.selectFrom('staff').select(['organisation_id', 'tablet_number', 'tablet_ref']).where('id', '=', input.staffId).executeTakeFirstOrThrow();
        const set: Partial<Pick<Database['staff'], 'tablet_number' | 'tablet_ref' | 'pin_verifier' | 'pin_set_at'>> = { pin_verifier: verifier, pin_set_at: now.toISOString() };
        if (staff.tablet_number === null) {
          const taken = await tx.selectFrom('staff').select('tablet_number').where('organisation_id', '=', staff.organisation_id).where('tablet_number', 'is not', null).execute();
          set.tablet_number = smallestUnused(taken.map((r) => Number(r.tablet_number)));
        }
        if (staff.tablet_ref === null) set.tablet_ref = `sr_${randomBytes(16).toString('base64url')}`;
        await tx.updateTable('staff').set(set).where('id', '=', input.staffId).execute();
      });
      return;
    } catch (error) {
      if (attempt >= 4 || !isUniqueViolation(error)) throw error;
    }
  }
}

/** Removes the verifier; the number and reference stay. */
export async function removeTabletPin(db: Kysely<Database>, staffId: string): Promise<void> {
  await db.updateTable('staff').set({ pin_verifier: null, pin_set_at: null }).where('id', '=', staffId).execute();
}

/**
 * The verifiers a facility's tablets get in their bundle: accounts of the organisation, not
 * disabled, with a PIN that unlocks something, org-wide roles everywhere and the others at
 * their assigned facilities only; by tablet number. No email, no account id.
 */
export async function facilityPinVerifiers(db: Kysely<Database>, input: { organisationId: string; facilityId: string }): Promise<StaffPinVerifier[]> {
  const rows = await db.selectFrom('staff')
    .select(['tablet_number', 'tablet_ref', 'role', 'pin_verifier'])
    .where('organisation_id', '=', input.organisationId)
    .where('disabled_at', 'is', null)
    .where('pin_verifier', 'is not', null)
    .where('tablet_number', 'is not', null)
    .where('tablet_ref', 'is not', null)
    .where((eb) => eb.or([
      eb('role', 'in', [...ORGANISATION_WIDE_PIN_ROLES]),
      eb.and([
        eb('role', 'in', [...FACILITY_PIN_ROLES]),
        eb.exists(eb.selectFrom('staff_facilities').select('staff_facilities.staff_id')
          .whereRef('staff_facilities.staff_id', '=', 'staff.id').where('staff_facilities.facility_id', '=', input.facilityId)),
      ]),
    ]))
    .orderBy('tablet_number')
    .execute();
  const verifiers: StaffPinVerifier[] = [];
  for (const row of rows) {
    const uses = tabletPinUses(row.role as StaffRole);
    const stored = v.safeParse(StoredVerifier, JSON.parse(row.pin_verifier!));
    if (uses.length === 0 || !stored.success) continue;
    const verifier = v.safeParse(StaffPinVerifier, { number: Number(row.tablet_number), ref: row.tablet_ref, role: row.role, uses, ...stored.output });
    // A row the schema refuses would make tablets refuse the whole bundle: left out instead.
    if (verifier.success) verifiers.push(verifier.output);
  }
  return verifiers;
}
