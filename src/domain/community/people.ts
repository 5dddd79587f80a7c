// The school community: the adults around a school, each with one or more roles (a teacher
// who is also a parent holds both), and the duties within a role that the policies name.
import { z } from 'zod';

export const communityRoles = [
  'staff',
  'governor',
  'parent',
  'volunteer',
  'pta_member',
  'visitor',
  'contractor',
] as const;
export type CommunityRole = (typeof communityRoles)[number];

/** What a member of staff does. A school may have co-heads, and a DSL with deputies. */
export const staffDuties = [
  'headteacher',
  'deputy_headteacher',
  'dsl',
  'deputy_dsl',
  'teacher',
  'teaching_assistant',
  'office',
  'site',
  'other',
] as const;
export type StaffDuty = (typeof staffDuties)[number];

export const governorDuties = ['chair', 'vice_chair', 'safeguarding_link', 'member'] as const;
export type GovernorDuty = (typeof governorDuties)[number];

export type RoleHeld =
  | { role: 'staff'; jobTitle: string; duties: StaffDuty[] }
  | { role: 'governor'; duties: GovernorDuty[] }
  | { role: 'parent' | 'volunteer' | 'pta_member' | 'visitor' | 'contractor' };

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use ${max} characters or fewer`)
    .transform((v) => (v === '' ? undefined : v))
    .optional();

export const newPersonSchema = z.strictObject({
  /** The identifier in the school's management information system, when it has one. */
  misId: optionalText(40),
  givenName: z.string().trim().min(1, 'Enter a first name').max(80),
  familyName: z.string().trim().min(1, 'Enter a last name').max(80),
  preferredName: optionalText(80),
  email: z.email('Enter an email address in the right format, such as name@example.com').optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[\d ()-]{10,20}$/, 'Enter a phone number, such as 01632 960 001 or +44 7700 900 982')
    .optional(),
});
export type NewPerson = z.infer<typeof newPersonSchema>;

export interface Person extends NewPerson {
  id: string;
  schoolId: string;
  roles: RoleHeld[];
}

/** The name a person goes by. */
export function displayName(person: Pick<NewPerson, 'givenName' | 'familyName' | 'preferredName'>): string {
  return `${person.preferredName ?? person.givenName} ${person.familyName}`;
}
