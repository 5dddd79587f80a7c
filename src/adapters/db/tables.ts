// Row types of Footprint's tables, as Kysely sees them. They stay inside src/adapters/db:
// repositories map rows to domain types before returning.
import type { ColumnType } from 'kysely';

export interface AppSettingTable {
  key: string;
  /** jsonb: written as JSON text, read back parsed. */
  value: ColumnType<unknown, string, string>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

type Generated<T> = ColumnType<T, T | undefined, T>;
type CreatedAt = ColumnType<Date, Date | undefined, never>;
type Stamp = ColumnType<Date, Date | undefined, Date>;

export interface OrganisationTable {
  id: Generated<string>;
  name: string;
  kind: string;
  created_at: CreatedAt;
}

export interface SchoolTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  slug: string;
  urn: string;
  phase: string;
  address_line1: string;
  address_line2: string | null;
  town: string;
  postcode: string;
  contact_email: string;
  day_starts: string;
  day_ends: string;
  created_at: CreatedAt;
}

export interface PersonTable {
  id: Generated<string>;
  school_id: string;
  mis_id: string | null;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  email: string | null;
  phone: string | null;
  created_at: CreatedAt;
  updated_at: Stamp;
}

export interface PersonRoleTable {
  school_id: string;
  person_id: string;
  role: string;
  job_title: string | null;
  /** jsonb list of duty names: written as JSON text, read back parsed. */
  duties: ColumnType<unknown, string, string>;
}

export interface PupilTable {
  id: Generated<string>;
  school_id: string;
  mis_id: string;
  legal_given_name: string;
  legal_family_name: string;
  preferred_name: string | null;
  /** date: 'YYYY-MM-DD' from either driver. */
  date_of_birth: string;
  year_group: string;
  class_name: string | null;
  left_on: string | null;
  created_at: CreatedAt;
  updated_at: Stamp;
}

export interface CarerLinkTable {
  school_id: string;
  pupil_id: string;
  carer_id: string;
  relationship: string;
  parental_responsibility: boolean;
  contact_priority: number | null;
}

export interface AccountTable {
  id: Generated<string>;
  school_id: string;
  person_id: string;
  email: string;
  password_hash: string | null;
  /** Sealed: opens only with the master key, and only for this account. */
  totp_secret: string | null;
  totp_pending_secret: string | null;
  /** The last time step whose code was accepted: no code at or before it works again. */
  totp_last_step: number | null;
  school_admin: Generated<boolean>;
  disabled_at: Date | null;
  created_at: CreatedAt;
  updated_at: Stamp;
}

export interface RecoveryCodeTable {
  school_id: string;
  account_id: string;
  code_hash: string;
  used_at: Date | null;
}

