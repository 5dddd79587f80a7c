// The school's words for Footprint's codes: roles, duties, relationships, year groups and dates,
// as the people pages show them.
import type { AccessChange } from '../../../domain/access/changes.ts';
import { accessRoleNames, type AccessRole } from '../../../domain/access/roles.ts';
import { formatDate } from '../../../domain/policy/render/dates.ts';
import type { CommunityRole, GovernorDuty, RoleHeld, StaffDuty } from '../../../domain/community/people.ts';
import type { CarerRelationship, Pupil, YearGroup } from '../../../domain/community/pupils.ts';
import type { RosterKind } from '../../../domain/roster/index.ts';

export const roleNames: Readonly<Record<CommunityRole, string>> = {
  staff: 'Staff',
  governor: 'Governor',
  parent: 'Parent or carer',
  volunteer: 'Volunteer',
  pta_member: 'PTA member',
  visitor: 'Visitor',
  contractor: 'Contractor',
};

/** What the list's filter calls each group. */
export const groupNames: Readonly<Record<CommunityRole | 'pupil', string>> = {
  staff: 'Staff',
  governor: 'Governors',
  parent: 'Parents and carers',
  volunteer: 'Volunteers',
  pta_member: 'PTA members',
  visitor: 'Visitors',
  contractor: 'Contractors',
  pupil: 'Pupils',
};

export const staffDutyNames: Readonly<Record<StaffDuty, string>> = {
  headteacher: 'Headteacher',
  deputy_headteacher: 'Deputy headteacher',
  dsl: 'Designated safeguarding lead (DSL)',
  deputy_dsl: 'Deputy DSL',
  teacher: 'Teacher',
  teaching_assistant: 'Teaching assistant',
  office: 'Office',
  site: 'Site',
  other: 'Other',
};

export const governorDutyNames: Readonly<Record<GovernorDuty, string>> = {
  chair: 'Chair',
  vice_chair: 'Vice-chair',
  safeguarding_link: 'Safeguarding link governor',
  member: 'Member',
};

export const relationshipNames: Readonly<Record<CarerRelationship, string>> = {
  mother: 'Mother',
  father: 'Father',
  parent: 'Parent',
  step_parent: 'Step-parent',
  grandparent: 'Grandparent',
  aunt_or_uncle: 'Aunt or uncle',
  sibling: 'Sibling',
  foster_carer: 'Foster carer',
  carer: 'Carer',
  other: 'Other',
};

export const rosterKindNames: Readonly<Record<RosterKind, { title: string; one: string; many: string }>> = {
  staff: { title: 'Staff', one: 'member of staff', many: 'members of staff' },
  pupils: { title: 'Pupils', one: 'pupil', many: 'pupils' },
  contacts: { title: 'Parents and carers', one: 'parent or carer', many: 'parents and carers' },
};

export function yearGroupName(group: YearGroup): string {
  if (group === 'N1') return 'Nursery 1';
  if (group === 'N2') return 'Nursery 2';
  if (group === 'R') return 'Reception';
  return `Year ${group}`;
}

/** 2019-11-14 → 14 November 2019. */
export const longDate = (day: string): string => formatDate(day);

/** "Staff: Headteacher, Designated safeguarding lead (DSL)" and the like. */
export function describeRole(held: RoleHeld): string {
  if (held.role === 'staff') {
    const duties = held.duties.map((duty) => staffDutyNames[duty]);
    const title = held.jobTitle.trim();
    const parts = [title, ...duties.filter((duty) => duty.toLowerCase() !== title.toLowerCase())].filter(Boolean);
    return parts.length > 0 ? `Staff: ${parts.join(', ')}` : 'Staff';
  }
  if (held.role === 'governor') {
    const duties = held.duties.map((duty) => governorDutyNames[duty]);
    return duties.length > 0 ? `Governor: ${duties.join(', ')}` : 'Governor';
  }
  return roleNames[held.role];
}

/** The name a pupil goes by. */
export const pupilName = (pupil: Pick<Pupil, 'preferredName' | 'legalGivenName' | 'legalFamilyName'>) =>
  `${pupil.preferredName ?? pupil.legalGivenName} ${pupil.legalFamilyName}`;

/** "1 pupil", "2,000 pupils". */
export function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** "Gains Headteacher access; loses Designated safeguarding lead access." */
export function describeAccessChange(change: Pick<AccessChange, 'gained' | 'lost'>): string {
  const names = (roles: readonly AccessRole[]) => roles.map((role) => accessRoleNames[role]).join(' and ');
  const parts = [
    ...(change.gained.length > 0 ? [`gains ${names(change.gained)} access`] : []),
    ...(change.lost.length > 0 ? [`loses ${names(change.lost)} access`] : []),
  ];
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
