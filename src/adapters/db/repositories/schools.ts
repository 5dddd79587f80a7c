import type { Kysely, Selectable } from 'kysely';
import type { NewOrganisation, NewSchool, Organisation, Phase, School } from '../../../domain/community/school.ts';
import type { OrganisationKind } from '../../../domain/community/school.ts';
import type { SchoolTable, Tables } from '../tables.ts';

export function toSchool(row: Selectable<SchoolTable>): School {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    slug: row.slug,
    urn: row.urn,
    phase: row.phase as Phase,
    address: {
      line1: row.address_line1,
      ...(row.address_line2 === null ? {} : { line2: row.address_line2 }),
      town: row.town,
      postcode: row.postcode,
    },
    contactEmail: row.contact_email,
    day: { starts: row.day_starts, ends: row.day_ends },
  };
}

/** Across every school: schools, in the unit of work's transaction. */
export function schoolsAcrossSchools(db: Kysely<Tables>) {
  return {
    async addOrganisation(organisation: NewOrganisation): Promise<Organisation> {
      const row = await db.insertInto('organisation').values(organisation).returningAll().executeTakeFirstOrThrow();
      return { id: row.id, name: row.name, kind: row.kind as OrganisationKind };
    },

    async addSchool(organisationId: string, school: NewSchool): Promise<School> {
      const row = await db
        .insertInto('school')
        .values({
          organisation_id: organisationId,
          name: school.name,
          slug: school.slug,
          urn: school.urn,
          phase: school.phase,
          address_line1: school.address.line1,
          address_line2: school.address.line2 ?? null,
          town: school.address.town,
          postcode: school.address.postcode,
          contact_email: school.contactEmail,
          day_starts: school.day.starts,
          day_ends: school.day.ends,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toSchool(row);
    },

    async findBySlug(slug: string): Promise<School | undefined> {
      const row = await db.selectFrom('school').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row && toSchool(row);
    },

    async findById(id: string): Promise<School | undefined> {
      const row = await db.selectFrom('school').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toSchool(row);
    },

    async findByUrn(urn: string): Promise<School | undefined> {
      const row = await db.selectFrom('school').selectAll().where('urn', '=', urn).executeTakeFirst();
      return row && toSchool(row);
    },

    async count(): Promise<number> {
      const { count } = await db
        .selectFrom('school')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      return count;
    },

    async ofOrganisation(organisationId: string): Promise<School[]> {
      const rows = await db
        .selectFrom('school')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .orderBy('name')
        .execute();
      return rows.map(toSchool);
    },
  };
}
