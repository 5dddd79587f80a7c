// The school community: setting up the first school; reading one school's people and pupils;
// adding and changing people, and checking or importing a roster file, for whoever is signed in.
// Database work goes through units of work: a school's (for a signed-in viewer, always their own),
// or one across schools only to find or set up a school.
import { can } from '../domain/access/capabilities.ts';
import { accessRolesOf } from '../domain/access/roles.ts';
import {
  displayName,
  type CommunityRole,
  type NewPerson,
  type Person,
  type RoleHeld,
} from '../domain/community/people.ts';
import type { CarerLink, Pupil } from '../domain/community/pupils.ts';
import type { NewOrganisation, NewSchool, School } from '../domain/community/school.ts';
import { isRecordId } from '../domain/ids.ts';
import type { RosterKind } from '../domain/roster/index.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';
import { allow } from './allow.ts';
import { checkSecondFactor } from './second-factor.ts';
import type {
  Adapters,
  CommunityMember,
  CrossSchoolStore,
  Page,
  PeopleQuery,
  PupilsQuery,
  SchoolStore,
} from './ports.ts';
import type { RosterService } from './roster.ts';
import { importReviewed, settleAccessChanges, type ReviewedImport } from './roster-review.ts';

/** What the people pages list: everyone, the adults holding one role, or the pupils. */
export interface DirectoryQuery {
  search?: string;
  role?: CommunityRole | 'pupil';
  /** Pupils who have left are listed only when asked for. */
  includeLeavers: boolean;
  /** YYYY-MM-DD: who is on the roll is decided on this day. */
  today: string;
  limit: number;
  offset: number;
}

/** A person saved, or the fields to correct, each with what to do. */
export type PersonSaved =
  { ok: true; person: Person } | { ok: false; errors: Partial<Record<'misId' | 'roles' | 'code', string>> };

/** A role and its duties as one code for the audit log, such as "staff:headteacher+dsl". */
const roleCodes = (roles: readonly RoleHeld[]) =>
  roles
    .map((held) =>
      'duties' in held && held.duties.length > 0 ? `${held.role}:${[...held.duties].sort().join('+')}` : held.role,
    )
    .sort();

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

/** Thrown to end a rehearsal of an import, carrying its result out of the rolled-back transaction. */
class Rehearsed extends Error {
  readonly result: ReviewedImport;
  constructor(result: ReviewedImport) {
    super('rehearsed');
    this.result = result;
  }
}

/** Thrown to roll back an import the viewer has not (or cannot) confirm, with what to do. */
class Refused extends Error {}

/** A school of the organisation, in the caller's cross-school unit; refused when its slug or URN is taken. */
export async function addSchoolTo(
  store: Pick<CrossSchoolStore, 'schools'>,
  organisationId: string,
  school: NewSchool,
): Promise<School> {
  const taken = (await store.schools.findBySlug(school.slug)) ?? (await store.schools.findByUrn(school.urn));
  if (taken) throw new AppError('school_exists');
  return store.schools.addSchool(organisationId, school);
}

/** A pupil of the unit's school with the adults who care for them; undefined when there is none. */
async function pupilWithCarers(
  store: SchoolStore,
  id: string,
): Promise<{ pupil: Pupil; carers: { carer: Person; link: CarerLink }[] } | undefined> {
  const pupil = await store.pupils.find(id);
  return pupil && { pupil, carers: await store.pupils.carersOf(id) };
}

/** A person of the unit's school with the pupils they care for; undefined when there is none. */
async function personWithChildren(
  store: SchoolStore,
  id: string,
): Promise<{ person: Person; children: { pupil: Pupil; link: CarerLink }[] } | undefined> {
  const person = await store.people.find(id);
  return person && { person, children: await store.pupils.childrenOf(id) };
}

/** The MIS id is someone else's: the import would mix the two people up. */
async function misIdTaken(store: SchoolStore, person: NewPerson, id?: string) {
  if (!person.misId) return undefined;
  const holder = await store.people.findByMisId(person.misId);
  if (!holder || holder.id === id) return undefined;
  return `MIS ID ${person.misId} is already ${displayName(holder)}’s: check the ID, or leave it blank`;
}

