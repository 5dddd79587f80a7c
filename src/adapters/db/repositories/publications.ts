// Telling every Footprint process that a school's published policy changed, so that none goes on
// serving the page it kept in memory. The notice goes when the unit of work commits, and not at
// all if it rolls back.
import { sql, type Kysely } from 'kysely';
import type { Tables } from '../tables.ts';

export const publicationChannel = 'footprint_publication';

/** One school's publication notices, in the unit of work's transaction. */
export function publicationsInSchool(db: Kysely<Tables>, schoolId: string) {
  return {
    async announce(): Promise<void> {
      await sql`select pg_notify(${publicationChannel}, ${schoolId})`.execute(db);
    },
  };
}
