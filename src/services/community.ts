// The school community: setting up the first school; reading one school's people and pupils;
// adding and changing people, and checking or importing a roster file, for whoever is signed in.
// Every read and write names the school it is for: for a signed-in viewer, always their own.
import { can, type Capability } from '../domain/access/capabilities.ts';
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
import type { RosterKind } from '../domain/roster/index.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';
import { checkSecondFactor } from './second-factor.ts';
import { recordAudit } from './audit-trail.ts';
import type { Adapters, CommunityMember, Page, PeopleQuery, PupilsQuery, Store } from './ports.ts';
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

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function allow(viewer: Viewer, capability: Capability): void {
  if (!can(viewer.roles, capability)) throw new AppError('forbidden');
}

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

export async function addSchoolTo(store: Store, organisationId: string, school: NewSchool): Promise<School> {
  const taken = (await store.schools.findBySlug(school.slug)) ?? (await store.schools.findByUrn(school.urn));
  if (taken) throw new AppError('school_exists');
  return store.schools.addSchool(organisationId, school);
}

export function createCommunityService({
  store,
  inTransaction,
  clock,
  crypto,
}: Pick<Adapters, 'store' | 'inTransaction' | 'clock' | 'crypto'>) {
  /** The MIS id is someone else's: the import would mix the two people up. */
  async function misIdTaken(trx: Store, schoolId: string, person: NewPerson, id?: string) {
    if (!person.misId) return undefined;
    const holder = await trx.people.findByMisId(schoolId, person.misId);
    if (!holder || holder.id === id) return undefined;
    return `MIS ID ${person.misId} is already ${displayName(holder)}’s: check the ID, or leave it blank`;
  }

  /** The viewer's code, asked for again before a change of access; a refused one is audited. */
  function stepUp(viewer: Viewer, code: string): Promise<boolean> {
    return inTransaction(async (trx) => {
      const now = clock.now();
      const own = await trx.accounts.find(viewer.school.id, viewer.account.id);
      const accepted = own ? (await checkSecondFactor(trx, crypto, own, code, now)).accepted : false;
      if (!accepted) {
        await recordAudit(
          trx,
          {
            schoolId: viewer.school.id,
            actorPersonId: viewer.person.id,
            action: 'sign_in_failed',
            details: { step: 'step_up' },
          },
          now,
        );
      }
      return accepted;
    });
  }

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

    /** The viewer's school's adults and pupils, a page at a time. */
    async directory(viewer: Viewer, query: DirectoryQuery): Promise<Page<CommunityMember>> {
      allow(viewer, 'view_people');
      const schoolId = viewer.school.id;
      const { search, role, limit, offset } = query;
      const onRoll = query.includeLeavers ? {} : { onRollOn: query.today };
      if (role === 'pupil') {
        const found = await store.pupils.list(schoolId, { ...(search && { search }), ...onRoll, limit, offset });
        return { items: found.items.map((pupil) => ({ kind: 'pupil', pupil })), total: found.total };
      }
      if (role) {
        const found = await store.people.list(schoolId, { ...(search && { search }), role, limit, offset });
        return { items: found.items.map((person) => ({ kind: 'person', person })), total: found.total };
      }
      return store.pupils.listWithAdults(schoolId, { ...(search && { search }), ...onRoll, limit, offset });
    },

    /** A person of the viewer's school with the pupils they care for; undefined for anyone else's. */
    async personFor(viewer: Viewer, id: string) {
      allow(viewer, 'view_people');
      if (!uuidShape.test(id)) return undefined;
      const person = await store.people.find(viewer.school.id, id);
      return person && { person, children: await store.pupils.childrenOf(viewer.school.id, id) };
    },

    /** A pupil of the viewer's school with their carers; undefined for anyone else's. */
    async pupilFor(viewer: Viewer, id: string) {
      allow(viewer, 'view_people');
      if (!uuidShape.test(id)) return undefined;
      const pupil = await store.pupils.find(viewer.school.id, id);
      return pupil && { pupil, carers: await store.pupils.carersOf(viewer.school.id, id) };
    },

    /** Adds someone to the viewer's school. */
    addPerson(viewer: Viewer, person: NewPerson, roles: readonly RoleHeld[]): Promise<PersonSaved> {
      allow(viewer, 'manage_people');
      const schoolId = viewer.school.id;
      return inTransaction(async (trx) => {
        const taken = await misIdTaken(trx, schoolId, person);
        if (taken) return { ok: false, errors: { misId: taken } };
        const [added] = await trx.people.add(schoolId, [{ person, roles }]);
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
      if (!uuidShape.test(id)) return Promise.resolve(undefined);
      const schoolId = viewer.school.id;
      return inTransaction(async (trx): Promise<PersonSaved | undefined> => {
        const before = await trx.people.find(schoolId, id);
        if (!before) return undefined;
        const taken = await misIdTaken(trx, schoolId, person, id);
        if (taken) return { ok: false, errors: { misId: taken } };
        const grants = { schoolAdmin: (await trx.accounts.ofPerson(schoolId, id))?.schoolAdmin ?? false };
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
          const own = await trx.accounts.find(schoolId, viewer.account.id);
          const check = own && code ? await checkSecondFactor(trx, crypto, own, code, clock.now()) : undefined;
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
          const account = await trx.accounts.ofPerson(schoolId, id);
          if (account && accessBefore.some((role) => !accessAfter.includes(role))) {
            await trx.sessions.destroyAllOf(schoolId, account.id);
          }
        }
        const updated = await trx.people.update(schoolId, id, person, roles);
        if (!updated) return undefined;
        const [codesBefore, codesAfter] = [roleCodes(before.roles), roleCodes(roles)];
        if (!sameList(codesBefore, codesAfter)) {
          await recordAudit(
            trx,
            {
              schoolId,
              actorPersonId: viewer.person.id,
              action: 'role_changed',
              subject: { kind: 'person', id },
              details: { before: codesBefore, after: codesAfter },
            },
            clock.now(),
          );
        }
        return { ok: true, person: updated };
      });
    },

    /**
     * What importing the file would do, found by importing it in a transaction that is then rolled
     * back: the figures come from the very code that will run on confirming, so they cannot drift.
     * They include whose access the file would change, and whether the viewer may change it.
     */
    async rehearseImport(viewer: Viewer, kind: RosterKind, text: string, today: string): Promise<ReviewedImport> {
      allow(viewer, 'manage_people');
      try {
        await inTransaction(async (trx) => {
          throw new Rehearsed(await importReviewed(trx, viewer, kind, text, today));
        });
      } catch (error) {
        if (error instanceof Rehearsed) return error.result;
        throw error;
      }
      throw new Error('The rehearsal ended without a result');
    },

    /**
     * Imports a roster file into the viewer's school: all of it, or nothing and every error. A file
     * that changes anyone's access also needs the viewer's code (step-up), checked first and on its
     * own, so that a wrong code is recorded even though nothing is imported.
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
        return await inTransaction(async (trx) => {
          const result = await importReviewed(trx, viewer, kind, text, today);
          if (!result.ok || result.access.changes.length === 0) return result;
          if (result.access.refusal) throw new Refused(result.access.refusal);
          if (!confirmed) {
            throw new Refused(
              'This file changes what people can do in Footprint: enter the code from your authenticator app to confirm',
            );
          }
          await settleAccessChanges(trx, viewer, result.access.changes, clock.now());
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
