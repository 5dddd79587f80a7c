// The declarations register: relationships outside school that staff, governors and volunteers
// tell the Headteacher about, and what the Headteacher decided. An approved declaration answers
// the policy's "have you declared it, and is it approved?" for the person who made it.
import { questions, type Answers } from '../check/questions.ts';
import { formatDate } from '../policy/render/dates.ts';

export const declarationKinds = ['parent_friendship', 'family_link', 'former_pupil'] as const;
export type DeclarationKind = (typeof declarationKinds)[number];

export const familyRelationships = [
  'parent',
  'sibling',
  'grandparent',
  'aunt_uncle',
  'cousin',
  'other_family',
] as const;
export type FamilyRelationship = (typeof familyRelationships)[number];

export type DeclarationStatus = 'pending' | 'approved' | 'declined';

export const declarationKindNames: Readonly<Record<DeclarationKind, string>> = {
  parent_friendship: 'Online friendship with a parent or carer',
  family_link: 'Family link to a pupil',
  former_pupil: 'Contact with a former pupil',
};

export const familyRelationshipNames: Readonly<Record<FamilyRelationship, string>> = {
  parent: 'I am their parent or carer',
  sibling: 'I am their brother or sister',
  grandparent: 'I am their grandparent',
  aunt_uncle: 'I am their aunt or uncle',
  cousin: 'I am their cousin',
  other_family: 'Another family relationship',
};

export const declarationStatusNames: Readonly<Record<DeclarationStatus, string>> = {
  pending: 'Waiting for the Headteacher',
  approved: 'Approved',
  declined: 'Declined',
};

/** What a person declares: one of three kinds, each naming or describing the other person. */
export type DeclarationSubject =
  | { kind: 'parent_friendship'; parentId?: string; description?: string }
  | { kind: 'family_link'; pupilId: string; relationship: FamilyRelationship }
  | { kind: 'former_pupil'; description: string; leftWhen: string };

export type NewDeclaration = DeclarationSubject & { explanation: string };

export interface Decision {
  byPersonId: string;
  at: Date;
  /** YYYY-MM-DD, for an approval. */
  reviewDue?: string;
  /** Why, for a refusal. */
  reason?: string;
}

export type Declaration = NewDeclaration & {
  id: string;
  schoolId: string;
  personId: string;
  status: DeclarationStatus;
  declaredAt: Date;
  decision?: Decision;
};

/** The form's fields as typed, kept whole so that nothing is lost when the form comes back. */
export interface DeclarationFormValues {
  kind: string;
  parentId: string;
  parentDescription: string;
  pupilId: string;
  relationship: string;
  formerName: string;
  leftWhen: string;
  explanation: string;
}

export const emptyDeclarationForm: DeclarationFormValues = {
  kind: '',
  parentId: '',
  parentDescription: '',
  pupilId: '',
  relationship: '',
  formerName: '',
  leftWhen: '',
  explanation: '',
};

/** The order the fields appear in, so the error summary lists them the same way. */
export const declarationFieldOrder: readonly (keyof DeclarationFormValues)[] = [
  'kind',
  'parentId',
  'pupilId',
  'relationship',
  'formerName',
  'leftWhen',
  'explanation',
];

export const maxExplanation = 500;
const maxShortText = 100;

export type DeclarationErrors = Partial<Record<keyof DeclarationFormValues, string>>;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** The declaration the form describes, or what to correct, each message beside its field. */
export function readDeclarationForm(
  values: DeclarationFormValues,
): { ok: true; declaration: NewDeclaration } | { ok: false; errors: DeclarationErrors } {
  const errors: DeclarationErrors = {};
  const explanation = values.explanation.trim();
  const tooLong = (text: string, what: string, field: keyof DeclarationFormValues) => {
    if (text.length > maxShortText) errors[field] = `${what} must be ${maxShortText} characters or fewer`;
  };
  let subject: DeclarationSubject | undefined;
  if (!isOneOf(declarationKinds, values.kind)) {
    errors.kind = 'Select what you are declaring';
  } else if (values.kind === 'parent_friendship') {
    const parentId = values.parentId.trim();
    const description = values.parentDescription.trim();
    if (!parentId && !description) {
      errors.parentId = 'Choose the parent or carer, or describe them if they are not listed';
    } else if (parentId && description) {
      errors.parentId = 'Choose the parent or carer from the list, or describe them, but not both';
    } else {
      tooLong(description, 'The description', 'parentId');
      subject = { kind: 'parent_friendship', ...(parentId ? { parentId } : { description }) };
    }
  } else if (values.kind === 'family_link') {
    const pupilId = values.pupilId.trim();
    if (!pupilId) errors.pupilId = 'Choose the pupil';
    if (!isOneOf(familyRelationships, values.relationship)) errors.relationship = 'Select how you are related';
    else if (pupilId) subject = { kind: 'family_link', pupilId, relationship: values.relationship };
  } else {
    const description = values.formerName.trim();
    const leftWhen = values.leftWhen.trim();
    if (!description) errors.formerName = 'Enter the former pupil’s name';
    else tooLong(description, 'Their name', 'formerName');
    if (!leftWhen) errors.leftWhen = 'Enter when they left the school, such as July 2022';
    else tooLong(leftWhen, 'When they left', 'leftWhen');
    if (description && leftWhen) subject = { kind: 'former_pupil', description, leftWhen };
  }
  if (!explanation) errors.explanation = 'Explain the relationship in a sentence or two';
  else if (explanation.length > maxExplanation)
    errors.explanation = `The explanation must be ${maxExplanation} characters or fewer`;
  if (Object.keys(errors).length > 0 || !subject) return { ok: false, errors };
  return { ok: true, declaration: { ...subject, explanation } };
}

