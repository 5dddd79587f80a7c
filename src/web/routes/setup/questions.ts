// The questions of the first-run set-up, one page each, in the order they are asked. Each
// names its fields by where their answers go (see answers.ts); the domain schemas check them.
import type { Answers } from './answers.ts';

export interface Field {
  /** Where the answer goes, such as "school.address.postcode"; also the form field's name. */
  name: string;
  /** The message when it is left empty, where the schema's own would not say what to enter. */
  missing?: string | ((answers: Answers) => string);
  /** The message for any other problem, where the schema's own is not plain English. */
  invalid?: string;
  /** May be left empty. */
  optional?: true;
  /** Forgives the ways people write a valid answer, before it is checked. */
  tidy?: (value: string) => string;
}

export interface Question {
  /** The page's address, under /setup/. */
  path: string;
  template: string;
  title: (answers: Answers) => string;
  fields: Field[];
  /** Asked only when this holds. */
  appliesTo?: (answers: Answers) => boolean;
  /** What the page offers before it is first answered. */
  suggest?: (answers: Answers) => Record<string, string>;
  /** Answers that no longer hold once this page's answers change. */
  resets?: string[];
}

const organisationNoun = (answers: Answers) =>
  answers.organisation?.kind === 'local_authority' ? 'the local authority' : 'the trust';

const chooseKind = 'Select whether your school is part of a multi-academy trust or a local authority, or stands alone';
const choosePhase = 'Select your school’s phase';

/** "8:45" and "08.45" both mean 08:45. */
export function tidyTime(value: string): string {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(value);
  return match ? `${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? ''}` : value;
}

/** A web address made from the school's name: "St Mary’s C of E Primary" → "st-marys-c-of-e-primary". */
export function suggestSlug(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replaceAll('&', ' and ')
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const longer = slug ? `${slug}-${word}` : word;
    if (longer.length > 60) break;
    slug = longer;
  }
  return slug;
}

export const questions: readonly Question[] = [
  {
    path: 'organisation-type',
    template: 'setup/organisation-type.njk',
    title: () => 'Is your school part of a multi-academy trust or a local authority, or does it stand alone?',
    fields: [{ name: 'organisation.kind', missing: chooseKind, invalid: chooseKind }],
    resets: ['organisation.name'],
  },
  {
    path: 'organisation-name',
    template: 'setup/organisation-name.njk',
    title: (answers) => `What is the name of ${organisationNoun(answers)}?`,
    fields: [{ name: 'organisation.name', missing: (answers) => `Enter the name of ${organisationNoun(answers)}` }],
    appliesTo: (answers) => answers.organisation?.kind !== 'standalone',
  },
  {
    path: 'school-name',
    template: 'setup/school-name.njk',
    title: () => 'What is your school’s name?',
    fields: [{ name: 'school.name', missing: 'Enter your school’s name' }],
  },
  {
    path: 'reference-number-and-phase',
    template: 'setup/reference-number-and-phase.njk',
    title: () => 'Your school’s reference number and phase',
    fields: [
      { name: 'school.urn', tidy: (value) => value.replace(/\s+/g, '') },
      { name: 'school.phase', missing: choosePhase, invalid: choosePhase },
    ],
  },
  {
    path: 'web-address',
    template: 'setup/web-address.njk',
    title: () => 'Choose the web address for your school’s public pages',
    fields: [
      { name: 'school.slug', missing: 'Enter a web address, such as oakfield-primary', tidy: (v) => v.toLowerCase() },
    ],
    suggest: (answers) => ({
      'school.slug': suggestSlug(typeof answers.school?.name === 'string' ? answers.school.name : ''),
    }),
  },
  {
    path: 'address',
    template: 'setup/address.njk',
    title: () => 'What is your school’s address?',
    fields: [
      { name: 'school.address.line1', missing: 'Enter the first line of the address' },
      { name: 'school.address.line2', optional: true, invalid: 'Use 120 characters or fewer' },
      { name: 'school.address.town', missing: 'Enter the town or city' },
      { name: 'school.address.postcode', missing: 'Enter the postcode' },
    ],
  },
  {
    path: 'contact-and-school-day',
    template: 'setup/contact-and-school-day.njk',
    title: () => 'Contact email and school day',
    fields: [
      { name: 'school.contactEmail', missing: 'Enter the school’s contact email address' },
      { name: 'school.day.starts', missing: 'Enter the time the school day starts', tidy: tidyTime },
      { name: 'school.day.ends', missing: 'Enter the time the school day ends', tidy: tidyTime },
    ],
  },
  {
    path: 'headteacher',
    template: 'setup/headteacher.njk',
    title: () => 'Who is the Headteacher?',
    fields: [
      { name: 'headteacher.givenName' },
      { name: 'headteacher.familyName' },
      { name: 'headteacher.email', missing: 'Enter the Headteacher’s email address' },
    ],
  },
];
