import type { Kysely } from 'kysely';
import { makeUuidV7 } from '../../survey/makeUuidV7.ts';
import type { Database } from '../db/schema.ts';
import { hashPassword } from '../hashPassword.ts';

export const STAFF_ROLES = ['admin', 'analyst', 'designer', 'manager', 'inspector', 'mediator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export async function createStaff(
  db: Kysely<Database>,
  input: { organisationId: string; email: string; password: string; role: StaffRole; facilityIds?: string[] },
  now = new Date(),
) {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error(`"${input.email}" is not an email address`);
  if (!STAFF_ROLES.includes(input.role)) throw new Error(`role must be one of ${STAFF_ROLES.join(', ')}`);
  if (input.password.length < 12) throw new Error('the password must have at least 12 characters');
  const id = makeUuidV7(now.getTime());
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (tx) => {
    if (await tx.selectFrom('staff').select('id').where('email', '=', email).executeTakeFirst()) throw new Error(`a staff account for ${email} exists already`);
    for (const facilityId of input.facilityIds ?? []) {
      const facility = await tx.selectFrom('facilities').select('organisation_id').where('id', '=', facilityId).executeTakeFirst();
      if (facility?.organisation_id !== input.organisationId) throw new Error(`facility ${facilityId} is not one of this organisation's`);
    }
    await tx.insertInto('staff').values({ id, organisation_id: input.organisationId, email, password_hash: passwordHash, role: input.role, created_at: now.toISOString(), disabled_at: null }).execute();
    for (const facilityId of input.facilityIds ?? []) await tx.insertInto('staff_facilities').values({ staff_id: id, facility_id: facilityId }).execute();
  });
  return { id, email, role: input.role };
}
