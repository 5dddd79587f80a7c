// A pupil's one-time link to their own consent record, kept in the table of one-time links with
// the purpose `pupil_consent` and the pupil in place of an account. As with every link, only the
// SHA-256 of its token is stored; finding one by token looks across schools, since the token is
// all the pupil brings, and using it is one conditional update.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { NewPupilConsentLink, PupilConsentLink } from '../../../domain/registers/consent-for-pupils.ts';
import { sha256Hex } from '../../crypto/hash.ts';
import type { OneTimeLinkTable, Tables } from '../tables.ts';
import { linkRow, tokenBytes, useLinkRow } from './links.ts';

const purpose = 'pupil_consent';

function toPupilLink(row: Selectable<OneTimeLinkTable>): PupilConsentLink {
  if (row.pupil_id === null) throw new Error('A pupil’s consent link has no pupil');
  const link: PupilConsentLink = {
    schoolId: row.school_id,
    pupilId: row.pupil_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
  if (row.used_at) link.usedAt = row.used_at;
  return link;
}

/** One school's consent, in the unit of work's transaction. */
export function pupilConsentLinksInSchool(db: Kysely<Tables>, schoolId: string) {
  return {
    /**
     * Makes a link for a pupil and returns its token, the only time it is seen. The pupil's earlier
     * unused links stop working at once: only the newest one handed over works.
     */
    async addPupilLink(
      link: Omit<NewPupilConsentLink, 'schoolId'>,
    ): Promise<{ token: string; link: PupilConsentLink }> {
      await db
        .updateTable('one_time_link')
        .set({ expires_at: sql<Date>`greatest(created_at, ${link.createdAt})` })
        .where('school_id', '=', schoolId)
        .where('pupil_id', '=', link.pupilId)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', link.createdAt)
        .execute();
      const token = randomBytes(tokenBytes).toString('base64url');
      const row = await db
        .insertInto('one_time_link')
        .values({
          token_hash: sha256Hex(token),
          school_id: schoolId,
          account_id: null,
          pupil_id: link.pupilId,
          purpose,
          created_at: link.createdAt,
          expires_at: link.expiresAt,
          used_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { token, link: toPupilLink(row) };
    },

    /** The school's pupil link behind a token, used or not, expired or not; undefined if there is none. */
    async pupilLink(token: string): Promise<PupilConsentLink | undefined> {
      const row = await linkRow(db, token, purpose, schoolId);
      return row && toPupilLink(row);
    },

    /** Marks the link used if it is unused and unexpired at `at`; returns it only when this use won. */
    async usePupilLink(token: string, at: Date): Promise<PupilConsentLink | undefined> {
      const row = await useLinkRow(db, token, purpose, at, schoolId);
      return row && toPupilLink(row);
    },
  };
}

/** Across every school: consent, in the unit of work's transaction. */
export function pupilConsentLinksAcrossSchools(db: Kysely<Tables>) {
  return {
    /** The pupil's link behind a token, used or not, expired or not; undefined if there is none. */
    async findPupilLink(token: string): Promise<PupilConsentLink | undefined> {
      const row = await linkRow(db, token, purpose);
      return row && toPupilLink(row);
    },
  };
}