/** YYYY-MM-DD a year after the day; 29 February moves to 28 February. */
export function oneYearOn(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year + 1, month - 1, date));
  if (next.getUTCMonth() !== month - 1) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}

export function daysAfter(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** How far ahead the Headteacher is reminded of a declaration's review. */
export const reviewNoticeDays = 14;

export const maxReason = 500;

/** What is wrong with an approval's review date, or nothing. */
export function reviewDateProblem(reviewDue: string, today: string): string | undefined {
  if (reviewDue <= today) return 'The review date must be in the future';
  if (reviewDue > daysAfter(today, 3 * 366)) return 'The review date must be within three years';
  return undefined;
}

export function declineReasonProblem(reason: string): string | undefined {
  if (!reason.trim()) return 'Give the reason you are declining it, for the person who declared it';
  if (reason.trim().length > maxReason) return `The reason must be ${maxReason} characters or fewer`;
  return undefined;
}

/** Who an approved declaration lets the declarer be in touch with, in the check's words. */
export interface Covered {
  with: 'pupil' | 'parent' | 'former_pupil';
  relationship: 'family' | 'friend';
}

const coveredBy: Readonly<Record<DeclarationKind, readonly Covered[]>> = {
  family_link: [{ with: 'pupil', relationship: 'family' }],
  parent_friendship: [{ with: 'parent', relationship: 'friend' }],
  former_pupil: [
    { with: 'former_pupil', relationship: 'friend' },
    { with: 'former_pupil', relationship: 'family' },
  ],
};

/**
 * What a person's approved declarations cover on the day. An approval holds until its review
 * date: after that the Headteacher has to look at it again before it counts.
 */
export function coverageOf(declarations: readonly Declaration[], today: string): Covered[] {
  const found = new Map<string, Covered>();
  for (const declaration of declarations) {
    if (declaration.status !== 'approved') continue;
    const reviewDue = declaration.decision?.reviewDue;
    if (reviewDue !== undefined && reviewDue < today) continue;
    for (const covered of coveredBy[declaration.kind]) found.set(`${covered.with}:${covered.relationship}`, covered);
  }
  return [...found.values()];
}

const declaredQuestion = questions.find((question) => question.key === 'declared');

/**
 * The check's answers that the register gives: "declared and approved" when the check would ask
 * and an approved declaration covers the other person as described. Empty otherwise, so that the
 * person is asked as anyone else would be.
 */
export function registerAnswers(coverage: readonly Covered[], answers: Answers): Answers {
  if (!declaredQuestion?.asked(answers)) return {};
  const other = answers.with?.[0];
  const relationship = answers.relationship?.[0];
  const covered = coverage.some((c) => c.with === other && c.relationship === relationship);
  return covered ? { declared: ['approved'] } : {};
}

/**
 * The Headteacher's email of declarations coming up for review. It names nobody: an email can be
 * forwarded or read over a shoulder, so it gives the dates and sends them to the register.
 */
export function reviewDigestEmail(
  school: { name: string },
  due: readonly { reviewDue: string }[],
  registerUrl: string,
): { subject: string; text: string } {
  const count = due.length;
  const dates = [...due].sort((a, b) => a.reviewDue.localeCompare(b.reviewDue));
  return {
    subject: `${school.name}: ${count} declared ${count === 1 ? 'relationship is' : 'relationships are'} due for review`,
    text:
      [
        `${count === 1 ? 'One declared relationship is' : `${count} declared relationships are`} due for review in the next ${reviewNoticeDays} days:`,
        dates.map((d) => `- review by ${formatDate(d.reviewDue)}`).join('\n'),
        'Sign in to Footprint to approve each one again with a new review date, or to decline it.',
        registerUrl,
        'You receive this because you are the Headteacher in Footprint.',
      ].join('\n\n') + '\n',
  };
}