export function createCommunityService(
  { units, clock, crypto }: Pick<Adapters, 'units' | 'clock' | 'crypto'>,
  roster: Pick<RosterService, 'importInto'>,
) {
  /**
   * The viewer's code, asked for again before a change of access; a refused one is audited. Its
   * own unit, so that a code used (or refused) stays recorded whatever happens to the change.
   */
  function stepUp(viewer: Viewer, code: string): Promise<boolean> {
    return units.inSchool(viewer.school.id, async (store) => {
      const now = clock.now();
      const own = await store.accounts.find(viewer.account.id);
      const accepted = own ? (await checkSecondFactor(store, crypto, own, code, now)).accepted : false;
      if (!accepted) {
        await store.audit.append({
          schoolId: viewer.school.id,
          actorPersonId: viewer.person.id,
          action: 'sign_in_failed',
          details: { step: 'step_up' },
          at: now,
        });
      }
      return accepted;
    });
  }

  return {
    /** Whether any school exists yet: the first-run set-up runs only while none does. */
    async isSetUp(): Promise<boolean> {
      return (await units.acrossSchools((store) => store.schools.count())) > 0;
    },

    /**
     * The first organisation and school of a new installation, with its Headteacher when given;
     * refused once any school exists.
     */
    setUp(organisation: NewOrganisation, school: NewSchool, headteacher?: NewPerson): Promise<School> {
      return units.acrossSchools(async (across) => {
        if ((await across.schools.count()) > 0) throw new AppError('already_set_up');
        const created = await across.schools.addOrganisation(organisation);
        const added = await addSchoolTo(across, created.id, school);
        if (headteacher) {
          const store = await across.enterSchool(added.id);
          const [person] = await store.people.add([
            { person: headteacher, roles: [{ role: 'staff', jobTitle: 'Headteacher', duties: ['headteacher'] }] },
          ]);
          // The Headteacher's account, waiting for them to choose a password and set up a second factor.
          if (person && headteacher.email) {
            await store.accounts.add({ personId: person.id, email: headteacher.email });
          }
        }
        return added;
      });
    },

    schoolBySlug: (slug: string) => units.acrossSchools((store) => store.schools.findBySlug(slug)),
    people: (schoolId: string, query: PeopleQuery) => units.inSchool(schoolId, (store) => store.people.list(query)),
    pupils: (schoolId: string, query: PupilsQuery) => units.inSchool(schoolId, (store) => store.pupils.list(query)),

    /** A pupil with the adults who care for them, or undefined if the school has no such pupil. */
    async pupil(
      schoolId: string,
      id: string,
    ): Promise<{ pupil: Pupil; carers: { carer: Person; link: CarerLink }[] } | undefined> {
      return units.inSchool(schoolId, (store) => pupilWithCarers(store, id));
    },

    /** A person with the pupils they care for, or undefined if the school has no such person. */
    async person(
      schoolId: string,
      id: string,
    ): Promise<{ person: Person; children: { pupil: Pupil; link: CarerLink }[] } | undefined> {
      return units.inSchool(schoolId, (store) => personWithChildren(store, id));
    },

    /** The viewer's school's adults and pupils, a page at a time. */
    async directory(viewer: Viewer, query: DirectoryQuery): Promise<Page<CommunityMember>> {
      allow(viewer, 'view_people');
      const { search, role, limit, offset } = query;
      const onRoll = query.includeLeavers ? {} : { onRollOn: query.today };
      return units.inSchool(viewer.school.id, async (store): Promise<Page<CommunityMember>> => {
        if (role === 'pupil') {
          const found = await store.pupils.list({ ...(search && { search }), ...onRoll, limit, offset });
          return { items: found.items.map((pupil) => ({ kind: 'pupil', pupil })), total: found.total };
        }
        if (role) {
          const found = await store.people.list({ ...(search && { search }), role, limit, offset });
          return { items: found.items.map((person) => ({ kind: 'person', person })), total: found.total };
        }
        return store.pupils.listWithAdults({ ...(search && { search }), ...onRoll, limit, offset });
      });
    },

    /** A person of the viewer's school with the pupils they care for; undefined for anyone else's. */
    async personFor(viewer: Viewer, id: string) {
      allow(viewer, 'view_people');
      if (!isRecordId(id)) return undefined;
      return units.inSchool(viewer.school.id, (store) => personWithChildren(store, id));
    },

    /** A pupil of the viewer's school with their carers; undefined for anyone else's. */
    async pupilFor(viewer: Viewer, id: string) {
      allow(viewer, 'view_people');
      if (!isRecordId(id)) return undefined;
      return units.inSchool(viewer.school.id, (store) => pupilWithCarers(store, id));
    },

    /** Adds someone to the viewer's school. */
    addPerson(viewer: Viewer, person: NewPerson, roles: readonly RoleHeld[]): Promise<PersonSaved> {
      allow(viewer, 'manage_people');
      return units.inSchool(viewer.school.id, async (store): Promise<PersonSaved> => {
        const taken = await misIdTaken(store, person);
        if (taken) return { ok: false, errors: { misId: taken } };
        const [added] = await store.people.add([{ person, roles }]);
        if (!added) throw new Error('The person was not added');
        return { ok: true, person: added };
      });
    },

    /**
     * Changes someone's details and roles; undefined if the viewer's school has no such person.
     * Roles decide what a person may do in Footprint, so a change that alters that needs the right
     * to manage roles, nobody may take their own access away, and the change goes on the audit log.
     */
    updatePerson(
      viewer: Viewer,
      id: string,
      person: NewPerson,
      roles: readonly RoleHeld[],
      /** The viewer's code, asked for again (step-up) when the change alters someone's access. */
      code = '',
    ): Promise<PersonSaved | undefined> {
      allow(viewer, 'manage_people');
      if (!isRecordId(id)) return Promise.resolve(undefined);
      const schoolId = viewer.school.id;
      return units.inSchool(schoolId, async (store): Promise<PersonSaved | undefined> => {
        const before = await store.people.find(id);
        if (!before) return undefined;
        const taken = await misIdTaken(store, person, id);
        if (taken) return { ok: false, errors: { misId: taken } };
        const grants = { schoolAdmin: (await store.accounts.ofPerson(id))?.schoolAdmin ?? false };
        const accessBefore = accessRolesOf(before.roles, grants);
        const accessAfter = accessRolesOf(roles, grants);
        if (!sameList(accessBefore, accessAfter)) {
          if (!can(viewer.roles, 'manage_roles')) {
            return {
              ok: false,
              errors: {
                roles:
                  'This change would alter what they can do in Footprint: ask your Headteacher or school administrator to make it',
              },
            };
          }
          if (id === viewer.person.id && accessBefore.some((role) => !accessAfter.includes(role))) {
            return {
              ok: false,
              errors: {
                roles:
                  'You cannot take away your own access: ask another Headteacher or administrator to make this change',
              },
            };
          }
          const own = await store.accounts.find(viewer.account.id);
          const check = own && code ? await checkSecondFactor(store, crypto, own, code, clock.now()) : undefined;
          if (!check?.accepted) {
            return {
              ok: false,
              errors: {
                code: code
                  ? 'That code did not work. Enter the code your app shows now'
                  : 'This changes what they can do in Footprint: enter the code from your authenticator app to confirm',
              },
            };
          }
          // Access taken away ends their sessions at once; given, it applies at their next request.
          const account = await store.accounts.ofPerson(id);
          if (account && accessBefore.some((role) => !accessAfter.includes(role))) {
            await store.sessions.destroyAllOf(account.id);
          }
        }
        const updated = await store.people.update(id, person, roles);
        if (!updated) return undefined;
        const [codesBefore, codesAfter] = [roleCodes(before.roles), roleCodes(roles)];
        if (!sameList(codesBefore, codesAfter)) {
          await store.audit.append({
            schoolId,
            actorPersonId: viewer.person.id,
            action: 'role_changed',
            subject: { kind: 'person', id },
            details: { before: codesBefore, after: codesAfter },
            at: clock.now(),
          });
        }
        return { ok: true, person: updated };
      });
    },

    /**
     * What importing the file would do, found by importing it in a unit of work that is then rolled
     * back: the figures come from the very code that will run on confirming, so they cannot drift.
     * They include whose access the file would change, and whether the viewer may change it.
     */
    async rehearseImport(viewer: Viewer, kind: RosterKind, text: string, today: string): Promise<ReviewedImport> {
      allow(viewer, 'manage_people');
      try {
        await units.inSchool(viewer.school.id, async (store) => {
          throw new Rehearsed(await importReviewed(store, roster, viewer, kind, text, today));
        });
      } catch (error) {
        if (error instanceof Rehearsed) return error.result;
        throw error;
      }
      throw new Error('The rehearsal ended without a result');
    },

    /**
     * Imports a roster file into the viewer's school, in one unit: all of it, or nothing and every
     * error. A file that changes anyone's access also needs the viewer's code (step-up), checked
     * first in a unit of its own, so that a wrong code is recorded even though nothing is imported.
     */
    async importRoster(
      viewer: Viewer,
      kind: RosterKind,
      text: string,
      today: string,
      code = '',
    ): Promise<ReviewedImport | { ok: false; refused: string }> {
      allow(viewer, 'manage_people');
      const confirmed = code ? await stepUp(viewer, code) : false;
      if (code && !confirmed)
        return { ok: false, refused: 'That code did not work. Enter the code your app shows now' };
      try {
        return await units.inSchool(viewer.school.id, async (store) => {
          const result = await importReviewed(store, roster, viewer, kind, text, today);
          if (!result.ok || result.access.changes.length === 0) return result;
          if (result.access.refusal) throw new Refused(result.access.refusal);
          if (!confirmed) {
            throw new Refused(
              'This file changes what people can do in Footprint: enter the code from your authenticator app to confirm',
            );
          }
          await settleAccessChanges(store, viewer, result.access.changes, clock.now());
          return result;
        });
      } catch (error) {
        if (error instanceof Refused) return { ok: false, refused: error.message };
        throw error;
      }
    },
  };
}

export type CommunityService = ReturnType<typeof createCommunityService>;
