// A concern about something online, as the school handles it: who reported it, who was involved,
// who handles it, and where it stands. The routing follows the safeguarding rule every policy
// shares: children's cases go to the Designated Safeguarding Lead, allegations about staff to the
// Headteacher, and an allegation about the Headteacher to the chair of governors.
import type { AccessRole } from '../access/roles.ts';
import type { Role } from '../policy/vocabulary.ts';

export const caseStatuses = ['reported', 'open', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseStatusNames: Readonly<Record<CaseStatus, string>> = {
  reported: 'Waiting to be assessed',
  open: 'Open',
  closed: 'Closed',
};

/** Who handles a case: the one person the school names for each kind of concern. */
export const handlers = ['dsl', 'headteacher', 'chair_of_governors'] as const;
export type Handler = (typeof handlers)[number];

export const handlerNames: Readonly<Record<Handler, string>> = {
  dsl: 'Designated Safeguarding Lead',
  headteacher: 'Headteacher',
  chair_of_governors: 'Chair of governors',
};

/** How a concern reached the school. */
export const reportChannels = ['staff', 'public', 'monitoring'] as const;
export type ReportChannel = (typeof reportChannels)[number];

/**
 * Someone involved: known to the school (a person or a pupil on the roll) or described. `subject`
 * marks the person whose conduct the concern is about; they never see the case.
 */
export interface Party {
  role: Role;
  personId?: string;
  pupilId?: string;
  description?: string;
  subject: boolean;
}

/** Adults in a position of trust: a concern about their conduct is an allegation for the Headteacher. */
const adultsInTrust: ReadonlySet<Role> = new Set(['staff', 'dsl', 'governor', 'volunteer', 'contractor']);
const children: ReadonlySet<Role> = new Set(['pupil']);

/** Who must handle a case about these people. */
export function handlerFor(parties: readonly Party[]): Handler {
  const subjects = parties.filter((party) => party.subject);
  if (subjects.some((party) => party.role === 'headteacher')) return 'chair_of_governors';
  if (subjects.some((party) => adultsInTrust.has(party.role))) return 'headteacher';
  if (parties.some((party) => children.has(party.role))) return 'dsl';
  return 'headteacher';
}

/** What a reader must be for a case: their people and pupils records, and what they may act as. */
export interface Reader {
  personId: string;
  roles: readonly AccessRole[];
}

export interface CaseAccess {
  handler: Handler;
  /** The people whose conduct the concern is about. */
  subjectPersonIds: readonly string[];
  /** Everyone given a task on the case. */
  taskOwnerIds: readonly string[];
}

/**
 * Whether someone may open the case. The subject of an allegation never may, whatever else they
 * are; the Headteacher sees the DSL's cases too, as the person answerable for safeguarding; a case
 * about the Headteacher is the chair's alone (and the people the chair gives tasks to).
 */
export function canOpenCase(reader: Reader, access: CaseAccess): boolean {
  if (access.subjectPersonIds.includes(reader.personId)) return false;
  if (access.taskOwnerIds.includes(reader.personId)) return true;
  switch (access.handler) {
    case 'chair_of_governors':
      return reader.roles.includes('chair_of_governors');
    case 'headteacher':
      return reader.roles.includes('headteacher');
    case 'dsl':
      return reader.roles.includes('dsl') || reader.roles.includes('headteacher');
  }
}

/** Whether someone may assess, decide and close: the handler's role, never a subject. */
export function canHandleCase(reader: Reader, access: CaseAccess): boolean {
  if (access.subjectPersonIds.includes(reader.personId)) return false;
  if (access.handler === 'dsl') return reader.roles.includes('dsl') || reader.roles.includes('headteacher');
  return reader.roles.includes(access.handler);
}

// Letters that cannot be misread for one another on a phone or over the telephone.
const referenceLetters = 'ACDEFGHJKLMNPQRTUVWXY3479';

/** A reference for the person who reported: random, so that it says nothing of how many cases there are. */
export function caseReference(randomBytes: Uint8Array): string {
  if (randomBytes.length < 8) throw new Error('a reference needs eight random bytes');
  const letters = [...randomBytes.slice(0, 8)].map((byte) => referenceLetters[byte % referenceLetters.length]);
  return `R-${letters.slice(0, 4).join('')}-${letters.slice(4, 8).join('')}`;
}

export const referenceShape = /^R-[ACDEFGHJKLMNPQRTUVWXY3479]{4}-[ACDEFGHJKLMNPQRTUVWXY3479]{4}$/;

/** How a case ended, for the record and for governors' figures. */
export const caseOutcomes = [
  'content_removed',
  'resolved_informally',
  'referred_externally',
  'disciplinary',
  'behaviour_or_anti_bullying',
  'no_further_action',
  'unfounded',
] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];

export const caseOutcomeNames: Readonly<Record<CaseOutcome, string>> = {
  content_removed: 'The content was taken down',
  resolved_informally: 'Resolved by talking it through',
  referred_externally: 'Referred outside the school (LADO, police, social care, Prevent)',
  disciplinary: 'Dealt with under the disciplinary procedure',
  behaviour_or_anti_bullying: 'Dealt with under the behaviour or anti-bullying policy',
  no_further_action: 'No further action',
  unfounded: 'The concern was found to be unfounded',
};

export interface Reporter {
  role: Role;
  personId?: string;
  name?: string;
  contact?: string;
}

/** A case as stored. Free text stays here: it never goes into logs, emails or audit entries. */
export interface Case {
  id: string;
  schoolId: string;
  reference: string;
  channel: ReportChannel;
  kind: string;
  what: string;
  happenedOn?: string;
  platform?: string;
  links: string[];
  childInvolved: boolean;
  handler: Handler;
  status: CaseStatus;
  situation?: unknown;
  outcome?: CaseOutcome;
  reporter: Reporter;
  reportedAt: Date;
  firstActionAt?: Date;
  closedAt?: Date;
  reviewDue?: string;
}
