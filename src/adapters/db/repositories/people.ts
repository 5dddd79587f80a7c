// The adults of a school's community. Every query names the school: no person is ever read or
// written without it.
import type { Kysely, Selectable } from 'kysely';
import type { NewPerson, Person, RoleHeld } from '../../../domain/community/people.ts';
import type { PeopleQuery } from '../../../services/ports.ts';
import type { PersonTable, Tables } from '../tables.ts';

function toPerson(row: Selectable<PersonTable>, roles: RoleHeld[]): Person {
  const person: Person = {
    id: row.id,
    schoolId: row.school_id,
    givenName: row.given_name,
    familyName: row.family_name,
    roles,
  };
  if (row.mis_id !== null) person.misId = row.mis_id;
  if (row.preferred_name !== null) person.preferredName = row.preferred_name;
  if (row.email !== null) person.email = row.email;
  if (row.phone !== null) person.phone = row.phone;
  return person;
}

function toRole(row: { role: string; job_title: string | null; duties: unknown }): RoleHeld {
  if (row.role === 'staff') return { role: 'staff', jobTitle: row.job_title ?? '', duties: row.duties as never };
  if (row.role === 'governor') return { role: 'governor', duties: row.duties as never };
  return { role: row.role as Exclude<RoleHeld['role'], 'staff' | 'governor'> };
}

async function rolesOf(db: Kysely<Tables>, schoolId: string, personIds: string[]): Promise<Map<string, RoleHeld[]>> {
  const byPerson = new Map<string, RoleHeld[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return byPerson;
  const rows = await db
    .selectFrom('person_role')
    .select(['person_id', 'role', 'job_title', 'duties'])
    .where('school_id', '=', schoolId)
    .where('person_id', 'in', personIds)
    .orderBy('role')
    .execute();
  for (const row of rows) byPerson.get(row.person_id)?.push(toRole(row));
  return byPerson;
}

export const personColumns = (schoolId: string, person: NewPerson) => ({
  school_id: schoolId,
  mis_id: person.misId ?? null,
  given_name: person.givenName,
  family_name: person.familyName,
  preferred_name: person.preferredName ?? null,
  email: person.email ?? null,
  phone: person.phone ?? null,
});

export const roleColumns = (schoolId: string, personId: string, held: RoleHeld) => ({
  school_id: schoolId,
  person_id: personId,
  role: held.role,
  job_title: held.role === 'staff' ? held.jobTitle : null,
  duties: JSON.stringify('duties' in held ? held.duties : []),
});

/** The school's people with these ids, with their roles, in no particular order. */
export async function peopleByIds(db: Kysely<Tables>, schoolId: string, ids: readonly string[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('person')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('id', 'in', [...ids])
    .execute();
  const roles = await rolesOf(
    db,
    schoolId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toPerson(row, roles.get(row.id) ?? []));
}

/** One school's people, in the unit of work's transaction. */
export function peopleInSchool(db: Kysely<Tables>, schoolId: string) {
  return {
    async add(people: readonly { person: NewPerson; roles: readonly RoleHeld[] }[]): Promise<Person[]> {
      if (people.length === 0) return [];
      const rows = await db
        .insertInto('person')
        .values(people.map(({ person }) => personColumns(schoolId, person)))
        .returningAll()
        .execute();
      const roleRows = rows.flatMap((row, i) =>
        (people[i]?.roles ?? []).map((held) => roleColumns(schoolId, row.id, held)),
      );
      if (roleRows.length > 0) await db.insertInto('person_role').values(roleRows).execute();
      return rows.map((row, i) => toPerson(row, [...(people[i]?.roles ?? [])]));
    },

    async find(id: string): Promise<Person | undefined> {
      const row = await db
        .selectFrom('person')
        .selectAll()
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      return toPerson(row, (await rolesOf(db, schoolId, [row.id])).get(row.id) ?? []);
    },

    findMany(ids: readonly string[]): Promise<Person[]> {
      return peopleByIds(db, schoolId, ids);
    },

    async list(query: PeopleQuery): Promise<{ items: Person[]; total: number }> {
      let selection = db.selectFrom('person').where('person.school_id', '=', schoolId);
      if (query.search) {
        const pattern = `%${query.search.replace(/[\\%_]/g, '\\$&')}%`;
        selection = selection.where((eb) =>
          eb.or([
            eb('person.given_name', 'ilike', pattern),
            eb('person.family_name', 'ilike', pattern),
            eb('person.preferred_name', 'ilike', pattern),
            eb('person.email', 'ilike', pattern),
          ]),
        );
      }
      if (query.role) {
        const role = query.role;
        selection = selection.where((eb) =>
          eb.exists(
            eb
              .selectFrom('person_role')
              .select('person_role.person_id')
              .whereRef('person_role.person_id', '=', 'person.id')
              .where('person_role.school_id', '=', schoolId)
              .where('person_role.role', '=', role),
          ),
        );
      }
      const [{ total }, rows] = await Promise.all([
        selection.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
        selection
          .selectAll('person')
          .orderBy('person.family_name')
          .orderBy('person.given_name')
          .orderBy('person.id')
          .limit(query.limit)
          .offset(query.offset)
          .execute(),
      ]);
      const roles = await rolesOf(
        db,
        schoolId,
        rows.map((row) => row.id),
      );
      return { items: rows.map((row) => toPerson(row, roles.get(row.id) ?? [])), total };
    },

    async findByMisId(misId: string): Promise<Person | undefined> {
      const row = await db
        .selectFrom('person')
        .selectAll()
        .where('school_id', '=', schoolId)
        .where('mis_id', '=', misId)
        .executeTakeFirst();
      if (!row) return undefined;
      return toPerson(row, (await rolesOf(db, schoolId, [row.id])).get(row.id) ?? []);
    },

    /** Replaces a person's details and roles. Run it in a transaction: it writes two tables. */
    async update(id: string, person: NewPerson, roles: readonly RoleHeld[]): Promise<Person | undefined> {
      const { school_id: _school, ...columns } = personColumns(schoolId, person);
      const row = await db
        .updateTable('person')
        .set({ ...columns, updated_at: new Date() })
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      if (!row) return undefined;
      await db.deleteFrom('person_role').where('school_id', '=', schoolId).where('person_id', '=', id).execute();
      if (roles.length > 0) {
        await db
          .insertInto('person_role')
          .values(roles.map((held) => roleColumns(schoolId, id, held)))
          .execute();
      }
      return toPerson(row, (await rolesOf(db, schoolId, [id])).get(id) ?? []);
    },
  };
}
