// What the demo generator gives back: plain data, ready to be written to the database.
import type { NewPerson, RoleHeld } from '../community/people.ts';
import type { CarerRelationship, NewPupil } from '../community/pupils.ts';
import type { NewOrganisation, NewSchool } from '../community/school.ts';

/** How an adult is linked to a pupil of the same school, named by the pupil's MIS id. */
export interface DemoCarerLink {
  pupilMisId: string;
  relationship: CarerRelationship;
  parentalResponsibility: boolean;
  /** 1 is the first to contact; unique among one pupil's carers. */
  contactPriority: number;
}

/** Someone in the school community. `links` is empty unless they care for a pupil. */
export interface DemoPerson {
  person: NewPerson;
  roles: RoleHeld[];
  links: DemoCarerLink[];
}

/**
 * One school and its community. Each person appears once, in the list named by their first role;
 * further roles (a teacher who is also a parent, a parent on the PTA) follow in `roles`.
 */
export interface DemoSchool {
  school: NewSchool;
  pupils: NewPupil[];
  staff: DemoPerson[];
  governors: DemoPerson[];
  carers: DemoPerson[];
  volunteers: DemoPerson[];
  pta: DemoPerson[];
  visitors: DemoPerson[];
  contractors: DemoPerson[];
}

export interface DemoTrust {
  organisation: NewOrganisation;
  schools: DemoSchool[];
}

/** Everyone in a demo school, each once. */
export function everyone(school: DemoSchool): DemoPerson[] {
  const { staff, governors, carers, volunteers, pta, visitors, contractors } = school;
  return [...staff, ...governors, ...carers, ...volunteers, ...pta, ...visitors, ...contractors];
}
