import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Who assisted a response, for accountability on the server only: the reference the tablet
 * sent and, when an account has it, that account's email and role. Undefined when the
 * response was not assisted with a reference (or does not exist).
 */
export async function whoAssisted(db: Kysely<Database>, responseId: string) {
  const row = await db.selectFrom('response_assistants')
    .leftJoin('staff', (join) => join.onRef('staff.id', '=', 'response_assistants.staff_id'))
    .select(['response_assistants.staff_ref', 'response_assistants.received_at', 'staff.email', 'staff.role', 'staff.disabled_at'])
    .where('response_assistants.response_id', '=', responseId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { staffRef: row.staff_ref, receivedAt: row.received_at, email: row.email ?? null, role: row.role ?? null, disabled: row.disabled_at != null };
}
