// The audit log of a school: who did what, when, to which record. Entries name people and
// records by id only: the log is kept for years and must never become a copy of personal data.

/** What an entry records. Add a new action at the end; the chain does not depend on this list. */
export const auditActions = [
  'sign_in',
  'sign_in_failed',
  'signed_out',
  'role_changed',
  'account_disabled',
  'second_factor_set_up',
  'recovery_code_used',
  'record_read',
  'setting_changed',
  'account_enabled',
  'password_reset',
  'invited',
  'link_sign_in',
  'policy_adopted',
  'policy_revision_started',
  'policy_sent_for_ratification',
  'policy_withdrawn',
  'policy_ratified',
  'policy_published',
  'sign_off_started',
  'sign_off_closed',
  'policy_acknowledged',
  'policy_declined',
  'consent_given',
  'consent_withdrawn',
  'declaration_made',
  'declaration_approved',
  'declaration_declined',
  'official_account_requested',
  'official_account_approved',
  'official_account_declined',
  'account_secret_deposited',
  'account_secret_revealed',
  'consent_link_issued',
  'letter_template_changed',
  'incident_reported',
  'incident_assessed',
  'incident_closed',
  'incident_reopened',
  'letter_sent',
  'retention_rules_changed',
  'incident_destruction_proposed',
  'incident_destroyed',
] as const;
export type AuditAction = (typeof auditActions)[number];

/** The record an action was about, such as `{ kind: 'incident', id }`. */
export interface AuditSubject {
  kind: string;
  id: string;
}

export type AuditDetailValue = string | number | boolean | null | readonly (string | number | boolean | null)[];

/** A few facts about the action, by id or code (`{ role: 'governor', reason: 'wrong_password' }`). */
export type AuditDetails = Readonly<Record<string, AuditDetailValue>>;

/** What a caller writes; the log gives it its place in the chain. */
export interface NewAuditEntry {
  schoolId: string;
  at: Date;
  /** Who acted; null when nobody is signed in, as for a failed sign-in or a scheduled job. */
  actorPersonId: string | null;
  action: AuditAction;
  subject?: AuditSubject;
  details?: AuditDetails;
}

/** An entry in a school's chain: number `seq` (from 1), sealed with the hash of the one before it. */
export interface AuditEntry {
  schoolId: string;
  seq: number;
  at: Date;
  actorPersonId: string | null;
  action: AuditAction;
  subject?: AuditSubject;
  details: AuditDetails;
  previousHash: string;
  hash: string;
}

/** Where a school's chain ends, recorded apart from the entries so that a missing last entry shows. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** The head of a chain with no entries yet: the first entry's previous hash. */
export const chainStart: ChainHead = { seq: 0, hash: '0'.repeat(64) };

const detailKey = /^[a-z][A-Za-z0-9]{0,39}$/;
const maxDetails = 20;
const maxText = 200;

function textProblem(text: string): string | undefined {
  if (text.length > maxText) return `is longer than ${maxText} characters`;
  if (text.includes('@')) return 'looks like an email address: record ids, never addresses';
  // PostgreSQL cannot store NUL, and lone surrogates do not survive UTF-8.
  if (text.includes('\u0000') || !text.isWellFormed()) return 'holds characters that cannot be stored';
  return undefined;
}

function valueProblem(value: unknown): string | undefined {
  if (typeof value === 'string') return textProblem(value);
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : 'is not a finite number';
  if (typeof value === 'boolean' || value === null) return undefined;
  return 'must be text, a number, true, false or null';
}

/**
 * Why an entry cannot go in the log, or undefined when it can. These are mistakes in the calling
 * code, not in anything a user typed: details stay small, flat, and free of addresses.
 */
export function newAuditEntryProblem(entry: NewAuditEntry): string | undefined {
  if (Number.isNaN(entry.at.getTime())) return 'the time is not a valid date';
  if (!(auditActions as readonly string[]).includes(entry.action)) return `"${entry.action}" is not an audit action`;
  if (entry.subject) {
    const problem = textProblem(entry.subject.kind) ?? textProblem(entry.subject.id);
    if (problem) return `the subject ${problem}`;
  }
  const details = Object.entries(entry.details ?? {});
  if (details.length > maxDetails) return `details hold more than ${maxDetails} facts`;
  for (const [key, value] of details) {
    if (!detailKey.test(key)) return `the detail name "${key}" is not a short camelCase name`;
    const values: readonly unknown[] = Array.isArray(value) ? value : [value];
    if (Array.isArray(value) && value.length > maxDetails) return `the detail ${key} lists more than ${maxDetails}`;
    const problem = values.map(valueProblem).find((p) => p !== undefined);
    if (problem) return `the detail ${key} ${problem}`;
  }
  return undefined;
}
