// The audit log on each database: entries come back as written, nothing can change them through
// SQL without the chain showing where, and writers at the same moment still make one chain.
import { sql, type Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { migrateToLatest } from '../../../src/adapters/db/migrate.ts';
import { setScope } from '../../../src/adapters/db/school-scope.ts';
import { schoolStore } from '../../../src/adapters/db/store.ts';
import { unitsOfWork } from '../../../src/adapters/db/units-of-work.ts';
import type { AuditQuery, UnitsOfWork } from '../../../src/services/ports.ts';
import type { Tables } from '../../../src/adapters/db/tables.ts';
import type { AuditEntry, NewAuditEntry } from '../../../src/domain/audit/index.ts';
import type { NewSchool } from '../../../src/domain/community/school.ts';
import { createAuditService } from '../../../src/services/audit.ts';
import { describeEachBackend } from '../../support/backends.ts';
import { useDatabase } from '../../support/fixtures.ts';

const school = (slug: string, urn: string): NewSchool => ({
  name: `School ${slug}`,
  slug,
  urn,
  phase: 'primary',
  address: { line1: '1 Example Road', town: 'Exampleton', postcode: 'EX1 2AB' },
  contactEmail: `office@${slug}.example.org`,
  day: { starts: '08:45', ends: '15:15' },
});

const actor = '0b7e4f6a-1c2d-4e3f-9a8b-7c6d5e4f3a2b';
const otherActor = '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a';

describeEachBackend('The audit log', (backend) => {
  const database = useDatabase(backend);
  const db = (): Kysely<Tables> => database().db;
  let units: UnitsOfWork;
  let audit: ReturnType<typeof createAuditService>;
  let organisationId = '';
  let urn = 900200;

  beforeAll(async () => {
    await migrateToLatest(db());
    // As the app does: every unit scoped to its school for row-level security.
    units = unitsOfWork(db());
    audit = createAuditService({ units });
    organisationId = (
      await units.acrossSchools((store) => store.schools.addOrganisation({ name: 'Audit Trust', kind: 'trust' }))
    ).id;
  });

  /** Each in a unit of its own, scoped to the entry's school. */
  const append = (entry: NewAuditEntry) => units.inSchool(entry.schoolId, (store) => store.audit.append(entry));
  const list = (schoolId: string, query: AuditQuery) => units.inSchool(schoolId, (store) => store.audit.list(query));

  /** A new school with `count` entries in its chain, one a minute from 09:00. */
  async function schoolWithEntries(slug: string, count: number): Promise<{ id: string; entries: AuditEntry[] }> {
    urn += 1;
    const { id } = await units.acrossSchools((store) =>
      store.schools.addSchool(organisationId, school(slug, String(urn))),
    );
    const entries: AuditEntry[] = [];
    for (let i = 0; i < count; i += 1) {
      entries.push(
        await append({
          schoolId: id,
          at: new Date(Date.UTC(2026, 8, 1, 9, i, 0, 5)),
          actorPersonId: i % 3 === 0 ? null : i % 2 === 0 ? actor : otherActor,
          action: i % 3 === 0 ? 'sign_in_failed' : 'record_read',
          ...(i % 3 === 0 ? {} : { subject: { kind: 'incident', id: String(100 + i) } }),
          details: { n: i, roles: ['dsl'], role: 'staff' },
        }),
      );
    }
    return { id, entries };
  }

  /** Changes the log as someone with the table owner's rights could, the triggers off meanwhile. */
  async function tamper(change: (trx: Kysely<Tables>) => Promise<unknown>): Promise<void> {
    await db()
      .transaction()
      .execute(async (trx) => {
        await setScope(trx, 'all_schools');
        await sql`alter table audit_entry disable trigger audit_entry_append_only`.execute(trx);
        await change(trx);
        await sql`alter table audit_entry enable trigger audit_entry_append_only`.execute(trx);
      });
  }

  /** One statement as the tables' owner, looking across schools as a backup would. */
  const asOwner = (statement: ReturnType<typeof sql>) =>
    db()
      .transaction()
      .execute(async (trx) => {
        await setScope(trx, 'all_schools');
        return statement.execute(trx);
      });

  const verdictOf = async (slug: string) => (await audit.verify(slug))[0]?.verdict;

  it('numbers entries from 1, and gives them back as written, newest first, filtered and paged', async () => {
    const { id, entries } = await schoolWithEntries('written', 7);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(entries[1]?.previousHash).toBe(entries[0]?.hash);

    const all = await list(id, { limit: 50, offset: 0 });
    expect(all.total).toBe(7);
    expect(all.items).toEqual([...entries].reverse());
    expect(all.items[1]).toEqual({
      schoolId: id,
      seq: 6,
      at: new Date('2026-09-01T09:05:00.005Z'),
      actorPersonId: otherActor,
      action: 'record_read',
      subject: { kind: 'incident', id: '105' },
      details: { n: 5, roles: ['dsl'], role: 'staff' },
      previousHash: entries[4]?.hash,
      hash: entries[5]?.hash,
    });
    expect(all.items[0]).toMatchObject({ seq: 7, actorPersonId: null, action: 'sign_in_failed' });
    expect(all.items[0]).not.toHaveProperty('subject');

    const failed = await list(id, { action: 'sign_in_failed', limit: 50, offset: 0 });
    expect(failed.items.map((e) => e.seq)).toEqual([7, 4, 1]);
    const byActor = await list(id, { actorPersonId: otherActor, limit: 50, offset: 0 });
    expect(byActor.items.map((e) => e.seq)).toEqual([6, 2]);
    const window = await list(id, {
      from: new Date('2026-09-01T09:02:00.005Z'),
      to: new Date('2026-09-01T09:05:00.005Z'),
      limit: 2,
      offset: 1,
    });
    expect([window.total, window.items.map((e) => e.seq)]).toEqual([3, [4, 3]]);
    expect((await list(id, { action: 'role_changed', limit: 50, offset: 0 })).total).toBe(0);
  });

  it('reads a chain in batches, in number order, with its head', async () => {
    const { id, entries } = await schoolWithEntries('batches', 5);
    const { head, sizes, seqs } = await units.inSchool(id, (school) =>
      school.audit.readChain(async (chain) => {
        const read: AuditEntry[][] = [];
        for await (const batch of chain.batches(2)) read.push([...batch]);
        return { head: chain.head, sizes: read.map((b) => b.length), seqs: read.flat().map((e) => e.seq) };
      }),
    );
    expect(head).toEqual({ seq: 5, hash: entries[4]?.hash });
    expect(sizes).toEqual([2, 2, 1]);
    expect(seqs).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses to change, delete or empty the log, or to move a head back', async () => {
    const { id } = await schoolWithEntries('refusing', 2);
    await expect(asOwner(sql`update audit_entry set action = 'sign_in' where school_id = ${id}`)).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(asOwner(sql`delete from audit_entry where school_id = ${id} and seq = 2`)).rejects.toThrow(
      /append-only: DELETE/,
    );
    await expect(asOwner(sql`truncate audit_entry`)).rejects.toThrow(/append-only: TRUNCATE/);
    await expect(asOwner(sql`update audit_chain set seq = 1 where school_id = ${id}`)).rejects.toThrow(
      /only move forward/,
    );
    await expect(asOwner(sql`delete from audit_chain where school_id = ${id}`)).rejects.toThrow(/kept for good/);
    expect(await verdictOf('refusing')).toEqual({ ok: true, entries: 2 });
  });

  it('writes an entry only with the action it records: a rolled-back transaction leaves no trace', async () => {
    const { id } = await schoolWithEntries('rolled-back', 1);
    const entry: NewAuditEntry = { schoolId: id, at: new Date(), actorPersonId: actor, action: 'role_changed' };
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await setScope(trx, { schoolId: id });
          await schoolStore(trx, id).audit.append(entry);
          throw new Error('the role change failed');
        }),
    ).rejects.toThrow('the role change failed');
    expect((await list(id, { limit: 10, offset: 0 })).total).toBe(1);
    expect((await append(entry)).seq).toBe(2);
    expect(await verdictOf('rolled-back')).toEqual({ ok: true, entries: 2 });
  });

  it('refuses an entry that would carry an email address', async () => {
    const { id } = await schoolWithEntries('no-addresses', 0);
    await expect(
      append({
        schoolId: id,
        at: new Date(),
        actorPersonId: null,
        action: 'sign_in_failed',
        details: { typed: 'someone@example.org' },
      }),
    ).rejects.toThrow(/looks like an email address/);
  });

  it('names the entry whose details were altered', async () => {
    await schoolWithEntries('altered', 5);
    const { id } = (await units.acrossSchools((store) => store.schools.findBySlug('altered')))!;
    await tamper((trx) =>
      sql`update audit_entry set details = jsonb_set(details, '{role}', '"governor"') where school_id = ${id} and seq = 3`.execute(
        trx,
      ),
    );
    expect(await verdictOf('altered')).toEqual({ ok: false, seq: 3, problem: 'altered' });
  });

  it('names an entry removed from the middle, and one removed from the end', async () => {
    const middle = await schoolWithEntries('middle-removed', 5);
    const last = await schoolWithEntries('last-removed', 5);
    await tamper(async (trx) => {
      await sql`delete from audit_entry where school_id = ${middle.id} and seq = 3`.execute(trx);
      await sql`delete from audit_entry where school_id = ${last.id} and seq = 5`.execute(trx);
    });
    expect(await verdictOf('middle-removed')).toEqual({ ok: false, seq: 3, problem: 'removed' });
    expect(await verdictOf('last-removed')).toEqual({ ok: false, seq: 5, problem: 'removed' });
  });

  it('names the first of two entries that were swapped', async () => {
    const { id } = await schoolWithEntries('swapped', 6);
    await tamper(async (trx) => {
      for (const [from, to] of [
        [2, -2],
        [5, 2],
        [-2, 5],
      ] as const) {
        await sql`update audit_entry set seq = ${to} where school_id = ${id} and seq = ${from}`.execute(trx);
      }
    });
    expect(await verdictOf('swapped')).toEqual({ ok: false, seq: 2, problem: 'reordered' });
  });

  it('checks every school at once, each against its own chain', async () => {
    const reports = await audit.verify();
    const bySlug = new Map(reports.map((r) => [r.school.slug, r.verdict]));
    expect(bySlug.get('written')).toEqual({ ok: true, entries: 7 });
    expect(bySlug.get('no-addresses')).toEqual({ ok: true, entries: 0 });
    expect(bySlug.get('altered')).toEqual({ ok: false, seq: 3, problem: 'altered' });
    expect(bySlug.get('swapped')).toEqual({ ok: false, seq: 2, problem: 'reordered' });
    expect(reports.map((r) => r.school.name)).toEqual([...reports.map((r) => r.school.name)].sort());
    await expect(audit.verify('nowhere')).rejects.toThrow('There is no school "nowhere"');
  });

  // Only a server runs transactions side by side; the embedded database serves one at a time.
  if (backend.name === 'postgres')
    it('gives writers in concurrent transactions consecutive numbers and one unbroken chain', async () => {
      const { id } = await schoolWithEntries('concurrent', 0);
      const writers = 10; // the pool's size: every writer holds a connection at the same time
      const written: number[] = [];
      for (let round = 0; round < 5; round += 1) {
        const allStarted = Promise.withResolvers<void>();
        let started = 0;
        const appends = Array.from({ length: writers }, (_, i) =>
          db()
            .transaction()
            .execute(async (trx) => {
              await setScope(trx, { schoolId: id });
              started += 1;
              if (started === writers) allStarted.resolve();
              await allStarted.promise;
              const entry = await schoolStore(trx, id).audit.append({
                schoolId: id,
                at: new Date(),
                actorPersonId: actor,
                action: 'record_read',
                subject: { kind: 'incident', id: `${round}-${i}` },
              });
              return entry.seq;
            }),
        );
        written.push(...(await Promise.all(appends)));
      }
      expect(written.toSorted((a, b) => a - b)).toEqual(Array.from({ length: 5 * writers }, (_, i) => i + 1));
      expect(await verdictOf('concurrent')).toEqual({ ok: true, entries: 5 * writers });
    });

  if (backend.name === 'postgres')
    it('checks a chain as it stood when the check began', async () => {
      const { id } = await schoolWithEntries('snapshot', 3);
      const verdict = await units.inSchool(
        id,
        (school) =>
          school.audit.readChain(async (chain) => {
            const head = chain.head;
            // Written by another connection while the check is reading: not part of what it reads.
            await append({ schoolId: id, at: new Date(), actorPersonId: null, action: 'signed_out' });
            const seqs: number[] = [];
            for await (const batch of chain.batches(10)) seqs.push(...batch.map((e) => e.seq));
            return { head: head.seq, seqs };
          }),
        { snapshot: true },
      );
      expect(verdict).toEqual({ head: 3, seqs: [1, 2, 3] });
      expect(await verdictOf('snapshot')).toEqual({ ok: true, entries: 4 });
    });
});