export interface SessionTable {
  id_hash: string;
  school_id: string | null;
  account_id: string | null;
  data: ColumnType<unknown, string, string>;
  started_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

/** A one-time link sent by email; the token itself is never kept, only its hash. */
export interface OneTimeLinkTable {
  token_hash: string;
  school_id: string;
  /** Set for every purpose but `pupil_consent`, whose link belongs to a pupil instead. */
  account_id: string | null;
  pupil_id: string | null;
  purpose: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

/** Audit rows are written once and never changed: Kysely offers no update of them. */
type Written<T> = ColumnType<T, T, never>;

export interface AuditEntryTable {
  school_id: Written<string>;
  seq: Written<number>;
  at: Written<Date>;
  actor_person_id: Written<string | null>;
  action: Written<string>;
  subject_kind: Written<string | null>;
  subject_id: Written<string | null>;
  /** jsonb: written as JSON text, read back parsed. */
  details: ColumnType<unknown, string, never>;
  previous_hash: Written<string>;
  hash: Written<string>;
}

export interface AuditChainTable {
  school_id: ColumnType<string, string, never>;
  seq: number;
  hash: string;
}

export interface SignOnSettingTable {
  school_id: string;
  provider: string;
  tenant_id: string | null;
  issuer: string;
  client_id: string;
  /** Sealed: opens only with the master key, and only for this school. */
  client_secret: string;
  email_domain: string;
  updated_at: Date;
}

export interface PolicyVersionTable {
  id: Generated<string>;
  school_id: ColumnType<string, string, never>;
  number: ColumnType<number, number, never>;
  label: string;
  status: string;
  /** jsonb: written as JSON text, read back parsed. */
  document: ColumnType<unknown, string, string>;
  content_hash: string;
  adopted_from: ColumnType<unknown, string | null, string | null>;
  change_summary: string | null;
  created_by: ColumnType<string, string, never>;
  created_at: ColumnType<Date, Date, never>;
  updated_at: Date;
  submitted_at: Date | null;
  ratified_at: Date | null;
  published_at: Date | null;
  superseded_at: Date | null;
  /** date: read back as YYYY-MM-DD text. */
  review_due: string | null;
}

export interface PolicyRatificationTable {
  id: Generated<string>;
  school_id: string;
  version_id: string;
  recorded_by: string;
  ratified_on: string;
  meeting: string;
  recorded_at: Date;
}

export interface PolicyReviewReminderTable {
  school_id: string;
  version_id: string;
  kind: string;
  sent_at: Date;
}

export interface Tables {
  app_setting: AppSettingTable;
  organisation: OrganisationTable;
  school: SchoolTable;
  person: PersonTable;
  person_role: PersonRoleTable;
  pupil: PupilTable;
  carer_link: CarerLinkTable;
  account: AccountTable;
  recovery_code: RecoveryCodeTable;
  session: SessionTable;
  sign_on_setting: SignOnSettingTable;
  audit_entry: AuditEntryTable;
  audit_chain: AuditChainTable;
  one_time_link: OneTimeLinkTable;
  policy_version: PolicyVersionTable;
  policy_ratification: PolicyRatificationTable;
  policy_review_reminder: PolicyReviewReminderTable;
  sign_off_campaign: SignOffCampaignTable;
  sign_off_recipient: SignOffRecipientTable;
  sign_off_link: SignOffLinkTable;
  policy_acknowledgement: PolicyAcknowledgementTable;
  declaration: DeclarationTable;
  declaration_reminder: DeclarationReminderTable;
  letter_template: LetterTemplateTable;
  official_account: OfficialAccountTable;
  official_account_event: OfficialAccountEventTable;
  official_account_login: OfficialAccountLoginTable;
  consent_purpose: ConsentPurposeTable;
  consent_record: ConsentRecordTable;
  consent_renewal: ConsentRenewalTable;
  consent_renewal_recipient: ConsentRenewalRecipientTable;
  incident: IncidentTable;
  incident_party: IncidentPartyTable;
  incident_task: IncidentTaskTable;
  incident_evidence: IncidentEvidenceTable;
  incident_event: IncidentEventTable;
  incident_chain: IncidentChainTable;
  incident_retention_rule: IncidentRetentionRuleTable;
  incident_destruction: IncidentDestructionTable;
  monitoring_setting: MonitoringSettingTable;
  monitoring_staff: MonitoringStaffTable;
  monitoring_source: MonitoringSourceTable;
  mention: MentionTable;
}

export interface SignOffCampaignTable {
  id: Generated<string>;
  school_id: string;
  version_id: string;
  audience: string;
  started_by: string;
  started_at: Date;
  without_email: number;
  closed_at: Date | null;
}

export interface SignOffRecipientTable {
  id: Generated<string>;
  school_id: string;
  campaign_id: string;
  person_id: string;
  email: string;
  invited_at: Date | null;
  first_chaser_at: Date | null;
  second_chaser_at: Date | null;
}

export interface SignOffLinkTable {
  token_hash: string;
  school_id: string;
  recipient_id: string;
  created_at: Date;
}

export interface PolicyAcknowledgementTable {
  id: Generated<string>;
  school_id: string;
  person_id: string;
  version_id: string;
  content_hash: string;
  answer: string;
  reason: string | null;
  recipient_id: string | null;
  answered_at: Date;
}

export interface ConsentPurposeTable {
  id: Generated<string>;
  school_id: string;
  key: string | null;
  title: string;
  explanation: string;
  position: number;
  created_at: Date;
  retired_at: Date | null;
}

export interface ConsentRecordTable {
  id: Generated<string>;
  seq: Generated<number>;
  school_id: string;
  pupil_id: string;
  purpose_id: string;
  answer: string;
  answered_by: string;
  answered_at: Date;
}

export interface ConsentRenewalTable {
  id: Generated<string>;
  school_id: string;
  started_by: string;
  started_at: Date;
  asked: number;
  without_email: number;
}

export interface ConsentRenewalRecipientTable {
  id: Generated<string>;
  school_id: string;
  renewal_id: string;
  person_id: string;
  email: string;
  sent_at: Date | null;
}

export interface OfficialAccountTable {
  id: Generated<string>;
  school_id: ColumnType<string, string, never>;
  platform: string;
  address: string;
  purpose: string;
  audience: string;
  manager_person_id: string;
  comments_on: boolean;
  interaction: string;
  /** jsonb: written as JSON text, read back parsed. */
  risk_answers: ColumnType<unknown, string, string>;
  risk_level: string;
  risk_reasons: ColumnType<unknown, string, string>;
  status: string;
  requested_by: ColumnType<string, string, never>;
  requested_at: ColumnType<Date, Date, never>;
  decided_by: string | null;
  decided_at: Date | null;
  /** date: read back as YYYY-MM-DD text. */
  review_due: string | null;
  decline_reason: string | null;
  updated_at: Date;
}

export interface OfficialAccountEventTable {
  id: Generated<string>;
  school_id: string;
  account_id: string;
  at: Date;
  kind: string;
  actor_person_id: string;
  note: string | null;
}

/** Sealed: the login opens only with the master key, and only for this account. */
export interface OfficialAccountLoginTable {
  account_id: string;
  school_id: string;
  wrapped_key: string;
  ciphertext: string;
  deposited_by: string;
  deposited_at: Date;
}

export interface DeclarationTable {
  id: Generated<string>;
  school_id: string;
  person_id: string;
  kind: string;
  parent_id: string | null;
  pupil_id: string | null;
  relationship: string | null;
  description: string | null;
  left_when: string | null;
  explanation: string;
  status: Generated<string>;
  declared_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  /** date: read back as YYYY-MM-DD text. */
  review_due: string | null;
  decline_reason: string | null;
}

export interface DeclarationReminderTable {
  school_id: string;
  declaration_id: string;
  /** date: read back as YYYY-MM-DD text. */
  review_due: string;
  sent_at: Date;
}

export interface IncidentTable {
  id: Generated<string>;
  school_id: string;
  reference: string;
  channel: string;
  kind: string;
  what: string;
  /** date: read back as YYYY-MM-DD text. */
  happened_on: string | null;
  platform: string | null;
  /** jsonb: a list of addresses; written as JSON text. */
  links: ColumnType<unknown, string | undefined, string>;
  child_involved: boolean;
  handler: string;
  status: Generated<string>;
  /** jsonb: the situation as last assessed. */
  situation: ColumnType<unknown, string | null | undefined, string | null>;
  outcome: string | null;
  reporter_person_id: string | null;
  reporter_role: string;
  reporter_name: string | null;
  reporter_contact: string | null;
  reported_at: Date;
  first_action_at: Date | null;
  closed_at: Date | null;
  /** date: read back as YYYY-MM-DD text. */
  review_due: string | null;
  /** date: the day the Headteacher was last told the case is due for review. */
  review_notified_on: string | null;
}

export interface IncidentPartyTable {
  id: Generated<string>;
  school_id: string;
  incident_id: string;
  role: string;
  person_id: string | null;
  pupil_id: string | null;
  description: string | null;
  subject: boolean;
}

export interface IncidentTaskTable {
  id: Generated<string>;
  school_id: string;
  incident_id: string;
  action: string;
  owner_role: string;
  owner_person_id: string | null;
  because: string;
  optional: boolean;
  condition: string | null;
  due_at: Date;
  state: Generated<string>;
  done_at: Date | null;
  done_by: string | null;
  reminded_at: Date | null;
  escalated_at: Date | null;
  raised_at: Date;
}

export interface IncidentEvidenceTable {
  id: Generated<string>;
  school_id: string;
  incident_id: string;
  file_key: string;
  media_type: string;
  size: number;
  sha256: string;
  original_name: string;
  added_by: string | null;
  added_at: Date;
}

export interface IncidentEventTable {
  school_id: string;
  incident_id: string;
  seq: number;
  at: Date;
  actor_person_id: string | null;
  kind: string;
  text: string;
  /** jsonb: a few facts by name; written as JSON text. */
  facts: ColumnType<unknown, string, never>;
  previous_hash: string;
  hash: string;
}

export interface IncidentChainTable {
  incident_id: string;
  school_id: string;
  seq: number;
  hash: string;
}

export interface LetterTemplateTable {
  school_id: string;
  kind: string;
  title: string;
  body: string;
  updated_by: string;
  updated_at: Date;
}

export interface IncidentRetentionRuleTable {
  school_id: string;
  child_years: number;
  other_years: number;
  updated_by: string;
  updated_at: Date;
}

export interface IncidentDestructionTable {
  id: Generated<string>;
  school_id: string;
  incident_id: string;
  reference: string;
  reported_at: Date;
  closed_at: Date;
  /** date: read back as YYYY-MM-DD text. */
  review_due: string;
  reason: string;
  proposed_by: string;
  proposed_at: Date;
  approved_by: string | null;
  approved_at: Date | null;
  destroyed_at: Date | null;
}

type Json = ColumnType<unknown, string, string>;

export interface MonitoringSettingTable {
  school_id: string;
  names: Json;
  handles: Json;
  retention_months: number;
  updated_by: string;
  updated_at: Date;
}

export interface MonitoringStaffTable {
  school_id: string;
  person_id: string;
  since: Date;
}

export interface MonitoringSourceTable {
  id: Generated<string>;
  school_id: string;
  source: Json;
  health: Json;
  seen: ColumnType<unknown, string | undefined, string>;
  next_poll_at: Date;
  added_by: string;
  added_at: Date;
}

export interface MentionTable {
  id: Generated<string>;
  school_id: string;
  source_id: string | null;
  source_kind: string;
  external_id: string;
  url: string | null;
  author: string | null;
  text: string;
  has_image: boolean;
  published_at: Date | null;
  found_at: Date;
  labels: Json;
  evidence: Json;
  severity: number;
  status: Generated<string>;
  corrected_labels: ColumnType<unknown, string | null | undefined, string | null>;
  response: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  incident_id: string | null;
  captured_by: string | null;
  screenshot: ColumnType<unknown, string | null | undefined, string | null>;
}
