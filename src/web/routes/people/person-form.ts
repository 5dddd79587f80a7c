// The add-a-person and change-a-person form: what was posted, checked with the community's own
// schemas, into a person and their roles, or each field's error, keeping everything typed.
import { z } from 'zod';
import {
  communityRoles,
  governorDuties,
  newPersonSchema,
  staffDuties,
  type NewPerson,
  type Person,
  type RoleHeld,
} from '../../../domain/community/people.ts';
import { limits, text, ticked, type Errors } from '../../forms.ts';
import { governorDutyNames, roleNames, staffDutyNames } from './words.ts';

/**
 * The route's schema of the form: each field bounded (names, an email address, a phone number,
 * the roles and duties ticked) before the community's own schemas give their friendlier messages.
 */
export const personFormSchema = z.object({
  givenName: text('First name', limits.name),
  familyName: text('Last name', limits.name),
  preferredName: text('Preferred name', limits.name),
  email: text('Email address', limits.email),
  phone: text('Phone number', limits.choice),
  misId: text('MIS identifier', limits.choice),
  roles: ticked('Roles'),
  jobTitle: text('Job title', limits.name),
  staffDuties: ticked('Staff duties'),
  governorDuties: ticked('Governor duties'),
  /** The changer's code, asked for when a change alters someone's access. */
  code: text('The code', limits.code),
});

/** The form as typed: text fields as strings, each group of checkboxes as the values ticked. */
export type PersonFormValues = Omit<z.output<typeof personFormSchema>, 'code'>;

/** The form filled in with a person as they are. */
export function valuesOf(person: Person): PersonFormValues {
  const staff = person.roles.find((held) => held.role === 'staff');
  const governor = person.roles.find((held) => held.role === 'governor');
  return {
    givenName: person.givenName,
    familyName: person.familyName,
    preferredName: person.preferredName ?? '',
    email: person.email ?? '',
    phone: person.phone ?? '',
    misId: person.misId ?? '',
    roles: person.roles.map((held) => held.role),
    jobTitle: staff?.jobTitle ?? '',
    staffDuties: staff ? [...staff.duties] : [],
    governorDuties: governor ? [...governor.duties] : [],
  };
}

export const emptyValues: PersonFormValues = personFormSchema.omit({ code: true }).parse({});

const rolesSchema = z
  .object({
    roles: z.array(z.enum(communityRoles)).min(1, 'Select at least one role'),
    jobTitle: z.string().trim().max(120, 'Use 120 characters or fewer for the job title'),
    staffDuties: z.array(z.enum(staffDuties, { error: 'Choose duties from the list' })),
    governorDuties: z.array(z.enum(governorDuties, { error: 'Choose duties from the list' })),
  })
  .superRefine((form, context) => {
    if (form.roles.includes('staff') && form.jobTitle === '') {
      context.addIssue({
        code: 'custom',
        path: ['jobTitle'],
        message: 'Enter their job title, such as Year 3 teacher',
      });
    }
  });

const blankToUndefined = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The person and roles the form describes, or the error of each field to correct. */
export function readPersonForm(
  values: PersonFormValues,
): { ok: true; person: NewPerson; roles: RoleHeld[] } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const person = newPersonSchema.safeParse({
    misId: values.misId,
    givenName: values.givenName,
    familyName: values.familyName,
    preferredName: values.preferredName,
    email: blankToUndefined(values.email),
    phone: blankToUndefined(values.phone),
  });
  const roles = rolesSchema.safeParse(values);
  for (const issue of [...(person.error?.issues ?? []), ...(roles.error?.issues ?? [])]) {
    const field = String(issue.path[0] ?? '');
    errors[field] ??= issue.message;
  }
  if (!person.success || !roles.success) return { ok: false, errors };
  const { jobTitle, staffDuties: staffDutiesTicked, governorDuties: governorDutiesTicked } = roles.data;
  const held = [...new Set(roles.data.roles)].map((role): RoleHeld => {
    if (role === 'staff') return { role, jobTitle, duties: [...new Set(staffDutiesTicked)] };
    if (role === 'governor') return { role, duties: [...new Set(governorDutiesTicked)] };
    return { role };
  });
  return { ok: true, person: person.data, roles: held };
}

/** The order errors are listed in at the top of the page: the order of the fields. */
export const fieldOrder = [
  'givenName',
  'familyName',
  'preferredName',
  'email',
  'phone',
  'misId',
  'roles',
  'jobTitle',
  'staffDuties',
  'governorDuties',
];

/** The choices of each group of checkboxes, ticked as the values say. */
export function choices(values: PersonFormValues) {
  const items = <Code extends string>(group: string, names: Readonly<Record<Code, string>>, ticked: string[]) =>
    (Object.entries(names) as [Code, string][]).map(([value, text]) => ({
      value,
      text,
      checked: ticked.includes(value),
      attributes: { 'data-qa': `${group}-${value}` },
    }));
  return {
    roles: items('role', roleNames, values.roles),
    staffDuties: items('staff-duty', staffDutyNames, values.staffDuties),
    governorDuties: items('governor-duty', governorDutyNames, values.governorDuties),
  };
}
