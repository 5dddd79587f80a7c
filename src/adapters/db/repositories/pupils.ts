// Pupils of a school and the adults who care for them. Every query names the school.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Person } from '../../../domain/community/people.ts';
import type { CarerLink, CarerRelationship, NewPupil, Pupil, YearGroup } from '../../../domain/community/pupils.ts';
import type { CommunityMember, CommunityQuery, Page, PupilsQuery } from '../../../services/ports.ts';
import type { CarerLinkTable, PupilTable, Tables } from '../tables.ts';
import { peopleByIds } from './people.ts';

/** A pupil row as the domain's Pupil; other repositories that read pupils use it too. */
export function toPupil(row: Selectable<PupilTable>): Pupil {
  const pupil: Pupil = {
    id: row.id,
    schoolId: row.school_id,
    misId: row.mis_id,
    legalGivenName: row.legal_given_name,
    legalFamilyName: row.legal_family_name,
    dateOfBirth: row.date_of_birth,
    yearGroup: row.year_group as YearGroup,
  };
  if (row.preferred_name !== null) pupil.preferredName = row.preferred_name;
  if (row.class_name !== null) pupil.className = row.class_name;
  if (row.left_on !== null) pupil.leftOn = row.left_on;
  return pupil;
}

function toLink(row: Selectable<CarerLinkTable>): CarerLink {
  const link: CarerLink = {
    pupilId: row.pupil_id,
    carerId: row.carer_id,
    relationship: row.relationship as CarerRelationship,
    parentalResponsibility: row.parental_responsibility,
  };
  if (row.contact_priority !== null) link.contactPriority = row.contact_priority;
  return link;
}

export const pupilColumns = (schoolId: string, pupil: NewPupil) => ({
  school_id: schoolId,
  mis_id: pupil.misId,
  legal_given_name: pupil.legalGivenName,
  legal_family_name: pupil.legalFamilyName,
  preferred_name: pupil.preferredName ?? null,
  date_of_birth: pupil.dateOfBirth,
  year_group: pupil.yearGroup,
  class_name: pupil.className ?? null,
  left_on: pupil.leftOn ?? null,
});

export const carerLinkColumns = (schoolId: string, link: CarerLink) => ({
  school_id: schoolId,
  pupil_id: link.pupilId,
  carer_id: link.carerId,
  relationship: link.relationship,
  parental_responsibility: link.parentalResponsibility,
  contact_priority: link.contactPriority ?? null,
});

/** A search, as an ILIKE pattern that matches its text anywhere, wildcards in it taken literally. */
const containing = (search: string) => `%${search.replace(/[\\%_]/g, '\\$&')}%`;

