// Server-side sessions, found by the hash of the id the browser holds: the table never holds
// an id that would let someone who reads it take over a session.
import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { SessionRecord } from '../../../domain/access/account.ts';
import type { SessionTable, Tables } from '../tables.ts';

function toSession(row: Selectable<SessionTable>): SessionRecord {
  const session: SessionRecord = {
    data: row.data as Record<string, unknown>,
    startedAt: row.started_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  };
  if (row.school_id !== null) session.schoolId = row.school_id;
  if (row.account_id !== null) session.accountId = row.account_id;
  return session;
}

const hashOf = (id: string) => createHash('sha256').update(id, 'utf8').digest('base64url');

/** Across every school: sessions, in the unit of work's transaction. */
export function sessionsAcrossSchools(db: Kysely<Tables>) {
  return {
    async find(id: string): Promise<SessionRecord | undefined> {
      const row = await db.selectFrom('session').selectAll().where('id_hash', '=', hashOf(id)).executeTakeFirst();
      return row && toSession(row);
    },

    async save(id: string, session: SessionRecord): Promise<void> {
      const values = {
        school_id: session.schoolId ?? null,
        account_id: session.accountId ?? null,
        data: JSON.stringify(session.data),
        started_at: session.startedAt,
        last_seen_at: session.lastSeenAt,
        expires_at: session.expiresAt,
      };
      await db
        .insertInto('session')
        .values({ id_hash: hashOf(id), ...values })
        .onConflict((oc) => oc.column('id_hash').doUpdateSet(values))
        .execute();
    },

    async destroy(id: string): Promise<void> {
      await db.deleteFrom('session').where('id_hash', '=', hashOf(id)).execute();
    },

    async purgeExpired(now: Date): Promise<number> {
      const result = await db.deleteFrom('session').where('expires_at', '<=', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

/** One school's sessions, in the unit of work's transaction. */
export function sessionsInSchool(db: Kysely<Tables>, schoolId: string) {
  return {
    /** Ends every session of one account; returns how many there were. */
    async destroyAllOf(accountId: string): Promise<number> {
      const result = await db
        .deleteFrom('session')
        .where('school_id', '=', schoolId)
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async countOf(accountId: string): Promise<number> {
      const row = await db
        .selectFrom('session')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('school_id', '=', schoolId)
        .where('account_id', '=', accountId)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
  };
}
