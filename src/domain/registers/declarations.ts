// The declarations register: relationships outside school that staff, governors and volunteers
// tell the Headteacher about (the Headteacher tells the chair of governors), and what was decided.
// A declaration answers the policy's "have you declared it, and is it approved?" for the person who
// made it, about the person it names and nobody else.
import type { AccessRole } from '../access/roles.ts';
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

/** How far ahead the decider (the Headteacher, or the chair for the Headteacher's own) is reminded of a review. */
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

/** Who decides on a declaration: the Headteacher, or, for the Headteacher's own, the chair of governors. */
export type Decider = 'headteacher' | 'chair_of_governors';

export const deciderNames: Readonly<Record<Decider, string>> = {
  headteacher: 'the Headteacher',
  chair_of_governors: 'the chair of governors',
};

/** Nobody decides on their own declaration: the Headteacher's go to the chair of governors. */
export function deciderFor(declaredByHeadteacher: boolean): Decider {
  return declaredByHeadteacher ? 'chair_of_governors' : 'headteacher';
}

/** A declaration's status in words, naming who it waits for. */
export function statusName(status: DeclarationStatus, decider: Decider): string {
  return status === 'pending' && decider === 'chair_of_governors'
    ? 'Waiting for the chair of governors'
    : declarationStatusNames[status];
}

/**
 * How much of the register someone may read: the Headteacher and the DSL all of it; the chair of
 * governors only the Headteacher's own declarations, which they decide on; anyone else none.
 */
export type RegisterReach = 'all' | 'headteachers_own' | 'none';

export function registerReach(roles: readonly AccessRole[]): RegisterReach {
  if (roles.includes('headteacher') || roles.includes('dsl')) return 'all';
  if (roles.includes('chair_of_governors')) return 'headteachers_own';
  return 'none';
}

export function mayRead(roles: readonly AccessRole[], declaredByHeadteacher: boolean): boolean {
  const reach = registerReach(roles);
  return reach === 'all' || (reach === 'headteachers_own' && declaredByHeadteacher);
}

/** Why this person may not approve or decline the declaration, or nothing when they may. */
export function decisionRefusal(
  by: { personId: string; roles: readonly AccessRole[] },
  declaration: Pick<Declaration, 'personId'>,
  declaredByHeadteacher: boolean,
): string | undefined {
  const decider = deciderFor(declaredByHeadteacher);
  if (declaration.personId === by.personId) {
    return `You made this declaration, so you cannot approve or decline it yourself: ${deciderNames[decider]} decides on it`;
  }
  if (!by.roles.includes(decider)) {
    return decider === 'chair_of_governors'
      ? 'Only the chair of governors can approve or decline the Headteacher’s own declarations'
      : 'Only the Headteacher can approve or decline this declaration';
  }
  return undefined;
}

/** The other person as "Check the policy" names them. */
export type CheckedCounterpart = 'pupil' | 'parent' | 'former_pupil';

/** Which kinds of declaration speak to someone in touch with the other person as described. */
const speaksTo: Readonly<Record<DeclarationKind, readonly { with: CheckedCounterpart; relationship: string }[]>> = {
  family_link: [{ with: 'pupil', relationship: 'family' }],
  parent_friendship: [{ with: 'parent', relationship: 'friend' }],
  former_pupil: [
    { with: 'former_pupil', relationship: 'friend' },
    { with: 'former_pupil', relationship: 'family' },
  ],
};

/** Whether a declaration of the kind is about someone in touch with the other person as described. */
export function kindSpeaksTo(kind: DeclarationKind, other: string | undefined, relationship: string | undefined) {
  return speaksTo[kind].some((c) => c.with === other && c.relationship === relationship);
}

/** What one declaration answers to "Have you told the school, and is it approved?" on the day. */
export type DeclaredAnswer = 'approved' | 'declared' | 'no';

/**
 * Waiting for a decision: declared, not approved. Approved: both, until its review date; after
 * that it has to be looked at again before it counts. Declined: as if never declared.
 */
export function declaredAnswerOf(declaration: Pick<Declaration, 'status' | 'decision'>, today: string): DeclaredAnswer {
  if (declaration.status === 'pending') return 'declared';
  if (declaration.status === 'declined') return 'no';
  const reviewDue = declaration.decision?.reviewDue;
  return reviewDue !== undefined && reviewDue < today ? 'no' : 'approved';
}

/** One of a person's own declarations, with the name of the pupil or parent chosen on it. */
export interface OwnDeclaration {
  declaration: Declaration;
  otherName?: string;
}

/** Whom a declaration is about, so that two declarations about the same person count once. */
function personKey(declaration: Declaration): string {
  switch (declaration.kind) {
    case 'family_link':
      return `pupil:${declaration.pupilId}`;
    case 'parent_friendship':
      return declaration.parentId !== undefined
        ? `parent:${declaration.parentId}`
        : `described:${(declaration.description ?? '').trim().toLowerCase()}`;
    case 'former_pupil':
      return `former:${declaration.description.trim().toLowerCase()}`;
  }
}

/** The person a declaration is about, as its declarer chose or described them. */
export function nameOn({ declaration, otherName }: OwnDeclaration): string {
  if (declaration.kind === 'former_pupil') return `${declaration.description} (left ${declaration.leftWhen})`;
  if (otherName) return otherName;
  return declaration.kind === 'parent_friendship' ? (declaration.description ?? '') : '';
}

const rank: Readonly<Record<DeclaredAnswer, number>> = { approved: 0, declared: 1, no: 2 };

/**
 * The people named on one's declarations that speak to the other person as described, each once:
 * by the declaration that says most (approved and in date, then waiting, then the newest).
 */
export function declaredPeople(
  own: readonly OwnDeclaration[],
  other: string | undefined,
  relationship: string | undefined,
  today: string,
): { declaration: Declaration; name: string; answer: DeclaredAnswer }[] {
  const best = new Map<string, { declaration: Declaration; name: string; answer: DeclaredAnswer }>();
  for (const entry of own) {
    const { declaration } = entry;
    if (!kindSpeaksTo(declaration.kind, other, relationship)) continue;
    const answer = declaredAnswerOf(declaration, today);
    const key = personKey(declaration);
    const held = best.get(key);
    const better =
      !held ||
      rank[answer] < rank[held.answer] ||
      (rank[answer] === rank[held.answer] && declaration.declaredAt > held.declaration.declaredAt);
    if (better) best.set(key, { declaration, name: nameOn(entry), answer });
  }
  return [...best.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The Headteacher's email of declarations coming up for review. It names nobody: an email can be
 * forwarded or read over a shoulder, so it gives the dates and sends them to the register.
 */
export function reviewDigestEmail(
  school: { name: string },
  due: readonly { reviewDue: string }[],
  registerUrl: string,
  recipient: Decider = 'headteacher',
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
        recipient === 'headteacher'
          ? 'You receive this because you are the Headteacher in Footprint.'
          : 'You receive this because you are the chair of governors in Footprint, and these are the Headteacher’s own declarations.',
      ].join('\n\n') + '\n',
  };
}
