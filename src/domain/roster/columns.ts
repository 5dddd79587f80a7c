// The columns of each roster file, and the headings that schools' management information
// systems (SIMS, Arbor, Bromcom, ScholarPack…) give them in their exports.

export const rosterKinds = ['staff', 'pupils', 'contacts'] as const;
export type RosterKind = (typeof rosterKinds)[number];

export interface RosterColumn<Key extends string = string> {
  key: Key;
  /** The heading in Footprint's templates. */
  name: string;
  required: boolean;
  description: string;
  /** Other headings accepted, in order of preference: when two columns match, the earlier wins. */
  variants: readonly string[];
}

const column = <Key extends string>(
  key: Key,
  name: string,
  required: boolean,
  description: string,
  variants: readonly string[],
): RosterColumn<Key> => ({ key, name, required, description, variants });

const required = true;
const optional = false;

const staffColumns = [
  column('misId', 'MIS ID', required, 'The staff member’s identifier in your MIS, which stays the same over time.', [
    'Staff ID',
    'Staff Code',
    'Employee Number',
    'ID',
  ]),
  column('givenName', 'First name', required, 'Their first name.', ['Legal Forename', 'Forename', 'Given Name']),
  column('familyName', 'Last name', required, 'Their last name.', ['Legal Surname', 'Surname', 'Family Name']),
  column('preferredName', 'Preferred name', optional, 'The first name they go by, if different.', [
    'Preferred Forename',
    'Known As',
    'Preferred First Name',
  ]),
  column('email', 'Work email', optional, 'Their school email address. Each member of staff needs their own.', [
    'School Email',
    'Email',
    'Email Address',
  ]),
  column('phone', 'Phone', optional, 'A work phone number.', ['Work Phone', 'Telephone', 'Mobile', 'Phone Number']),
  column('jobTitle', 'Job title', optional, 'Their job, in your words, such as Year 3 teacher.', [
    'Role',
    'Post',
    'Position',
    'Job Role',
  ]),
  column(
    'duties',
    'Duties',
    optional,
    'What the policies need to know they do, separated by semicolons: Headteacher, Deputy headteacher, DSL, ' +
      'Deputy DSL, Teacher, Teaching assistant, Office, Site or Other.',
    ['Duty', 'Responsibilities'],
  ),
] as const;

const pupilColumns = [
  column('misId', 'MIS ID', required, 'The pupil’s identifier in your MIS, which stays the same over time.', [
    'UPN',
    'Admission Number',
    'Adno',
    'Pupil ID',
    'Student ID',
    'ID',
  ]),
  column('legalGivenName', 'Legal first name', required, 'Their legal first name.', [
    'Legal Forename',
    'Forename',
    'First Name',
    'Given Name',
  ]),
  column('legalFamilyName', 'Legal last name', required, 'Their legal last name.', [
    'Legal Surname',
    'Surname',
    'Last Name',
    'Family Name',
  ]),
  column('preferredName', 'Preferred name', optional, 'The first name they go by, if different.', [
    'Preferred Forename',
    'Known As',
    'Preferred First Name',
  ]),
  column('dateOfBirth', 'Date of birth', required, 'As DD/MM/YYYY, such as 27/09/2016.', ['DOB', 'Birth Date']),
  column('yearGroup', 'Year group', required, 'N1, N2, Reception, or Year 1 to Year 13.', [
    'Year',
    'NC Year',
    'Curriculum Year',
    'National Curriculum Year',
  ]),
  column('className', 'Class', optional, 'Their class or registration group.', [
    'Reg Group',
    'Registration Group',
    'Form',
    'Form Group',
    'Tutor Group',
    'Class Name',
  ]),
] as const;

const contactColumns = [
  column('misId', 'Contact MIS ID', required, 'The contact’s identifier in your MIS.', [
    'Contact ID',
    'Contact Code',
    'Parent ID',
    'Carer ID',
  ]),
  column('givenName', 'First name', required, 'Their first name.', [
    'Contact Forename',
    'Contact First Name',
    'Forename',
    'Given Name',
  ]),
  column('familyName', 'Last name', required, 'Their last name.', [
    'Contact Surname',
    'Contact Last Name',
    'Surname',
    'Family Name',
  ]),
  column('email', 'Email', optional, 'Their email address.', ['Contact Email', 'Email Address']),
  column('phone', 'Phone', optional, 'Their phone number.', [
    'Mobile',
    'Mobile Phone',
    'Mobile Number',
    'Telephone',
    'Phone Number',
  ]),
  column(
    'pupilMisId',
    'Pupil MIS ID',
    required,
    'The MIS ID of the child this row links them to, as in your pupils file. ' +
      'A contact with several children at the school has one row for each.',
    ['Pupil ID', 'Student ID', 'Child ID', 'UPN', 'Admission Number', 'Adno'],
  ),
  column(
    'relationship',
    'Relationship',
    required,
    'Who they are to the child: Mother, Father, Parent, Step-parent, Grandparent, Aunt or uncle, Sibling, ' +
      'Foster carer, Carer or Other.',
    ['Relationship to Pupil', 'Relationship to Student', 'Relation'],
  ),
  column('parentalResponsibility', 'Parental responsibility', required, 'Yes or No.', [
    'Has Parental Responsibility',
    'PR',
  ]),
  column('contactPriority', 'Contact priority', optional, '1 for the first to contact, 2 for the next, and so on.', [
    'Priority',
    'Contact Order',
    'Priority Order',
  ]),
] as const;

export const rosterColumns = { staff: staffColumns, pupils: pupilColumns, contacts: contactColumns } as const;

export type ColumnKey<Kind extends RosterKind> = (typeof rosterColumns)[Kind][number]['key'];

/** Headings compared without case, spaces or punctuation: "Date of Birth" and "date_of_birth" match. */
export const headingKey = (heading: string) => heading.toLowerCase().replace(/[^a-z0-9]/g, '');
