// Pupils and the adults who care for them. A pupil's age and whether they are still on the roll
// decide which rules of a policy apply (e.g. a former pupil under 18), so both are exact.
import { z } from 'zod';

export const yearGroups = [
  'N1',
  'N2',
  'R',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  '12',
  '13',
] as const;
export type YearGroup = (typeof yearGroups)[number];

export const carerRelationships = [
  'mother',
  'father',
  'parent',
  'step_parent',
  'grandparent',
  'aunt_or_uncle',
  'sibling',
  'foster_carer',
  'carer',
  'other',
] as const;
export type CarerRelationship = (typeof carerRelationships)[number];

const isoDate = z.iso.date('Enter a real date, such as 2017-09-27');

export const newPupilSchema = z.strictObject({
  misId: z.string().trim().min(1, 'Enter the pupil’s MIS identifier').max(40),
  legalGivenName: z.string().trim().min(1, 'Enter the pupil’s legal first name').max(80),
  legalFamilyName: z.string().trim().min(1, 'Enter the pupil’s legal last name').max(80),
  preferredName: z.string().trim().max(80).optional(),
  dateOfBirth: isoDate,
  yearGroup: z.enum(yearGroups, { error: `Enter a year group: ${yearGroups.join(', ')}` }),
  className: z.string().trim().max(40).optional(),
  leftOn: isoDate.optional(),
});
export type NewPupil = z.infer<typeof newPupilSchema>;

export interface Pupil extends NewPupil {
  id: string;
  schoolId: string;
}

export interface CarerLink {
  pupilId: string;
  carerId: string;
  relationship: CarerRelationship;
  parentalResponsibility: boolean;
  /** 1 is the first to contact. */
  contactPriority?: number;
}

/** Whole years of age on a day (both YYYY-MM-DD); a birthday on 29 February counts from 1 March. */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/** Still on the school's roll on that day. */
export function isOnRoll(pupil: Pick<NewPupil, 'leftOn'>, day: string): boolean {
  return pupil.leftOn === undefined || pupil.leftOn > day;
}

/** A pupil as lists to choose from show them: the name they go by, and their year. */
export function pupilLabel(
  pupil: Pick<NewPupil, 'legalGivenName' | 'legalFamilyName' | 'preferredName' | 'yearGroup'>,
): string {
  const name = `${pupil.preferredName ?? pupil.legalGivenName} ${pupil.legalFamilyName}`;
  return `${name}, year ${pupil.yearGroup}`;
}
