// What services need from the outside world. Adapters implement these; services never
// see a database handle, a driver or a framework.
import type { NewPerson, Person, RoleHeld } from '../domain/community/people.ts';
import type { CarerLink, NewPupil, Pupil, YearGroup } from '../domain/community/pupils.ts';
import type { NewOrganisation, NewSchool, Organisation, School } from '../domain/community/school.ts';
import type { Setting } from '../domain/setting.ts';
import type { PolicyLibrary } from './policies.ts';

export interface SettingsRepository {
  find(key: string): Promise<Setting | undefined>;
  save(key: string, value: unknown, at: Date): Promise<void>;
}

/** The repositories, all working in the same transaction when given by `inTransaction`. */
export interface Page<T> {
  items: T[];
  total: number;
}

export interface SchoolsRepository {
  addOrganisation(organisation: NewOrganisation): Promise<Organisation>;
  addSchool(organisationId: string, school: NewSchool): Promise<School>;
  findBySlug(slug: string): Promise<School | undefined>;
  findByUrn(urn: string): Promise<School | undefined>;
  count(): Promise<number>;
  ofOrganisation(organisationId: string): Promise<School[]>;
}

export interface PeopleQuery {
  /** Part of a name or an email address. */
  search?: string;
  role?: RoleHeld['role'];
  limit: number;
  offset: number;
}

/** The adults of one school's community: every call names the school. */
export interface PeopleRepository {
  add(schoolId: string, people: readonly { person: NewPerson; roles: readonly RoleHeld[] }[]): Promise<Person[]>;
  find(schoolId: string, id: string): Promise<Person | undefined>;
  list(schoolId: string, query: PeopleQuery): Promise<Page<Person>>;
}

export interface PupilsQuery {
  search?: string;
  yearGroup?: YearGroup;
  /** Only pupils still on the roll on this day (YYYY-MM-DD). */
  onRollOn?: string;
  limit: number;
  offset: number;
}

/** One school's pupils and their carers: every call names the school. */
export interface PupilsRepository {
  add(schoolId: string, pupils: readonly NewPupil[]): Promise<Pupil[]>;
  find(schoolId: string, id: string): Promise<Pupil | undefined>;
  list(schoolId: string, query: PupilsQuery): Promise<Page<Pupil>>;
  linkCarers(schoolId: string, links: readonly CarerLink[]): Promise<void>;
  carersOf(schoolId: string, pupilId: string): Promise<{ carer: Person; link: CarerLink }[]>;
  childrenOf(schoolId: string, carerId: string): Promise<{ pupil: Pupil; link: CarerLink }[]>;
}

export interface Upserted {
  /** MIS id → the row's id, for everything written. */
  ids: Map<string, string>;
  added: number;
  updated: number;
}

/** Whole rosters at once, matched on the school's MIS identifiers. */
export interface RosterRepository {
  upsertPupils(schoolId: string, pupils: readonly NewPupil[]): Promise<Upserted>;
  /** Marks as left on `day` every pupil on the roll whose MIS id is not in `stillHere`; returns how many. */
  markPupilsLeft(schoolId: string, stillHere: readonly string[], day: string): Promise<number>;
  pupilIdsByMisId(schoolId: string): Promise<Map<string, string>>;
  upsertPeopleWithRole(
    schoolId: string,
    people: readonly { person: NewPerson & { misId: string }; role: RoleHeld }[],
  ): Promise<Upserted>;
  upsertCarerLinks(schoolId: string, links: readonly CarerLink[]): Promise<void>;
}

export interface Store {
  settings: SettingsRepository;
  roster: RosterRepository;
  schools: SchoolsRepository;
  people: PeopleRepository;
  pupils: PupilsRepository;
}

export interface DatabaseStatus {
  /** Resolves when the database answers, rejects when it does not. */
  ping(): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export type { PolicyLibrary } from './policies.ts';

export interface Adapters {
  store: Store;
  policyLibrary: PolicyLibrary;
  inTransaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  database: DatabaseStatus;
  clock: Clock;
}
