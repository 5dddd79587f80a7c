// Writing a whole roster at once: rows matched on the school's MIS identifiers, inserted or
// updated in batches, one statement per batch, so a 2,000-pupil file takes seconds.
import { sql, type Kysely } from 'kysely';
import type { NewPerson, RoleHeld } from '../../../domain/community/people.ts';
import type { CarerLink, NewPupil } from '../../../domain/community/pupils.ts';
import type { Upserted } from '../../../services/ports.ts';
import type { Tables } from '../tables.ts';
import { personColumns, roleColumns } from './people.ts';
import { carerLinkColumns, pupilColumns } from './pupils.ts';

const batchSize = 500;

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += batchSize) out.push(items.slice(i, i + batchSize));
  return out;
}

/** PostgreSQL marks a row the statement inserted (rather than updated) with xmax = 0. */
const insertedFlag = sql<boolean>`(xmax = 0)`.as('inserted');

function tally(result: Upserted, rows: readonly { id: string; mis_id: string | null; inserted: boolean }[]): void {
  for (const row of rows) {
    if (row.mis_id !== null) result.ids.set(row.mis_id, row.id);
    if (row.inserted) result.added += 1;
    else result.updated += 1;
  }
}

/** One school's roster, in the unit of work's transaction. */
export function rosterInSchool(db: Kysely<Tables>, schoolId: string) {
  return {
    async upsertPupils(pupils: readonly NewPupil[]): Promise<Upserted> {
      const result: Upserted = { ids: new Map(), added: 0, updated: 0 };
      for (const batch of batches(pupils)) {
        const rows = await db
          .insertInto('pupil')
          .values(batch.map((pupil) => pupilColumns(schoolId, pupil)))
          .onConflict((oc) =>
            oc.columns(['school_id', 'mis_id']).doUpdateSet((eb) => ({
              legal_given_name: eb.ref('excluded.legal_given_name'),
              legal_family_name: eb.ref('excluded.legal_family_name'),
              preferred_name: eb.ref('excluded.preferred_name'),
              date_of_birth: eb.ref('excluded.date_of_birth'),
              year_group: eb.ref('excluded.year_group'),
              class_name: eb.ref('excluded.class_name'),
              left_on: eb.ref('excluded.left_on'),
              updated_at: sql`now()`,
            })),
          )
          .returning(['id', 'mis_id', insertedFlag])
          .execute();
        tally(result, rows);
      }
      return result;
    },

    /** Marks as left, on the day given, every pupil on the roll whose MIS id is not in the list. */
    async markPupilsLeft(stillHere: readonly string[], day: string): Promise<number> {
      const result = await db
        .updateTable('pupil')
        .set({ left_on: day, updated_at: new Date() })
        .where('school_id', '=', schoolId)
        .where('left_on', 'is', null)
        .where((eb) => eb.not(eb('mis_id', '=', eb.fn.any(eb.val([...stillHere])))))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async pupilIdsByMisId(): Promise<Map<string, string>> {
      const rows = await db.selectFrom('pupil').select(['id', 'mis_id']).where('school_id', '=', schoolId).execute();
      return new Map(rows.map((row) => [row.mis_id, row.id]));
    },

    /** People matched on their MIS id, each given (or updated in) the one role the roster is about. */
    async upsertPeopleWithRole(
      people: readonly { person: NewPerson & { misId: string }; role: RoleHeld }[],
    ): Promise<Upserted> {
      const result: Upserted = { ids: new Map(), added: 0, updated: 0 };
      for (const batch of batches(people)) {
        const rows = await db
          .insertInto('person')
          .values(batch.map(({ person }) => personColumns(schoolId, person)))
          .onConflict((oc) =>
            oc.columns(['school_id', 'mis_id']).doUpdateSet((eb) => ({
              given_name: eb.ref('excluded.given_name'),
              family_name: eb.ref('excluded.family_name'),
              preferred_name: eb.ref('excluded.preferred_name'),
              email: eb.ref('excluded.email'),
              phone: eb.ref('excluded.phone'),
              updated_at: sql`now()`,
            })),
          )
          .returning(['id', 'mis_id', insertedFlag])
          .execute();
        tally(result, rows);
        await db
          .insertInto('person_role')
          .values(batch.map(({ person, role }) => roleColumns(schoolId, result.ids.get(person.misId) ?? '', role)))
          .onConflict((oc) =>
            oc.columns(['person_id', 'role']).doUpdateSet((eb) => ({
              job_title: eb.ref('excluded.job_title'),
              duties: eb.ref('excluded.duties'),
            })),
          )
          .execute();
      }
      return result;
    },

    async upsertCarerLinks(links: readonly CarerLink[]): Promise<void> {
      for (const batch of batches(links)) {
        await db
          .insertInto('carer_link')
          .values(batch.map((link) => carerLinkColumns(schoolId, link)))
          .onConflict((oc) =>
            oc.columns(['pupil_id', 'carer_id']).doUpdateSet((eb) => ({
              relationship: eb.ref('excluded.relationship'),
              parental_responsibility: eb.ref('excluded.parental_responsibility'),
              contact_priority: eb.ref('excluded.contact_priority'),
            })),
          )
          .execute();
      }
    },
  };
}
