// A school's own policy, version by version. A version is drafted, sent to the governors, ratified
// by them, published, and in time superseded by the next. Once ratified its text never changes:
// what governors ratified, and what staff and parents acknowledge, is exactly what was published.
import type { Policy } from '../policy/index.ts';

export const versionStatuses = ['draft', 'awaiting_ratification', 'ratified', 'published', 'superseded'] as const;
export type VersionStatus = (typeof versionStatuses)[number];

export const versionStatusNames: Readonly<Record<VersionStatus, string>> = {
  draft: 'Draft',
  awaiting_ratification: 'Awaiting ratification',
  ratified: 'Ratified, not yet published',
  published: 'Published',
  superseded: 'Superseded',
};

/** Where an adopted policy came from: Footprint's model, or a school of the same trust. */
export type AdoptedFrom = { kind: 'model' } | { kind: 'school'; schoolId: string; schoolName: string; label: string };

export interface Ratification {
  id: string;
  versionId: string;
  /** The governor who recorded it. */
  recordedBy: string;
  recordedByName: string;
  /** YYYY-MM-DD: the day of the meeting. */
  ratifiedOn: string;
  /** The meeting it was minuted at, e.g. "Full governing body, 14 October 2026". */
  meeting: string;
  recordedAt: Date;
}

export interface PolicyVersion {
  id: string;
  schoolId: string;
  /** 1, 2, 3…: the order of versions within the school. */
  number: number;
  /** The version as the document shows it, e.g. "2.0". */
  label: string;
  status: VersionStatus;
  document: Policy;
  /** SHA-256 of the document's canonical text: what an acknowledgement is tied to. */
  contentHash: string;
  adoptedFrom?: AdoptedFrom;
  /** Why this version was made: what changed and for what reason, in the editor's words. */
  changeSummary?: string;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  updatedAt: Date;
  submittedAt?: Date;
  ratifiedAt?: Date;
  publishedAt?: Date;
  supersededAt?: Date;
  /** YYYY-MM-DD, set at ratification. */
  reviewDue?: string;
}

/** A version without its text: enough to list it, or to write a line of the version history. */
export type VersionSummary = Omit<PolicyVersion, 'document'>;

/** Only a draft may be changed. */
export function isEditable(version: Pick<PolicyVersion, 'status'>): boolean {
  return version.status === 'draft';
}

/** Versions the public may read: the current one and every one published before it. */
export function isPublic(version: Pick<PolicyVersion, 'status'>): boolean {
  return version.status === 'published' || version.status === 'superseded';
}

export type Move = 'submit' | 'withdraw' | 'ratify' | 'publish';

const moves: Readonly<Record<Move, { from: VersionStatus; to: VersionStatus }>> = {
  submit: { from: 'draft', to: 'awaiting_ratification' },
  // The Headteacher takes it back to change it, or the governors ask for changes.
  withdraw: { from: 'awaiting_ratification', to: 'draft' },
  ratify: { from: 'awaiting_ratification', to: 'ratified' },
  publish: { from: 'ratified', to: 'published' },
};

/** The status after the move, or undefined when the version is not in a state to make it. */
export function afterMove(status: VersionStatus, move: Move): VersionStatus | undefined {
  const allowed = moves[move];
  return allowed.from === status ? allowed.to : undefined;
}

/** The label of the version after this one: 1.0 → 2.0, 2.3 → 3.0. */
export function nextLabel(previous: string | undefined): string {
  if (previous === undefined) return '1.0';
  const major = Number.parseInt(previous, 10);
  return Number.isFinite(major) ? `${major + 1}.0` : `${previous}-next`;
}

/** YYYY-MM-DD, a whole number of years after the day given (29 February becomes 28 February). */
export function yearsAfter(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
