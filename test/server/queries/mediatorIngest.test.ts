import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../src/server/db/createDatabase.ts';
import { quarterOfDay } from '../../../src/survey/periods.ts';
import { call } from '../auth/staffClient.ts';
import { assistance, mediationWorld, plainResponse, sealedResponse, sync, type MediationWorld, type Member } from '../mediation/support/mediationWorld.ts';
import { testDatabaseKinds } from '../support/testDatabases.ts';
import { publishSurveyVersion } from '../../../src/server/queries/surveyVersions.ts';
import { CHILDREN } from '../mediation/support/mediationWorld.ts';

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

for (const kind of testDatabaseKinds()) {
  describe(`assisted responses at ingest on ${kind.name}`, () => {
    let database: DatabaseHandle;
    let dispose: () => Promise<void>;
    let world: MediationWorld;
    let mediator: Member;
    let staffRef: string;

    beforeAll(async () => {
      ({ handle: database, dispose } = await kind.open());
      world = await mediationWorld(database.db);
      mediator = await world.member('mediator', [world.A]);
      await world.pin(mediator, '192837');
      staffRef = await world.refOf(mediator);
    }, 60_000);
    afterAll(() => dispose?.());

    const stored = (id: string) => database.db.selectFrom('responses').selectAll().where('id', '=', id).executeTakeFirst();
    const quarantined = (id: string) => database.db.selectFrom('quarantine').select(['reason', 'payload']).where('response_id', '=', id).executeTakeFirst();

    it('rejects a response whose mode and assistance disagree, or a note without a mediator, as invalid_assistance, and keeps the rest of the batch', async () => {
      const good = await plainResponse(world.deviceA);
      const assistedAlone = await plainResponse(world.deviceA, { mode: 'assisted' });
      const selfHelped = await plainResponse(world.deviceA, { mode: 'self', assistance: assistance() });
      const selfNote = await plainResponse(world.deviceA, { mode: 'self', mediatorNotes: { text: 'Seemed tired' } });
      const results = await sync(world.app, world.deviceA, [assistedAlone, good, selfHelped, selfNote]);
      expect(results.map((r) => r.error?.code ?? r.status)).toEqual(['invalid_assistance', 'accepted', 'invalid_assistance', 'invalid_assistance']);
      for (const bad of [assistedAlone, selfHelped, selfNote]) {
        expect(await stored(bad.id)).toBeUndefined();
        expect((await quarantined(bad.id))?.reason).toMatch(/^invalid_assistance: /);
      }
    });

    it('refuses the children\'s survey answered alone (mediator_required), and takes it with a mediator', async () => {
      const alone = await plainResponse(world.deviceA, { surveyId: 'mini-children' });
      const helped = await plainResponse(world.deviceA, { surveyId: 'mini-children', mode: 'assisted', assistance: assistance({ staffRef }) });
      const results = await sync(world.app, world.deviceA, [alone, helped]);
      expect(results.map((r) => r.error?.code ?? r.status)).toEqual(['mediator_required', 'accepted']);
      expect((await quarantined(alone.id))?.reason).toMatch(/^mediator_required: /);
    });

    it('refuses an inspectors\' survey from a tablet (inspectors_only): it comes in on paper only', async () => {
      await publishSurveyVersion(database.db, { organisationId: world.organisationId, definition: { ...CHILDREN, id: 'mini-visit', requiresMediator: undefined, audience: 'inspectors' } });
      const fromTablet = await plainResponse(world.deviceA, { surveyId: 'mini-visit' });
      expect((await sync(world.app, world.deviceA, [fromTablet])).map((r) => r.error?.code ?? r.status)).toEqual(['inspectors_only']);
      expect(await stored(fromTablet.id)).toBeUndefined();
    });

    it('keeps the staff reference out of the response: who assisted is written apart, mapped to the account', async () => {
      const helped = await plainResponse(world.deviceA, { mode: 'assisted', assistance: assistance({ staffRef, mediatorLanguage: 'fr' }) });
      const unknownRef = await plainResponse(world.deviceA, { mode: 'assisted', assistance: assistance({ staffRef: 'sr_AAAAAAAAAAAAAAAAAAAAAA', role: 'peer' }) });
      const noRef = await plainResponse(world.deviceA, { mode: 'assisted', assistance: assistance({ role: 'other' }) });
      expect((await sync(world.app, world.deviceA, [helped, unknownRef, noRef])).map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
      const row = await stored(helped.id);
      expect(JSON.parse(row!.assistance!)).toEqual({ role: 'interpreter', kinds: ['read-aloud', 'translated'], questions: ['room.score'], mediatorLanguage: 'fr' });
      const assistants = await database.db.selectFrom('response_assistants').selectAll().where('response_id', 'in', [helped.id, unknownRef.id, noRef.id]).execute();
      expect(assistants.map((a) => [a.response_id, a.staff_ref, a.staff_id, a.organisation_id]).sort()).toEqual([
        [helped.id, staffRef, mediator.id, world.organisationId], [unknownRef.id, 'sr_AAAAAAAAAAAAAAAAAAAAAA', null, world.organisationId],
      ].sort());
      const everything = JSON.stringify(await database.db.selectFrom('responses').selectAll().execute());
      expect(everything).not.toContain(staffRef);
      expect(everything).not.toContain('sr_AAAA');
      // Sent again: a duplicate, and still one row of who assisted.
      expect((await sync(world.app, world.deviceA, [helped])).map((r) => r.status)).toEqual(['duplicate']);
      expect((await database.db.selectFrom('response_assistants').select('response_id').where('response_id', '=', helped.id).execute()).length).toBe(1);
    });

    it('does not take another organisation\'s account for the reference', async () => {
      const helped = await plainResponse(world.deviceOther, { mode: 'assisted', assistance: assistance({ staffRef }) });
      expect((await sync(world.app, world.deviceOther, [helped])).map((r) => r.status)).toEqual(['accepted']);
      const row = await database.db.selectFrom('response_assistants').selectAll().where('response_id', '=', helped.id).executeTakeFirstOrThrow();
      expect([row.staff_id, row.organisation_id]).toEqual([null, world.otherOrganisationId]);
    });

    it('opens a sealed mediator note and stores it apart: not in the answers, not in the per-response export', async () => {
      const note = 'Résident fatigué; interprète arabe — يحتاج إلى طبيب';
      const response = await sealedResponse(world.app, world.deviceA, { mode: 'assisted', assistance: assistance({ staffRef }) }, { text: note });
      expect((await sync(world.app, world.deviceA, [response])).map((r) => r.error?.code ?? r.status)).toEqual(['accepted']);
      const row = await database.db.selectFrom('mediator_notes').selectAll().where('response_id', '=', response.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ text: note, facility_id: world.A, survey_id: 'mini', organisation_id: world.organisationId, period: quarterOfDay(today()) });
      expect(row.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      const stored = (await database.db.selectFrom('responses').select(['answers', 'assistance', 'meta']).where('id', '=', response.id).executeTakeFirstOrThrow());
      expect(JSON.stringify(stored)).not.toContain('fatigué');
      expect(JSON.parse(stored.answers)).toEqual({ 'room.satisfied': true, 'room.score': 7, overall: 4 });

      const exported = await call(world.app, world.admin.session, 'GET', `/exports/responses.csv?survey=mini&period=${quarterOfDay(today())}&lang=en`);
      expect(exported.status).toBe(200);
      const csv = await exported.text();
      expect(csv).toContain('assisted');
      for (const secret of ['fatigué', 'Résident', staffRef, mediator.email, response.id]) expect(csv).not.toContain(secret);
      const xlsx = await call(world.app, world.admin.session, 'GET', `/exports/responses.xlsx?survey=mini&period=${quarterOfDay(today())}&lang=en`);
      expect(Buffer.from(await xlsx.arrayBuffer()).includes(Buffer.from(staffRef))).toBe(false);
    });

    it('takes a plain note from a tablet with no key, and stores it apart the same', async () => {
      const response = await plainResponse(world.deviceA, { mode: 'assisted', assistance: assistance(), mediatorNotes: { text: 'Needed breaks' } });
      expect((await sync(world.app, world.deviceA, [response])).map((r) => r.status)).toEqual(['accepted']);
      expect((await database.db.selectFrom('mediator_notes').select('text').where('response_id', '=', response.id).executeTakeFirstOrThrow()).text).toBe('Needed breaks');
      expect((await stored(response.id))!.answers).not.toContain('Needed breaks');
    });

    it('rejects a note that does not open as invalid_notes and quarantines the response whole', async () => {
      // Sealed for another response (its AAD), sealed with no sealed answers to give the key, and a tampered ciphertext.
      const moved = await sealedResponse(world.app, world.deviceA, { mode: 'assisted', assistance: assistance() }, { text: 'moved', aad: 'sayso/another-response/mediator-notes' });
      const sealedElsewhere = await sealedResponse(world.app, world.deviceA, { mode: 'assisted', assistance: assistance() }, { text: 'keyless' });
      const keyless = await plainResponse(world.deviceA, { mode: 'assisted', assistance: assistance(), mediatorNotes: sealedElsewhere.mediatorNotes! });
      const honest = await sealedResponse(world.app, world.deviceA, { mode: 'assisted', assistance: assistance() }, { text: 'tampered' });
      const notes = honest.mediatorNotes as { sealed: { iv: string; ct: string } };
      const flipped = `${notes.sealed.ct[0] === 'A' ? 'B' : 'A'}${notes.sealed.ct.slice(1)}`;
      const { signedResponse } = await import('../support/signedResponse.ts');
      const { mac: _mac, ...unsigned } = honest;
      const tampered = await signedResponse(world.deviceA, { ...unsigned, mediatorNotes: { sealed: { iv: notes.sealed.iv, ct: flipped } } } as never);
      const results = await sync(world.app, world.deviceA, [moved, keyless, tampered]);
      expect(results.map((r) => r.error?.code ?? r.status)).toEqual(['invalid_notes', 'invalid_notes', 'invalid_notes']);
      for (const bad of [moved, keyless, tampered]) {
        expect(await stored(bad.id)).toBeUndefined();
        const q = await quarantined(bad.id);
        expect(q?.reason).toMatch(/^invalid_notes: /);
        expect(JSON.parse(q!.payload).id).toBe(bad.id);
        expect(await database.db.selectFrom('mediator_notes').select('id').where('response_id', '=', bad.id).executeTakeFirst()).toBeUndefined();
      }
    });

    it('counts an assisted response\'s help in report cells, under all responses only', async () => {
      const response = await plainResponse(world.deviceB, { mode: 'assisted', assistance: assistance({ role: 'social-worker', kinds: ['explained', 'explained'], questions: ['room.score', 'overall', 'no.such.question'], staffRef }) });
      expect((await sync(world.app, world.deviceB, [response])).map((r) => r.status)).toEqual(['accepted']);
      const cells = await database.db.selectFrom('report_cells').select(['dimension', 'question_id', 'answer_value', 'count'])
        .where('facility_id', '=', world.B).where('question_id', 'in', ['_assistance', '_assistant', '_helped']).execute();
      expect(cells.map((c) => `${c.dimension}|${c.question_id}=${c.answer_value}:${Number(c.count)}`).sort()).toEqual([
        '|_assistance=explained:1', '|_assistant=social-worker:1', '|_helped=overall:1', '|_helped=room.score:1',
      ]);
    });
  });
}
