// A chain's verdict in plain words, for the command line and for pages.
import type { ChainProblem, ChainVerdict } from './chain.ts';

const problemWords: Record<ChainProblem, string> = {
  altered: 'was altered',
  removed: 'was removed',
  reordered: 'was moved out of order',
  added: 'was added without being chained',
};

export function describeChainVerdict(verdict: ChainVerdict): string {
  if (!verdict.ok) return `chain broken: entry ${verdict.seq.toLocaleString('en-GB')} ${problemWords[verdict.problem]}`;
  const count = verdict.entries.toLocaleString('en-GB');
  return `${count} ${verdict.entries === 1 ? 'entry' : 'entries'}, chain intact`;
}

/** What each action is called on the audit page. Unknown ones show their code. */
const actionWords: Readonly<Record<string, string>> = {
  sign_in: 'Signed in',
  sign_in_failed: 'Sign-in refused',
  signed_out: 'Signed out',
  role_changed: 'Roles changed',
  account_disabled: 'Account disabled',
  second_factor_set_up: 'Authenticator app set up',
  recovery_code_used: 'Recovery code used',
  record_read: 'Restricted record read',
  setting_changed: 'Setting changed',
  account_enabled: 'Account enabled again',
  invited: 'Invitation sent',
  password_reset: 'Password reset',
  link_sign_in: 'Signed in with an emailed link',
  policy_adopted: 'Policy adopted',
  policy_revision_started: 'New version of the policy started',
  policy_sent_for_ratification: 'Policy sent to governors to ratify',
  policy_withdrawn: 'Policy taken back from the governors',
  policy_ratified: 'Policy ratified',
  policy_published: 'Policy published',
  sign_off_started: 'Policy sign-off started',
  sign_off_closed: 'Policy sign-off closed',
  policy_acknowledged: 'Policy acknowledged',
  policy_declined: 'Policy declined, with a reason',
  consent_given: 'Consent given for a pupil',
  consent_withdrawn: 'Consent refused or withdrawn for a pupil',
  declaration_made: 'Relationship declared',
  declaration_approved: 'Declared relationship approved',
  declaration_declined: 'Declared relationship declined, with a reason',
  official_account_requested: 'Official account requested',
  official_account_approved: 'Official account approved',
  official_account_declined: 'Official account declined',
  account_secret_deposited: 'Official account login deposited in escrow',
  account_secret_revealed: 'Official account login revealed',
  consent_link_issued: 'Link given to a pupil to see their consent record',
  letter_template_changed: 'Wording of a letter to parents changed',
  incident_reported: 'Concern reported',
  incident_assessed: 'Concern assessed against the policy',
  incident_closed: 'Case closed',
  incident_reopened: 'Case reopened',
  letter_sent: 'Letter about a case produced',
  retention_rules_changed: 'How long cases are kept changed',
  incident_destruction_proposed: 'Destroying a case proposed',
  incident_destroyed: 'Case destroyed under the retention rules',
};

export function describeAuditAction(action: string): string {
  return actionWords[action] ?? action.replaceAll('_', ' ');
}
