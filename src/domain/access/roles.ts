// Who someone is for the purpose of access: worked out from the roles and duties they hold in
// the school's community, plus the one thing that is granted rather than held, running the
// school's Footprint (the office manager, usually).
import type { RoleHeld } from '../community/people.ts';

export const accessRoles = [
  'headteacher',
  'dsl',
  'school_admin',
  'staff',
  'chair_of_governors',
  'governor',
  'parent',
  'volunteer',
  'visitor',
] as const;
export type AccessRole = (typeof accessRoles)[number];

export const accessRoleNames: Readonly<Record<AccessRole, string>> = {
  headteacher: 'Headteacher',
  dsl: 'Designated safeguarding lead',
  school_admin: 'School administrator',
  staff: 'Staff',
  chair_of_governors: 'Chair of governors',
  governor: 'Governor',
  parent: 'Parent or carer',
  volunteer: 'Volunteer',
  visitor: 'Visitor',
};

/** Everything a person's community roles, and an administrator grant, entitle them to act as. */
export function accessRolesOf(roles: readonly RoleHeld[], grants: { schoolAdmin: boolean }): AccessRole[] {
  const found = new Set<AccessRole>();
  for (const held of roles) {
    switch (held.role) {
      case 'staff':
        found.add('staff');
        if (held.duties.includes('headteacher')) found.add('headteacher');
        if (held.duties.includes('dsl') || held.duties.includes('deputy_dsl')) found.add('dsl');
        break;
      case 'governor':
        found.add('governor');
        if (held.duties.includes('chair')) found.add('chair_of_governors');
        break;
      case 'parent':
        found.add('parent');
        break;
      case 'volunteer':
      case 'pta_member':
        found.add('volunteer');
        break;
      case 'visitor':
      case 'contractor':
        found.add('visitor');
        break;
    }
  }
  // Only staff can be given the running of the school's Footprint.
  if (grants.schoolAdmin && found.has('staff')) found.add('school_admin');
  return accessRoles.filter((role) => found.has(role));
}
