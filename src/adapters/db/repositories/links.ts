// One-time links. The repository makes each token (32 random bytes) and keeps only its SHA-256,
// so the database can check a link but never hand one out. Finding by token looks across schools,
// as finding an account by email does: the token is all the person brings.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { LinkPurpose, NewOneTimeLink, OneTimeLink } from '../../../domain/links/links.ts';
import { sha256Hex } from '../../crypto/hash.ts';
import type { OneTimeLinkTable, Tables } from '../tables.ts';

export const tokenBytes = 32;
/** 32 bytes in base64url, unpadded: anything else cannot be one of ours, so is not looked up. */
export const tokenShape = /^[A-Za-z0-9_-]{43}$/;

function toLink(row: Selectable<OneTimeLinkTable>): OneTimeLink {
  // Only a pupil's link has no account, and its purpose is never asked for here.
  if (row.account_id === null) throw new Error(`A ${row.purpose} link has no account`);
  const link: OneTimeLink = {
    schoolId: row.school_id,
    accountId: row.account_id,
    purpose: row.purpose as LinkPurpose,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
  if (row.used_at) link.usedAt = row.used_at;
  return link;
}

/** The stored row behind a token of this purpose, used or not, expired or not; `schoolId` narrows it to one school's links. */
export async function linkRow(db: Kysely<Tables>, token: string, purpose: string, schoolId?: string) {
  if (!tokenShape.test(token)) return undefined;
  let select = db
    .selectFrom('one_time_link')
    .selectAll()
    .where('token_hash', '=', sha256Hex(token))
    .where('purpose', '=', purpose);
  if (schoolId !== undefined) select = select.where('school_id', '=', schoolId);
  return select.executeTakeFirst();
}

/**
 * Marks the row behind a token used if it is unused and unexpired at `at`, in one conditional
 * statement, so that of two uses at the same moment only one succeeds. Returns the row when this
 * use won. `schoolId` narrows it to one school's links.
 */
export async function useLinkRow(db: Kysely<Tables>, token: string, purpose: string, at: Date, schoolId?: string) {
  if (!tokenShape.test(token)) return undefined;
  let update = db
    .updateTable('one_time_link')
    .set({ used_at: at })
    .where('token_hash', '=', sha256Hex(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at);
  if (schoolId !== undefined) update = update.where('school_id', '=', schoolId);
  return update.returningAll().executeTakeFirst();
}

/** One school's links, in the unit of work's transaction. */
export function linksInSchool(db: Kysely<Tables>, schoolId: string) {
  return {
    /**
     * Makes a link and returns its token, the only time it is seen. The account's earlier unused
     * links for the same purpose stop working at once: only the newest email works.
     */
    async create(link: NewOneTimeLink): Promise<{ token: string; link: OneTimeLink }> {
      await db
        .updateTable('one_time_link')
        .set({ expires_at: sql<Date>`greatest(created_at, ${link.createdAt})` })
        .where('school_id', '=', schoolId)
        .where('account_id', '=', link.accountId)
        .where('purpose', '=', link.purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', link.createdAt)
        .execute();
      const token = randomBytes(tokenBytes).toString('base64url');
      const row = await db
        .insertInto('one_time_link')
        .values({
          token_hash: sha256Hex(token),
          school_id: schoolId,
          account_id: link.accountId,
          purpose: link.purpose,
          created_at: link.createdAt,
          expires_at: link.expiresAt,
          used_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { token, link: toLink(row) };
    },

    /** The school's link behind a token, used or not, expired or not. */
    async find(token: string, purpose: LinkPurpose): Promise<OneTimeLink | undefined> {
      const row = await linkRow(db, token, purpose, schoolId);
      return row && toLink(row);
    },

    /** Uses one of the school's links (see `useLinkRow`). Returns the link when this use won. */
    async use(token: string, purpose: LinkPurpose, at: Date): Promise<OneTimeLink | undefined> {
      const row = await useLinkRow(db, token, purpose, at, schoolId);
      return row && toLink(row);
    },
  };
}

/** Across every school: links, in the unit of work's transaction. */
export function linksAcrossSchools(db: Kysely<Tables>) {
  return {
    /** The link behind a token, used or not, expired or not; undefined if there is none for this purpose. */
    async find(token: string, purpose: LinkPurpose): Promise<OneTimeLink | undefined> {
      const row = await linkRow(db, token, purpose);
      return row && toLink(row);
    },

    /** Uses a link (see `useLinkRow`). Returns the link when this use won. */
    async use(token: string, purpose: LinkPurpose, at: Date): Promise<OneTimeLink | undefined> {
      const row = await useLinkRow(db, token, purpose, at);
      return row && toLink(row);
    },
  };
}
