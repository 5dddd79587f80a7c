// The repositories, bound to a database handle or to a transaction, as services see them.
import type { Kysely } from 'kysely';
import type { Store } from '../../services/ports.ts';
import { findSetting, saveSetting } from './repositories/app-settings.ts';
import {
  markPupilsLeft,
  pupilIdsByMisId,
  upsertCarerLinks,
  upsertPeopleWithRole,
  upsertPupils,
} from './repositories/roster.ts';
import { addPeople, findPerson, listPeople } from './repositories/people.ts';
import { addPupils, carersOf, childrenOf, findPupil, linkCarers, listPupils } from './repositories/pupils.ts';
import {
  addOrganisation,
  addSchool,
  countSchools,
  findSchoolBySlug,
  findSchoolByUrn,
  schoolsOf,
} from './repositories/schools.ts';
import type { Tables } from './tables.ts';

export function storeFor(db: Kysely<Tables>): Store {
  return {
    settings: {
      find: (key) => findSetting(db, key),
      save: (key, value, at) => saveSetting(db, key, value, at),
    },
    roster: {
      upsertPupils: (schoolId, pupils) => upsertPupils(db, schoolId, pupils),
      markPupilsLeft: (schoolId, stillHere, day) => markPupilsLeft(db, schoolId, stillHere, day),
      pupilIdsByMisId: (schoolId) => pupilIdsByMisId(db, schoolId),
      upsertPeopleWithRole: (schoolId, people) => upsertPeopleWithRole(db, schoolId, people),
      upsertCarerLinks: (schoolId, links) => upsertCarerLinks(db, schoolId, links),
    },
    schools: {
      addOrganisation: (organisation) => addOrganisation(db, organisation),
      addSchool: (organisationId, school) => addSchool(db, organisationId, school),
      findBySlug: (slug) => findSchoolBySlug(db, slug),
      findByUrn: (urn) => findSchoolByUrn(db, urn),
      count: () => countSchools(db),
      ofOrganisation: (organisationId) => schoolsOf(db, organisationId),
    },
    people: {
      add: (schoolId, people) => addPeople(db, schoolId, people),
      find: (schoolId, id) => findPerson(db, schoolId, id),
      list: (schoolId, query) => listPeople(db, schoolId, query),
    },
    pupils: {
      add: (schoolId, pupils) => addPupils(db, schoolId, pupils),
      find: (schoolId, id) => findPupil(db, schoolId, id),
      list: (schoolId, query) => listPupils(db, schoolId, query),
      linkCarers: (schoolId, links) => linkCarers(db, schoolId, links),
      carersOf: (schoolId, pupilId) => carersOf(db, schoolId, pupilId),
      childrenOf: (schoolId, carerId) => childrenOf(db, schoolId, carerId),
    },
  };
}
