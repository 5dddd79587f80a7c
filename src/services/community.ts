// The school community: setting up the first school, and reading one school's people and
// pupils. Every read names the school it is for.
import type { NewPerson, Person } from '../domain/community/people.ts';
import type { CarerLink, Pupil } from '../domain/community/pupils.ts';
import type { NewOrganisation, NewSchool, School } from '../domain/community/school.ts';
import { AppError } from '../errors.ts';
import type { Adapters, PeopleQuery, PupilsQuery, Store } from './ports.ts';

export async function addSchoolTo(store: Store, organisationId: string, school: NewSchool): Promise<School> {
  const taken = (await store.schools.findBySlug(school.slug)) ?? (await store.schools.findByUrn(school.urn));
  if (taken) throw new AppError('school_exists');
  return store.schools.addSchool(organisationId, school);
}

export function createCommunityService({ store, inTransaction }: Pick<Adapters, 'store' | 'inTransaction'>) {
  return {
    /** Whether any school exists yet: the first-run set-up runs only while none does. */
    async isSetUp(): Promise<boolean> {
      return (await store.schools.count()) > 0;
    },

    /**
     * The first organisation and school of a new installation, with its Headteacher when given;
     * refused once any school exists.
     */
    setUp(organisation: NewOrganisation, school: NewSchool, headteacher?: NewPerson): Promise<School> {
      return inTransaction(async (trx) => {
        if ((await trx.schools.count()) > 0) throw new AppError('already_set_up');
        const created = await trx.schools.addOrganisation(organisation);
        const added = await addSchoolTo(trx, created.id, school);
        if (headteacher) {
          const [person] = await trx.people.add(added.id, [
            { person: headteacher, roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }] },
          ]);
          // The Headteacher's account, waiting for them to choose a password and set up a second factor.
          if (person && headteacher.email) {
            await trx.accounts.add(added.id, { personId: person.id, email: headteacher.email });
          }
        }
        return added;
      });
    },

    schoolBySlug: (slug: string) => store.schools.findBySlug(slug),
    people: (schoolId: string, query: PeopleQuery) => store.people.list(schoolId, query),
    pupils: (schoolId: string, query: PupilsQuery) => store.pupils.list(schoolId, query),

    /** A pupil with the adults who care for them, or undefined if the school has no such pupil. */
    async pupil(
      schoolId: string,
      id: string,
    ): Promise<{ pupil: Pupil; carers: { carer: Person; link: CarerLink }[] } | undefined> {
      const pupil = await store.pupils.find(schoolId, id);
      return pupil && { pupil, carers: await store.pupils.carersOf(schoolId, id) };
    },

    /** A person with the pupils they care for, or undefined if the school has no such person. */
    async person(
      schoolId: string,
      id: string,
    ): Promise<{ person: Person; children: { pupil: Pupil; link: CarerLink }[] } | undefined> {
      const person = await store.people.find(schoolId, id);
      return person && { person, children: await store.pupils.childrenOf(schoolId, id) };
    },
  };
}

export type CommunityService = ReturnType<typeof createCommunityService>;
