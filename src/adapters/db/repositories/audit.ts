// Each school's audit log. Appending locks the school's chain head row, so that two requests
// writing at once still get consecutive numbers and one unbroken chain.
import type { Kysely, Selectable } from 'kysely';
import {
  chainStart,
  newAuditEntryProblem,
  sealAuditEntry,
  type AuditAction,
  type AuditDetails,
  type AuditEntry,
  type ChainHead,
  type NewAuditEntry,
} from '../../../domain/audit/index.ts';
import type { AuditChainReading, AuditQuery, Page } from '../../../services/ports.ts';
import { sha256Hex } from '../../crypto/hash.ts';
import type { AuditEntryTable, Tables } from '../tables.ts';

function toAuditEntry(row: Selectable<AuditEntryTable>): AuditEntry {
  const entry: AuditEntry = {
    schoolId: row.school_id,
    seq: row.seq,
    at: row.at,
    actorPersonId: row.actor_person_id,
    action: row.action as AuditAction,
    details: row.details as AuditDetails,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
  if (row.subject_kind !== null && row.subject_id !== null)
    entry.subject = { kind: row.subject_kind, id: row.subject_id };
  return entry;
}

async function lockedHead(db: Kysely<Tables>, schoolId: string): Promise<ChainHead | undefined> {
  return db
    .selectFrom('audit_chain')
    .select(['seq', 'hash'])
    .where('school_id', '=', schoolId)
    .forUpdate()
    .executeTakeFirst();
}

/** Keyset pages through the chain: each batch starts after the last number of the one before. */
async function* chainBatches(db: Kysely<Tables>, schoolId: string, size: number): AsyncGenerator<AuditEntry[]> {
  let after: number | undefined;
  for (;;) {
    let selection = db.selectFrom('audit_entry').selectAll().where('school_id', '=', schoolId);
    if (after !== undefined) selection = selection.where('seq', '>', after);
    const rows = await selection.orderBy('seq').limit(size).execute();
    if (rows.length > 0) yield rows.map(toAuditEntry);
    const last = rows.at(-1);
    if (rows.length < size || last === undefined) return;
    after = last.seq;
  }
}

/** One school's audit, in the unit of work's transaction. */
export function auditInSchool(db: Kysely<Tables>, schoolId: string) {
  return {
    async append(entry: NewAuditEntry): Promise<AuditEntry> {
      const problem = newAuditEntryProblem(entry);
      if (problem) throw new Error(`This audit entry cannot be written: ${problem}.`);
      // The head stays locked until the unit of work's transaction ends.
      let head = await lockedHead(db, entry.schoolId);
      if (!head) {
        // A school's first entry: two writers may both get here; the second waits, then finds the head.
        await db
          .insertInto('audit_chain')
          .values({ school_id: entry.schoolId, seq: chainStart.seq, hash: chainStart.hash })
          .onConflict((oc) => oc.column('school_id').doNothing())
          .execute();
        head = await lockedHead(db, entry.schoolId);
      }
      const sealed = sealAuditEntry(entry, head ?? chainStart, sha256Hex);
      await db
        .insertInto('audit_entry')
        .values({
          school_id: sealed.schoolId,
          seq: sealed.seq,
          at: sealed.at,
          actor_person_id: sealed.actorPersonId,
          action: sealed.action,
          subject_kind: sealed.subject?.kind ?? null,
          subject_id: sealed.subject?.id ?? null,
          details: JSON.stringify(sealed.details),
          previous_hash: sealed.previousHash,
          hash: sealed.hash,
        })
        .execute();
      await db
        .updateTable('audit_chain')
        .set({ seq: sealed.seq, hash: sealed.hash })
        .where('school_id', '=', sealed.schoolId)
        .execute();
      return sealed;
    },

    async list(query: AuditQuery): Promise<Page<AuditEntry>> {
      let selection = db.selectFrom('audit_entry').where('school_id', '=', schoolId);
      if (query.action) selection = selection.where('action', '=', query.action);
      if (query.actorPersonId) selection = selection.where('actor_person_id', '=', query.actorPersonId);
      if (query.from) selection = selection.where('at', '>=', query.from);
      if (query.to) selection = selection.where('at', '<', query.to);
      const [{ total }, rows] = await Promise.all([
        selection.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
        selection
          .selectAll()
          .orderBy('at', 'desc')
          .orderBy('seq', 'desc')
          .limit(query.limit)
          .offset(query.offset)
          .execute(),
      ]);
      return { items: rows.map(toAuditEntry), total };
    },

    /**
     * Reads the head and then every batch. In a unit of work opened as a snapshot, entries appended
     * meanwhile neither show as extra nor hide a missing one.
     */
    async readChain<T>(read: (chain: AuditChainReading) => Promise<T>): Promise<T> {
      const head = await db
        .selectFrom('audit_chain')
        .select(['seq', 'hash'])
        .where('school_id', '=', schoolId)
        .executeTakeFirst();
      return read({ head: head ?? chainStart, batches: (size) => chainBatches(db, schoolId, size) });
    },
  };
}

/** Across every school: audit, in the unit of work's transaction. */
export function auditAcrossSchools(db: Kysely<Tables>) {
  return {
    async schools(): Promise<{ id: string; name: string; slug: string }[]> {
      return db.selectFrom('school').select(['id', 'name', 'slug']).orderBy('name').orderBy('slug').execute();
    },
  };
}