/** One school's pupils, in the unit of work's transaction. */
export function pupilsInSchool(db: Kysely<Tables>, schoolId: string) {
  return {
    async add(pupils: readonly NewPupil[]): Promise<Pupil[]> {
      if (pupils.length === 0) return [];
      const rows = await db
        .insertInto('pupil')
        .values(pupils.map((pupil) => pupilColumns(schoolId, pupil)))
        .returningAll()
        .execute();
      return rows.map(toPupil);
    },

    async find(id: string): Promise<Pupil | undefined> {
      const row = await db
        .selectFrom('pupil')
        .selectAll()
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toPupil(row);
    },

    async list(query: PupilsQuery): Promise<{ items: Pupil[]; total: number }> {
      let selection = db.selectFrom('pupil').where('school_id', '=', schoolId);
      if (query.search) {
        const pattern = `%${query.search.replace(/[\\%_]/g, '\\$&')}%`;
        selection = selection.where((eb) =>
          eb.or([
            eb('legal_given_name', 'ilike', pattern),
            eb('legal_family_name', 'ilike', pattern),
            eb('preferred_name', 'ilike', pattern),
            eb('mis_id', '=', query.search ?? ''),
          ]),
        );
      }
      if (query.yearGroup) selection = selection.where('year_group', '=', query.yearGroup);
      if (query.onRollOn) {
        const day = query.onRollOn;
        selection = selection.where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', day)]));
      }
      const [{ total }, rows] = await Promise.all([
        selection.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
        selection
          .selectAll()
          .orderBy('legal_family_name')
          .orderBy('legal_given_name')
          .orderBy('id')
          .limit(query.limit)
          .offset(query.offset)
          .execute(),
      ]);
      return { items: rows.map(toPupil), total };
    },

    async linkCarers(links: readonly CarerLink[]): Promise<void> {
      if (links.length === 0) return;
      await db
        .insertInto('carer_link')
        .values(links.map((link) => carerLinkColumns(schoolId, link)))
        .execute();
    },

    async carersOf(pupilId: string): Promise<{ carer: Person; link: CarerLink }[]> {
      const rows = await db
        .selectFrom('carer_link')
        .selectAll()
        .where('school_id', '=', schoolId)
        .where('pupil_id', '=', pupilId)
        .orderBy('contact_priority')
        .execute();
      // The carers in one query, not one each.
      const carers = await peopleByIds(db, schoolId, [...new Set(rows.map((row) => row.carer_id))]);
      const byId = new Map(carers.map((carer) => [carer.id, carer]));
      return rows.flatMap((row) => {
        const carer = byId.get(row.carer_id);
        return carer ? [{ carer, link: toLink(row) }] : [];
      });
    },

    async childrenOf(carerId: string): Promise<{ pupil: Pupil; link: CarerLink }[]> {
      const rows = await db
        .selectFrom('carer_link')
        .innerJoin('pupil', (join) =>
          join.onRef('pupil.id', '=', 'carer_link.pupil_id').onRef('pupil.school_id', '=', 'carer_link.school_id'),
        )
        .selectAll('pupil')
        .select([
          'carer_link.relationship',
          'carer_link.parental_responsibility',
          'carer_link.contact_priority',
          'carer_link.carer_id',
          'carer_link.pupil_id',
        ])
        .where('carer_link.school_id', '=', schoolId)
        .where('carer_link.carer_id', '=', carerId)
        .orderBy('pupil.legal_family_name')
        .orderBy('pupil.legal_given_name')
        .execute();
      return rows.map((row) => ({ pupil: toPupil(row), link: toLink({ ...row, school_id: schoolId }) }));
    },

    /**
     * Adults and pupils in one list, by family name then first name: one query finds the page's ids
     * across both tables, then each table gives its rows for just those ids.
     */
    async listWithAdults(query: CommunityQuery): Promise<Page<CommunityMember>> {
      let adults = db.selectFrom('person').where('person.school_id', '=', schoolId);
      let children = db.selectFrom('pupil').where('pupil.school_id', '=', schoolId);
      if (query.search) {
        const pattern = containing(query.search);
        const search = query.search;
        adults = adults.where((eb) =>
          eb.or([
            eb('person.given_name', 'ilike', pattern),
            eb('person.family_name', 'ilike', pattern),
            eb('person.preferred_name', 'ilike', pattern),
            eb('person.email', 'ilike', pattern),
          ]),
        );
        children = children.where((eb) =>
          eb.or([
            eb('pupil.legal_given_name', 'ilike', pattern),
            eb('pupil.legal_family_name', 'ilike', pattern),
            eb('pupil.preferred_name', 'ilike', pattern),
            eb('pupil.mis_id', '=', search),
          ]),
        );
      }
      if (query.onRollOn) {
        const day = query.onRollOn;
        children = children.where((eb) => eb.or([eb('pupil.left_on', 'is', null), eb('pupil.left_on', '>', day)]));
      }
      const members = adults
        .select([
          sql<'person' | 'pupil'>`'person'`.as('kind'),
          'person.id as id',
          'person.family_name as family',
          'person.given_name as given',
        ])
        .unionAll(
          children.select([
            sql<'person' | 'pupil'>`'pupil'`.as('kind'),
            'pupil.id as id',
            'pupil.legal_family_name as family',
            'pupil.legal_given_name as given',
          ]),
        );
      const [adultCount, pupilCount, page] = await Promise.all([
        adults.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
        children.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
        db
          .selectFrom(members.as('member'))
          .select(['member.kind', 'member.id'])
          .orderBy('member.family')
          .orderBy('member.given')
          .orderBy('member.id')
          .limit(query.limit)
          .offset(query.offset)
          .execute(),
      ]);
      const idsOf = (kind: 'person' | 'pupil') => page.filter((row) => row.kind === kind).map((row) => row.id);
      const [people, pupilRows] = await Promise.all([
        peopleByIds(db, schoolId, idsOf('person')),
        idsOf('pupil').length === 0
          ? []
          : db
              .selectFrom('pupil')
              .selectAll()
              .where('school_id', '=', schoolId)
              .where('id', 'in', idsOf('pupil'))
              .execute(),
      ]);
      const byId = new Map<string, CommunityMember>([
        ...people.map((person) => [person.id, { kind: 'person', person }] as const),
        ...pupilRows.map((row) => [row.id, { kind: 'pupil', pupil: toPupil(row) }] as const),
      ]);
      return {
        items: page.flatMap((row) => byId.get(row.id) ?? []),
        total: adultCount.total + pupilCount.total,
      };
    },
  };
}
