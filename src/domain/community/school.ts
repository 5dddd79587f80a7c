// Organisations (a trust, a local authority, or a school standing alone) and their schools.
import { z } from 'zod';

export const organisationKinds = ['trust', 'local_authority', 'standalone'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const phases = [
  'nursery',
  'infant',
  'junior',
  'primary',
  'middle',
  'secondary',
  'all_through',
  'special',
  'alternative_provision',
] as const;
export type Phase = (typeof phases)[number];

const text = (max: number) => z.string().trim().min(1, 'Enter this').max(max, `Use ${max} characters or fewer`);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time such as 08:45');

export const newOrganisationSchema = z.strictObject({
  name: text(120),
  kind: z.enum(organisationKinds),
});
export type NewOrganisation = z.infer<typeof newOrganisationSchema>;

export const newSchoolSchema = z.strictObject({
  name: text(120),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, numbers and dashes, such as oakfield-primary')
    .max(60, 'Use 60 characters or fewer'),
  urn: z.string().regex(/^\d{6}$/, 'Enter the six-digit unique reference number (URN)'),
  phase: z.enum(phases),
  address: z.strictObject({
    line1: text(120),
    line2: z.string().trim().max(120).optional(),
    town: text(60),
    postcode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, 'Enter a real postcode, such as OX7 6XQ'),
  }),
  contactEmail: z.email('Enter an email address in the right format, such as office@school.org.uk'),
  day: z
    .strictObject({ starts: clockTime, ends: clockTime })
    .refine((day) => day.starts < day.ends, { message: 'The school day must end after it starts', path: ['ends'] }),
});
export type NewSchool = z.infer<typeof newSchoolSchema>;

export interface Organisation extends NewOrganisation {
  id: string;
}

export interface School extends NewSchool {
  id: string;
  organisationId: string;
}
