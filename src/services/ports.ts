// What services need from the outside world. Adapters implement these; services never
// see a database handle, a driver or a framework.
import type { Account, AccountSecrets, SessionRecord } from '../domain/access/account.ts';
import type { SignOnSetting } from '../domain/access/sign-on.ts';
import type { AuditAction, AuditEntry, ChainHead, NewAuditEntry } from '../domain/audit/index.ts';
import type { NewPerson, Person, RoleHeld } from '../domain/community/people.ts';
import type { CarerLink, NewPupil, Pupil, YearGroup } from '../domain/community/pupils.ts';
import type { LinkPurpose, NewOneTimeLink, OneTimeLink } from '../domain/links/links.ts';
import type { NewOrganisation, NewSchool, Organisation, School } from '../domain/community/school.ts';
import type { Policy } from '../domain/policy/index.ts';
import type { PolicyDocument } from '../domain/policy/render/model.ts';
import type {
  AdoptedFrom,
  PolicyVersion,
  Ratification,
  VersionStatus,
  VersionSummary,
} from '../domain/school-policy/versions.ts';
import type {
  HistoryEvent,
  HistoryKind,
  OfficialAccount,
  OfficialAccountRequest,
  RiskOutcome,
} from '../domain/registers/official-accounts.ts';
import type { Setting } from '../domain/setting.ts';
import type {
  Acknowledgement,
  Answer,
  Campaign,
  Chaser,
  Recipient,
  SignOffAudience,
} from '../domain/sign-off/campaigns.ts';
import type {
  ConsentAnswer,
  ConsentPurpose,
  ConsentRecord,
  ConsentRenewal,
  DefaultPurposeKey,
  NewConsentPurpose,
} from '../domain/registers/consent.ts';
import type { NewPupilConsentLink, PupilConsentLink } from '../domain/registers/consent-for-pupils.ts';
import type { Case, Handler, Party } from '../domain/incidents/case.ts';
import type { CaseEvent, NewCaseEvent } from '../domain/incidents/chronology.ts';
import type { NewTask, Task } from '../domain/incidents/tasks.ts';
import type { CaseSummary } from '../domain/incidents/figures.ts';
import type { RetentionRules } from '../domain/incidents/retention.ts';
import type { Label } from '../domain/monitoring/classify.ts';
import type { MentionStatus } from '../domain/monitoring/inbox.ts';
import type { SourceHealth } from '../domain/monitoring/source-health.ts';
import type { Declaration, NewDeclaration } from '../domain/registers/declarations.ts';
import type { LetterKind, SavedLetterTemplate } from '../domain/incidents/letters.ts';
import type { PolicyLibrary } from './policies.ts';

export interface SettingsAcrossSchools {
  find(key: string): Promise<Setting | undefined>;
  save(key: string, value: unknown, at: Date): Promise<void>;
}

/** One page of a longer list, with how many there are in all. */
export interface Page<T> {
  items: T[];
  total: number;
}

export interface SchoolsAcrossSchools {
  addOrganisation(organisation: NewOrganisation): Promise<Organisation>;
  addSchool(organisationId: string, school: NewSchool): Promise<School>;
  findBySlug(slug: string): Promise<School | undefined>;
  findById(id: string): Promise<School | undefined>;
  findByUrn(urn: string): Promise<School | undefined>;
  count(): Promise<number>;
  ofOrganisation(organisationId: string): Promise<School[]>;
}

export interface PeopleQuery {
  /** Part of a name or an email address. */
  search?: string;
  role?: RoleHeld['role'];
  limit: number;
  offset: number;
}

/** The adults of one school's community, as a unit of work scoped to that school sees them. */
export interface PeopleRepository {
  add(people: readonly { person: NewPerson; roles: readonly RoleHeld[] }[]): Promise<Person[]>;
  find(id: string): Promise<Person | undefined>;
  /** The school's people with these ids, in no particular order; an id not the school's is left out. */
  findMany(ids: readonly string[]): Promise<Person[]>;
  findByMisId(misId: string): Promise<Person | undefined>;
  list(query: PeopleQuery): Promise<Page<Person>>;
  /** Replaces the person's details and roles; undefined if the school has no such person. */
  update(id: string, person: NewPerson, roles: readonly RoleHeld[]): Promise<Person | undefined>;
}

/** Someone in a school's community: an adult, or a pupil. */
export type CommunityMember = { kind: 'person'; person: Person } | { kind: 'pupil'; pupil: Pupil };

export interface CommunityQuery {
  /** Part of a name, an adult's email address, or a pupil's MIS id. */
  search?: string;
  /** Only pupils still on the roll on this day (YYYY-MM-DD); adults are all listed. */
  onRollOn?: string;
  limit: number;
  offset: number;
}

export interface PupilsQuery {
  search?: string;
  yearGroup?: YearGroup;
  /** Only pupils still on the roll on this day (YYYY-MM-DD). */
  onRollOn?: string;
  limit: number;
  offset: number;
}

/** One school's pupils and their carers, as a unit of work scoped to that school sees them. */
export interface PupilsRepository {
  add(pupils: readonly NewPupil[]): Promise<Pupil[]>;
  find(id: string): Promise<Pupil | undefined>;
  list(query: PupilsQuery): Promise<Page<Pupil>>;
  linkCarers(links: readonly CarerLink[]): Promise<void>;
  carersOf(pupilId: string): Promise<{ carer: Person; link: CarerLink }[]>;
  childrenOf(carerId: string): Promise<{ pupil: Pupil; link: CarerLink }[]>;
  /** Adults and pupils together, by family name then first name. */
  listWithAdults(query: CommunityQuery): Promise<Page<CommunityMember>>;
}

export interface Upserted {
  /** MIS id → the row's id, for everything written. */
  ids: Map<string, string>;
  added: number;
  updated: number;
}

/** Whole rosters at once, matched on the school's MIS identifiers. */
export interface RosterRepository {
  upsertPupils(pupils: readonly NewPupil[]): Promise<Upserted>;
  /** Marks as left on `day` every pupil on the roll whose MIS id is not in `stillHere`; returns how many. */
  markPupilsLeft(stillHere: readonly string[], day: string): Promise<number>;
  pupilIdsByMisId(): Promise<Map<string, string>>;
  upsertPeopleWithRole(people: readonly { person: NewPerson & { misId: string }; role: RoleHeld }[]): Promise<Upserted>;
  upsertCarerLinks(links: readonly CarerLink[]): Promise<void>;
}

export interface NewAccount {
  personId: string;
  email: string;
  passwordHash?: string;
  schoolAdmin?: boolean;
}

/** Accounts of one school; only finding by email, as a sign-in starts, looks across schools. */
export interface AccountsRepository {
  add(account: NewAccount): Promise<Account>;
  find(id: string): Promise<{ account: Account; secrets: AccountSecrets } | undefined>;
  /** The account with its person (roles included) and its school, read together: what a viewer is built from. */
  holder(id: string): Promise<{ account: Account; person: Person; school: School } | undefined>;
  ofPerson(personId: string): Promise<Account | undefined>;
  /** Every account of the school, with its person and their roles. */
  holders(): Promise<{ account: Account; person: Person }[]>;
  change(
    id: string,
    change: Partial<{
      passwordHash: string;
      totpSecret: string | null;
      totpPendingSecret: string | null;
      totpLastStep: number | null;
      schoolAdmin: boolean;
      disabledAt: Date | null;
    }>,
    at: Date,
  ): Promise<void>;
  /** True if no code from this step or a later one was accepted before; records it. */
  acceptTotpStep(id: string, step: number): Promise<boolean>;
  replaceRecoveryCodes(id: string, hashes: readonly string[]): Promise<void>;
  /** True if the code was this account's and unused; marks it used. */
  useRecoveryCode(id: string, hash: string, at: Date): Promise<boolean>;
  unusedRecoveryCodes(id: string): Promise<string[]>;
  /** By email address, a page at a time, each with its person and their roles. */
  list(page: { limit: number; offset: number }): Promise<Page<{ account: Account; person: Person }>>;
}

/** Across every school. */
export interface AccountsAcrossSchools {
  findByEmail(email: string): Promise<{ account: Account; secrets: AccountSecrets } | undefined>;
}

/** One-time links sent by email. The repository makes each token and keeps only its hash. */
export interface LinksRepository {
  /** A new link, replacing the account's unused ones of the same purpose; `token` goes in the email and nowhere else. */
  create(link: NewOneTimeLink): Promise<{ token: string; link: OneTimeLink }>;
  /** The school's link with this token and purpose, used or not, expired or not. */
  find(token: string, purpose: LinkPurpose): Promise<OneTimeLink | undefined>;
  /** As `LinksAcrossSchools.use`, for a link of this school only. */
  use(token: string, purpose: LinkPurpose, at: Date): Promise<OneTimeLink | undefined>;
}

/** Across every school. */
export interface LinksAcrossSchools {
  /** The link with this token and purpose, used or not, expired or not. */
  find(token: string, purpose: LinkPurpose): Promise<OneTimeLink | undefined>;
  /** Marks the link used if it is unused and unexpired at `at`, in one statement: of two uses at once, one wins. */
  use(token: string, purpose: LinkPurpose, at: Date): Promise<OneTimeLink | undefined>;
}

/** Server-side sessions, by the id in the browser's cookie (which the database keeps only hashed). */
export interface SessionsRepository {
  destroyAllOf(accountId: string): Promise<number>;
  countOf(accountId: string): Promise<number>;
}

/** Across every school. */
export interface SessionsAcrossSchools {
  find(id: string): Promise<SessionRecord | undefined>;
  save(id: string, session: SessionRecord): Promise<void>;
  destroy(id: string): Promise<void>;
  purgeExpired(now: Date): Promise<number>;
}

export interface AuditQuery {
  action?: AuditAction;
  actorPersonId?: string;
  /** Entries at or after this moment. */
  from?: Date;
  /** Entries before this moment. */
  to?: Date;
  limit: number;
  offset: number;
}

/** One school's chain as it stood at one moment: its head, then its entries in sequence order. */
export interface AuditChainReading {
  head: ChainHead;
  /** The entries, `size` at a time, so that a long chain is never all in memory. */
  batches(size: number): AsyncIterable<readonly AuditEntry[]>;
}

/** Each school's audit log: append-only, hash-chained, one chain per school. */
export interface AuditRepository {
  /**
   * Writes the next entry of the school's chain, giving it its number, its link and its hash. Call it
   * in the same unit of work as the action it records, so that both are written or neither.
   */
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Newest first. */
  list(query: AuditQuery): Promise<Page<AuditEntry>>;
  /**
   * Runs `read` over one consistent view of the school's chain, unmoved by entries written meanwhile.
   * Inside `read`, use only the reading it is given: on PGlite the view holds the one connection.
   */
  readChain<T>(read: (chain: AuditChainReading) => Promise<T>): Promise<T>;
  /** The hash the chain is sealed with, so that a check recomputes it exactly as `append` did. */
  hashOf(this: void, text: string): string;
}

/** Across every school. */
export interface AuditAcrossSchools {
  /** Every school, each with a chain (perhaps still empty), by name. */
  schools(): Promise<{ id: string; name: string; slug: string }[]>;
}

/** A school's single sign-on setting as stored, the client secret still sealed. */
export interface StoredSignOn {
  schoolId: string;
  setting: SignOnSetting;
  /** Where the provider publishes its configuration, worked out from the setting when saved. */
  issuer: string;
  sealedSecret: string;
}

export interface SignOnRepository {
  find(): Promise<StoredSignOn | undefined>;
  save(stored: StoredSignOn, at: Date): Promise<void>;
  remove(): Promise<void>;
}

/** Across every school. */
export interface SignOnAcrossSchools {
  findByDomain(domain: string): Promise<StoredSignOn | undefined>;
}

export interface NewPolicyVersion {
  label: string;
  document: Policy;
  contentHash: string;
  adoptedFrom?: AdoptedFrom;
  changeSummary?: string;
  createdBy: string;
  at: Date;
}

/** What a move of status stamps on the version. */
export interface VersionStamps {
  at: Date;
  submittedAt?: Date | null;
  ratifiedAt?: Date | null;
  publishedAt?: Date;
  supersededAt?: Date;
  reviewDue?: string;
}

export interface PolicyVersionsRepository {
  add(version: NewPolicyVersion): Promise<PolicyVersion>;
  find(id: string): Promise<PolicyVersion | undefined>;
  byNumber(number: number): Promise<PolicyVersion | undefined>;
  /** Newest first, without their text. */
  all(): Promise<VersionSummary[]>;
  inHand(): Promise<PolicyVersion | undefined>;
  published(): Promise<PolicyVersion | undefined>;
  saveDraft(
    id: string,
    draft: { document: Policy; contentHash: string; changeSummary?: string; at: Date },
  ): Promise<boolean>;
  move(id: string, from: VersionStatus, to: VersionStatus, stamps: VersionStamps): Promise<boolean>;
  discard(id: string): Promise<boolean>;
  ratify(ratification: Omit<Ratification, 'id' | 'recordedByName'>): Promise<void>;
  ratifications(versionIds?: readonly string[]): Promise<Ratification[]>;
  claimReminder(versionId: string, kind: string, at: Date): Promise<boolean>;
  releaseReminder(versionId: string, kind: string): Promise<void>;
}

/** Across every school. */
export interface PolicyVersionsAcrossSchools {
  /** Across schools: published versions whose review falls between the two days. */
  dueForReview(
    from: string,
    until: string,
  ): Promise<{ schoolId: string; versionId: string; label: string; reviewDue: string }[]>;
  /** Across schools: the version each of these schools publishes now (none for a school that has not), in one read. */
  publishedOf(schoolIds: readonly string[]): Promise<PolicyVersion[]>;
}

export interface AudienceMember {
  personId: string;
  name: string;
  email?: string;
}

export interface NewCampaign {
  versionId: string;
  audience: SignOffAudience;
  startedBy: string;
  at: Date;
  recipients: readonly { personId: string; email: string }[];
  withoutEmail: number;
}

export interface RecipientWithCampaign {
  recipient: Recipient;
  campaign: Campaign;
}

/** A first email claimed for sending, with the token of the link made for it (the database keeps only its hash). */
export interface ClaimedFirstEmail extends RecipientWithCampaign {
  token: string;
}

export interface RecipientAnswer {
  recipient: Recipient;
  name: string;
  answer?: Answer;
  /** Why they declined, when they did. */
  reason?: string;
}

export interface NewAcknowledgement {
  personId: string;
  versionId: string;
  contentHash: string;
  answer: Answer;
  reason?: string;
  recipientId?: string;
  at: Date;
}

/** Sign-off campaigns and the answers to them; an answer, once given, is kept as it was. */
export interface SignOffRepository {
  audience(audience: SignOffAudience): Promise<AudienceMember[]>;
  start(campaign: NewCampaign): Promise<Campaign>;
  close(campaignId: string, at: Date): Promise<boolean>;
  /** Newest first. */
  campaigns(): Promise<Campaign[]>;
  campaign(campaignId: string): Promise<Campaign | undefined>;
  recipients(campaignId: string): Promise<RecipientAnswer[]>;
  /** A new link for the recipient, returning its token: the email holds it, the database only its hash. */
  addLink(recipientId: string, at: Date): Promise<string>;
  /** False when that email was already recorded as sent. */
  markSent(recipientId: string, which: 'invitation' | Chaser, at: Date): Promise<boolean>;
  unmarkSent(recipientId: string, which: 'invitation' | Chaser): Promise<void>;
  openFor(personId: string): Promise<RecipientWithCampaign[]>;
  /** Undefined when that recipient has already answered. */
  answer(answer: NewAcknowledgement): Promise<Acknowledgement | undefined>;
  answerTo(recipientId: string): Promise<Acknowledgement | undefined>;
  answersOf(personId: string): Promise<Acknowledgement[]>;
}

/** Across every school. */
export interface SignOffAcrossSchools {
  /** Looks across schools: the token is all the person brings. */
  findByToken(token: string): Promise<RecipientWithCampaign | undefined>;
  /**
   * Across every school, for the scheduled job: marks up to `limit` unsent first emails as sent at
   * `at`, and returns them, each with a new link whose token goes in the email.
   */
  claimFirstEmails(at: Date, limit: number, skip: readonly string[]): Promise<ClaimedFirstEmail[]>;
  /** Across every school, for the scheduled job: those sent a first email who may be owed a reminder. */
  dueForReminder(now: Date, firstAfterDays: number): Promise<RecipientWithCampaign[]>;
}

export interface NewOfficialAccount extends OfficialAccountRequest {
  outcome: RiskOutcome;
  requestedBy: string;
  at: Date;
}

export type OfficialAccountDecision =
  | { status: 'approved'; reviewDue: string; by: string; at: Date }
  | { status: 'declined'; reason: string; by: string; at: Date };

export interface NewHistoryEvent {
  kind: HistoryKind;
  actorPersonId: string;
  at: Date;
  note?: string;
}

/** An official account's login, as escrow keeps it: sealed. */
export interface StoredLogin {
  schoolId: string;
  accountId: string;
  escrowed: EscrowedSecret;
  depositedBy: string;
  depositedAt: Date;
}

/** One sealed secret outside escrow, where it lives and what it was sealed for. */
export interface SealedValue {
  kind: 'authenticator' | 'authenticator_pending' | 'sign_on';
  schoolId: string;
  /** The account's id, or for single sign-on the school's. */
  id: string;
  associatedData: string;
  sealed: string;
}

/** The register of a school's official accounts; the calls across schools serve key rotation. */
export interface OfficialAccountsRepository {
  add(account: NewOfficialAccount): Promise<OfficialAccount>;
  find(id: string): Promise<OfficialAccount | undefined>;
  list(): Promise<OfficialAccount[]>;
  /** False when the request was already decided, or is not the school's. */
  decide(id: string, decision: OfficialAccountDecision): Promise<boolean>;
  addEvent(accountId: string, event: NewHistoryEvent): Promise<void>;
  history(accountId: string): Promise<HistoryEvent[]>;
  findLogin(accountId: string): Promise<StoredLogin | undefined>;
  /** True when a login was already there and is now replaced. */
  saveLogin(login: Omit<StoredLogin, 'schoolId'>): Promise<boolean>;
}

/** Across every school. */
export interface OfficialAccountsAcrossSchools {
  allLogins(): Promise<StoredLogin[]>;
  rewrapLogins(updates: readonly { accountId: string; wrappedKey: string }[]): Promise<void>;
}

/** Every secret sealed under the master key outside escrow, across schools, for key rotation. */
export interface SealedSecretsAcrossSchools {
  all(): Promise<SealedValue[]>;
  replace(values: readonly SealedValue[]): Promise<void>;
}

// How services reach the database: one unit of work at a time, each one transaction. A unit is
// scoped to one school, and sees only that school's records; the few things that must look
// across schools (finding an account by its email as a sign-in starts, a session by its id, the
// scheduled jobs' sweeps) go through the cross-school store, whose every method is named here.
export interface UnitOptions {
  /**
   * One consistent view from start to end, unmoved by writes made meanwhile (repeatable read,
   * read only): for walking the audit chain.
   */
  snapshot?: boolean;
}

export interface CrossSchoolUnit extends CrossSchoolStore {
  /**
   * Scopes the rest of this unit to one school, in the same transaction: for work that starts by
   * finding which school a token or an address belongs to. After it, use only the store it gives.
   */
  enterSchool(schoolId: string): Promise<SchoolStore>;
}

export interface UnitsOfWork {
  /** Runs `work` in one transaction scoped to the school; its writes land together or not at all. */
  inSchool<T>(schoolId: string, work: (store: SchoolStore) => Promise<T>, options?: UnitOptions): Promise<T>;
  /** Runs `work` in one transaction that may look across schools, through the named cross-school reads. */
  acrossSchools<T>(work: (store: CrossSchoolUnit) => Promise<T>): Promise<T>;
}

/** Notices that a school's published policy changed, heard by every Footprint process. */
export interface PublicationsRepository {
  /** Tells every process, once this unit commits, that the school's published policy changed. */
  announce(): Promise<void>;
}

export interface PublicationNotices {
  /**
   * Calls `listener` with a school's id when its published policy changed, in this process or
   * another; with undefined when notices may have been missed (a lost connection).
   */
  listen(listener: (schoolId: string | undefined) => void): Promise<void>;
  /** Tells this process's listeners at once: the notice through the database takes a moment to come. */
  changedHere(schoolId: string): void;
  /** Whether notices are being heard now: a copy kept in memory may be trusted only then. */
  hearing(): boolean;
  close(): Promise<void>;
}

/** One school's records, as a unit of work scoped to that school sees them. */
export interface SchoolStore {
  publications: PublicationsRepository;
  people: PeopleRepository;
  pupils: PupilsRepository;
  roster: RosterRepository;
  accounts: AccountsRepository;
  links: LinksRepository;
  sessions: SessionsRepository;
  audit: AuditRepository;
  signOn: SignOnRepository;
  policyVersions: PolicyVersionsRepository;
  signOff: SignOffRepository;
  officialAccounts: OfficialAccountsRepository;
  consent: ConsentRepository;
  declarations: DeclarationsRepository;
  incidents: IncidentsRepository;
  letterTemplates: LetterTemplatesRepository;
  monitoring: MonitoringRepository;
}

/** The few reads and writes that must look across schools, each named here and nowhere else. */
export interface CrossSchoolStore {
  settings: SettingsAcrossSchools;
  schools: SchoolsAcrossSchools;
  accounts: AccountsAcrossSchools;
  links: LinksAcrossSchools;
  sessions: SessionsAcrossSchools;
  audit: AuditAcrossSchools;
  signOn: SignOnAcrossSchools;
  policyVersions: PolicyVersionsAcrossSchools;
  signOff: SignOffAcrossSchools;
  officialAccounts: OfficialAccountsAcrossSchools;
  sealedSecrets: SealedSecretsAcrossSchools;
  consent: ConsentAcrossSchools;
  declarations: DeclarationsAcrossSchools;
  incidents: IncidentsAcrossSchools;
  monitoring: MonitoringAcrossSchools;
}

export interface NewConsentRecord {
  pupilId: string;
  purposeId: string;
  answer: ConsentAnswer;
  answeredBy: string;
  at: Date;
}

export interface NewConsentRenewal {
  startedBy: string;
  at: Date;
  recipients: readonly { personId: string; email: string }[];
  withoutEmail: number;
}

export interface ClaimedRenewalEmail {
  id: string;
  schoolId: string;
  email: string;
}

/** The consent register: purposes, every answer as given, and the yearly renewal. */
export interface ConsentRepository {
  purposes(): Promise<ConsentPurpose[]>;
  addPurposes(purposes: readonly (NewConsentPurpose & { key?: DefaultPurposeKey })[], at: Date): Promise<void>;
  reword(id: string, purpose: NewConsentPurpose): Promise<boolean>;
  /** Retires the purpose at `at`, or brings it back when `at` is undefined. */
  retire(id: string, at: Date | undefined): Promise<boolean>;
  record(records: readonly NewConsentRecord[]): Promise<ConsentRecord[]>;
  /** Oldest first, in the order recorded; for the given pupils, or the whole school. */
  history(pupilIds?: readonly string[]): Promise<ConsentRecord[]>;
  /** On the roll on `day`: the whole school, one year group, or one class. */
  pupilsOnRoll(day: string, group?: PupilGroup): Promise<Pupil[]>;
  renewalAudience(day: string): Promise<{ personId: string; email?: string }[]>;
  startRenewal(renewal: NewConsentRenewal): Promise<ConsentRenewal>;
  latestRenewal(): Promise<ConsentRenewal | undefined>;
  renewalProgress(renewalId: string): Promise<{ sent: number; total: number }>;
  unclaimRenewalEmail(id: string): Promise<void>;
  /** Makes a pupil's link to their own record, ending their earlier unused ones; the token is returned only here. */
  addPupilLink(link: Omit<NewPupilConsentLink, 'schoolId'>): Promise<{ token: string; link: PupilConsentLink }>;
  /** The school's link with this token, used or not, expired or not. */
  pupilLink(token: string): Promise<PupilConsentLink | undefined>;
  /** Marks the link used if it still works at `at`; undefined when it did not (or another use won). */
  usePupilLink(token: string, at: Date): Promise<PupilConsentLink | undefined>;
}

/** Across every school. */
export interface ConsentAcrossSchools {
  /** Across every school, for the scheduled job: marks up to `limit` unsent renewal emails as sent, and returns them. */
  claimRenewalEmails(at: Date, limit: number, skip: readonly string[]): Promise<ClaimedRenewalEmail[]>;
  /** Across schools: the token is all the pupil brings. */
  findPupilLink(token: string): Promise<PupilConsentLink | undefined>;
}

/** A group of pupils to check at once: a year group, or a class as the MIS names it. */
export type PupilGroup = { yearGroup: YearGroup } | { className: string };

export interface DatabaseStatus {
  /** Resolves when the database answers, rejects when it does not. */
  ping(): Promise<void>;
}

export interface Clock {
  now(): Date;
}

/** An email to one person. Write subjects without names: the development outbox logs them. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** Resolves once the mail server has taken the message; rejects with a MailNotSentError. */
  send(message: MailMessage): Promise<void>;
}

/** Why a message was not sent, in words for whoever looks after Footprint (never the recipient). */
export class MailNotSentError extends Error {
  /** True when sending the same message again would be refused again (a 5xx reply, a bad login). */
  readonly permanent: boolean;

  constructor(message: string, permanent: boolean, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MailNotSentError';
    this.permanent = permanent;
  }
}

/** A school's registration with its identity provider (Google Workspace, Microsoft Entra…). */
export interface SingleSignOnSettings {
  /** The provider's issuer, e.g. https://accounts.google.com. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Footprint's callback address, exactly as registered with the provider. */
  redirectUri: string;
}

/** Where to send the browser, and the three values to keep in the server-side session until it returns. */
export interface SingleSignOnStart {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface SingleSignOnCallback extends SingleSignOnSettings {
  /** The address the provider sent the browser back to: absolute, or the path and query as received. */
  callbackUrl: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface SingleSignOnIdentity {
  /** The provider's stable identifier for the person; an email address can change hands. */
  subject: string;
  email: string;
  /** Always true: an address the provider has not verified is refused. */
  emailVerified: true;
  name?: string;
}

export interface SingleSignOn {
  start(settings: SingleSignOnSettings): Promise<SingleSignOnStart>;
  /** Checks the provider's answer and returns who signed in; rejects with a SingleSignOnError. */
  finish(callback: SingleSignOnCallback): Promise<SingleSignOnIdentity>;
}

export type SingleSignOnFailure =
  | 'state_mismatch'
  | 'provider_refused'
  | 'id_token_invalid'
  | 'email_missing'
  | 'email_not_verified'
  | 'provider_unavailable';

/** A sign-in that did not succeed; the message says, in plain English, what the person can do. */
export class SingleSignOnError extends Error {
  readonly reason: SingleSignOnFailure;

  constructor(reason: SingleSignOnFailure, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SingleSignOnError';
    this.reason = reason;
  }
}

export type { PolicyLibrary } from './policies.ts';

export interface Adapters {
  /** Each service's database work, one transaction a unit. */
  units: UnitsOfWork;
  policyLibrary: PolicyLibrary;
  /** When a school's published policy changes, so that copies kept in memory are dropped. */
  publications: PublicationNotices;
  database: DatabaseStatus;
  clock: Clock;
  crypto: Cryptography;
  mailer: Mailer;
  singleSignOn: SingleSignOn;
  policyPrinter: PolicyPrinter;
  letterPrinter: LetterPrinter;
  /** The address people reach Footprint at (no trailing slash), for links in emails. */
  baseUrl: string;
  /** Asks for a background job to run now rather than at its next scheduled time. */
  jobs: Pick<JobQueue, 'runSoon'>;
  /** Screenshots and PDFs attached to concern reports. */
  evidence: EvidenceStore;
  /** Public posts from the sources a school watches. */
  feeds: FeedReader;
}

/** The kinds of evidence file Footprint keeps: pictures re-encoded without their metadata, and PDFs. */
export type EvidenceMediaType = 'image/png' | 'image/jpeg' | 'image/webp' | 'application/pdf';

/** A file as it came from the browser. */
export interface EvidenceUpload {
  fileName: string;
  /** The Content-Type the browser sent; generic ones (application/octet-stream) are ignored. */
  declaredType?: string | undefined;
  bytes: Uint8Array;
}

/** A kept evidence file: record all of it with the incident. */
export interface StoredEvidence {
  /** Made by the server (random, URL-safe), carrying nothing of the upload's name. */
  key: string;
  mediaType: EvidenceMediaType;
  /** Bytes as stored. */
  size: number;
  /** SHA-256 of the stored bytes, in lower-case hex. */
  sha256: string;
  /** The upload's name made safe, ending in the stored type's extension: for display and Content-Disposition only. */
  originalName: string;
}

/** `problem` says, in plain English, what the person can upload instead; nothing was stored. */
export type EvidenceStored = { ok: true; file: StoredEvidence } | { ok: false; problem: string };

/**
 * Evidence files, each school's apart, outside anything the web server serves. Serve them only to
 * people the policy permits, as attachments (Content-Disposition: attachment, nosniff), with the
 * recorded media type, never one guessed from the name.
 */
export interface EvidenceStore {
  /** Checks the upload by its content, re-encodes pictures without their metadata, and keeps it. */
  store(schoolId: string, upload: EvidenceUpload): Promise<EvidenceStored>;
  /** The stored bytes; undefined for a key that is malformed or not the school's. */
  open(schoolId: string, key: string): Promise<Uint8Array | undefined>;
  /** Destroys the file (for approved destruction); false when there was none. */
  remove(schoolId: string, key: string): Promise<boolean>;
}

/** What a typeset copy of a policy carries besides the document itself. */
export interface PrintOptions {
  /** On every page, so that a loose page still says whose policy it is. */
  schoolName: string;
  /** The date the printed file records as its creation: the same version always prints the same. */
  createdAt?: Date;
}

/** Lays the readable policy out as a PDF, A4, numbered "Page 1 of N". */
export interface PolicyPrinter {
  print(document: PolicyDocument, options: PrintOptions): Promise<Buffer>;
}

/** A letter to a parent, ready to print: every placeholder already filled. */
export interface LetterToPrint {
  schoolName: string;
  /** The school's address, a line each, under its name. */
  schoolAddress?: readonly string[];
  /** As written at the top of the letter: "22 November 2026". */
  date: string;
  reference?: string;
  recipient: { name: string; address?: readonly string[] };
  title: string;
  paragraphs: readonly string[];
  signOff: { name: string; role: string };
  /** The date the file records as its creation. */
  createdAt?: Date;
}

/** Lays a letter out as a PDF, A4, numbered "Page 1 of N" when it runs over a page. */
export interface LetterPrinter {
  print(letter: LetterToPrint): Promise<Uint8Array>;
}

/** Who is choosing a new password, so that it is not simply their own name or address. */
export interface PasswordContext {
  email?: string | undefined;
  name?: string | undefined;
}

/** A recovery code: `code` to show the person once, `hash` to keep. */
export interface RecoveryCode {
  code: string;
  hash: string;
}

/** The security building blocks of signing in. TOTP secrets are base32 text; sealed secrets are text too. */
export interface Cryptography {
  passwords: {
    hash(password: string): Promise<string>;
    /** False for `undefined` (no such account) too, after the same work, so timing does not reveal accounts. */
    verify(storedHash: string | undefined, password: string): Promise<boolean>;
    /** Whether a hash was made with other settings than today's: hash the password again once it is verified. */
    needsRehash(storedHash: string): boolean;
    /** Problems with a new password, each saying what to do; empty when it will do. */
    check(password: string, context: PasswordContext): string[];
  };
  totp: {
    newSecret(): string;
    /** The otpauth:// address for an authenticator app, labelled "Footprint:<email>". */
    keyUri(secret: string, email: string): string;
    /** The time step the code matched (keep it as `lastUsedStep`), or undefined if wrong or already used. */
    verify(secret: string, code: string, at: Date, lastUsedStep: number | undefined): number | undefined;
  };
  qr: {
    /** An accessible SVG image (role="img", named `label`) of `text` as a QR code. */
    svg(text: string, label: string): Promise<string>;
  };
  recoveryCodes: {
    /** Ten new single-use codes. */
    generate(): RecoveryCode[];
    /** Which of the unused stored hashes `typed` matches, ignoring spaces, hyphens and case. */
    find(typed: string, unusedHashes: readonly string[]): string | undefined;
  };
  secrets: {
    /** Seals `plaintext` for one record (`associatedData`, such as an account id): it opens only for that record. */
    seal(plaintext: string, associatedData: string): string;
    /** Throws when the value is altered, another record's, or sealed under a master key Footprint lacks. */
    open(sealed: string, associatedData: string): string;
  };
  escrow: {
    /** Seals `plaintext` for the record `recordId` under a fresh data key, wrapped by the master key. */
    seal(plaintext: string, recordId: string): EscrowedSecret;
    /** Throws when either part is altered, belongs to another record, or needs a master key Footprint lacks. */
    open(escrowed: EscrowedSecret, recordId: string): string;
  };
  /** Moving everything sealed from the current master key to `newKey` (32 bytes). */
  rotateTo(newKey: Uint8Array): KeyRotation;
  /** Bytes from a cryptographically strong source, for references nobody should guess. */
  randomBytes(length: number): Uint8Array;
}

/** A login in escrow: the sealed value, and the data key that seals it, wrapped by the master key. */
export interface EscrowedSecret {
  wrappedKey: string;
  ciphertext: string;
}

export interface KeyRotation {
  /** Whether the new key is the one already in use. */
  sameKey: boolean;
  /** A sealed secret with its data key wrapped again under the new key. */
  rewrapSecret(sealed: string): string;
  /** An escrowed login's wrapped key, wrapped again under the new key. */
  rewrapEscrowKey(wrappedKey: string, recordId: string): string;
  /** Whether the sealed secret opens with the new key alone. */
  secretOpens(sealed: string, associatedData: string): boolean;
  /** Whether the escrowed login opens with the new key alone. */
  escrowOpens(escrowed: EscrowedSecret, recordId: string): boolean;
}

/** A job that runs on a schedule: its name, and how often, as a cron expression in UTC. */
export interface JobPlan {
  name: string;
  cron: string;
}

/**
 * The background job queue. Schedules survive restarts and several app processes; each run goes
 * to one process. `run` is handed the job's name and the moment it was fired.
 */
export interface JobQueue {
  start(plans: readonly JobPlan[], run: (name: string) => Promise<void>): Promise<void>;
  /** Queues one run of a planned job now, outside its schedule. */
  trigger(name: string): Promise<void>;
  /**
   * From a request: queues one run of a planned job and wakes this process's worker for it. Never
   * fails; when the queue is not running here, the job runs at its next scheduled time instead.
   */
  runSoon(name: string): Promise<void>;
  /** The schedules as the queue holds them. */
  schedules(): Promise<JobPlan[]>;
  /** Waits for runs in progress (up to a few seconds), then stops; safe to call more than once. */
  stop(): Promise<void>;
}

/** A declaration with the names the register shows beside it. */
export interface RegisterEntry {
  declaration: Declaration;
  declarerName: string;
  /** The pupil or parent chosen from the school's people; a described person has none. */
  otherName?: string;
  decidedByName?: string;
}

export type DeclarationDecision =
  | { status: 'approved'; byPersonId: string; at: Date; reviewDue: string }
  | { status: 'declined'; byPersonId: string; at: Date; reason: string };

/** The declarations register of each school, and the claims that send each review reminder once. */
export interface DeclarationsRepository {
  add(personId: string, declaration: NewDeclaration, at: Date): Promise<Declaration>;
  find(id: string): Promise<RegisterEntry | undefined>;
  /** Newest first. */
  of(personId: string): Promise<RegisterEntry[]>;
  /** Those waiting for a decision first, then by review date. */
  register(): Promise<RegisterEntry[]>;
  /** False when the declaration was declined already, or is not the school's. */
  decide(id: string, decision: DeclarationDecision): Promise<boolean>;
  claimReminder(declarationId: string, reviewDue: string, at: Date): Promise<boolean>;
  releaseReminder(declarationId: string, reviewDue: string): Promise<void>;
}

/** Across every school. */
export interface DeclarationsAcrossSchools {
  /** Across schools: approved declarations whose review falls between the two days, with who made each. */
  dueForReview(
    from: string,
    until: string,
  ): Promise<{ schoolId: string; declarationId: string; personId: string; reviewDue: string }[]>;
}

export type NewCase = Omit<
  Case,
  'id' | 'schoolId' | 'status' | 'outcome' | 'firstActionAt' | 'closedAt' | 'reviewDue' | 'situation'
>;

/** What a list of cases needs to decide who may see each, and to show where each stands. */
export interface CaseListing {
  case: Case;
  subjectPersonIds: string[];
  taskOwnerIds: string[];
  openTasks: number;
  overdueTasks: number;
}

export type CaseChange = Partial<Pick<Case, 'status' | 'outcome' | 'firstActionAt' | 'closedAt' | 'reviewDue'>> & {
  situation?: unknown;
  handler?: Handler;
};

export interface NewEvidence {
  key: string;
  mediaType: string;
  size: number;
  sha256: string;
  originalName: string;
  addedBy?: string;
  at: Date;
}

export interface CaseEvidence extends Omit<NewEvidence, 'at'> {
  id: string;
  caseId: string;
  addedAt: Date;
}

/** A task past due, with what the chaser needs to find its owner and the person above them. */
export interface TaskToChase {
  schoolId: string;
  caseId: string;
  handler: Handler;
  task: Task;
}

/** An open task, with the name its owner goes by; no owner when the task has none or they have left. */
export interface OpenTask {
  task: Task;
  owner?: Pick<NewPerson, 'givenName' | 'familyName' | 'preferredName'>;
}

/** Incidents: cases, the people in them, their tasks and evidence, and each case's chronology. */
export interface IncidentsRepository {
  add(newCase: NewCase, parties: readonly Party[]): Promise<Case>;
  find(id: string): Promise<Case | undefined>;
  parties(caseId: string): Promise<Party[]>;
  list(now: Date): Promise<CaseListing[]>;
  change(id: string, change: CaseChange): Promise<void>;
  addTasks(caseId: string, tasks: readonly (NewTask & { ownerPersonId?: string })[], at: Date): Promise<Task[]>;
  tasks(caseId: string): Promise<Task[]>;
  /** Every open task of the school's cases, soonest due first: one read for a whole list of cases. */
  openTasks(): Promise<OpenTask[]>;
  /** Marks an open task done or not needed; false when it was not open. */
  finishTask(taskId: string, state: 'done' | 'not_needed', at: Date, by: string): Promise<boolean>;
  markChased(taskId: string, step: 'remind_owner' | 'escalate', at: Date): Promise<void>;
  addEvidence(caseId: string, evidence: NewEvidence): Promise<CaseEvidence>;
  evidence(caseId: string): Promise<CaseEvidence[]>;
  appendEvent(caseId: string, event: NewCaseEvent): Promise<CaseEvent>;
  /** The chronology in order, and its head as recorded. */
  chronology(caseId: string): Promise<{ events: CaseEvent[]; head: ChainHead }>;
  caseIds(): Promise<string[]>;
  /** Every case reduced to what governors' figures count. */
  summaries(): Promise<CaseSummary[]>;
  retentionRules(): Promise<RetentionRules | undefined>;
  saveRetentionRules(rules: RetentionRules, by: string, at: Date): Promise<void>;
  /** Closed cases whose review date has come, with no destruction waiting. */
  dueForReview(day: string): Promise<CaseDueForReview[]>;
  markReviewNotified(caseIds: readonly string[], day: string): Promise<void>;
  destructions(): Promise<Destruction[]>;
  proposeDestruction(proposal: NewDestruction): Promise<Destruction>;
  /** Approves a proposal made by someone else and destroys the case; undefined when that cannot be done. */
  approveDestruction(id: string, by: string, at: Date): Promise<Destruction | undefined>;
}

/** Across every school. */
export interface IncidentsAcrossSchools {
  /** Across schools: open tasks past due that still have someone to tell. */
  tasksToChase(now: Date): Promise<TaskToChase[]>;
  /** Across schools: cases due for review on `day` that the Headteacher has not been told of. */
  reviewsToNotify(day: string): Promise<{ schoolId: string; caseId: string }[]>;
}

export interface CaseDueForReview {
  caseId: string;
  reference: string;
  handler: Handler;
  reportedAt: Date;
  closedAt: Date;
  reviewDue: string;
}

export interface NewDestruction {
  caseId: string;
  reference: string;
  reportedAt: Date;
  closedAt: Date;
  reviewDue: string;
  reason: string;
  proposedBy: string;
  proposedAt: Date;
}

/** A destruction, proposed or done: what the school keeps once the case itself is gone. */
export interface Destruction extends NewDestruction {
  id: string;
  approvedBy?: string;
  approvedAt?: Date;
  destroyedAt?: Date;
}

/** Each school's own wording of its letters to parents; a kind with none saved uses the standard wording. */
export interface LetterTemplatesRepository {
  list(): Promise<SavedLetterTemplate[]>;
  find(kind: LetterKind): Promise<SavedLetterTemplate | undefined>;
  /** Saves the wording, replacing what the school had for that kind. */
  save(template: SavedLetterTemplate): Promise<void>;
  /** False when the school had none saved for that kind. */
  remove(kind: LetterKind): Promise<boolean>;
}

/** A public place where people may talk about the school, configured per school and polled in the background. */
export type FeedSource =
  /** An RSS 2.0, RSS 1.0 or Atom feed: a Google Alert, a news search. */
  | { kind: 'rss'; url: string }
  /** A Mastodon server's public timeline of one hashtag; `instance` is a host name or an https:// address. */
  | { kind: 'mastodon_tag'; instance: string; tag: string }
  /** One account's public posts; replies are left out unless `includeReplies`. */
  | { kind: 'mastodon_account'; instance: string; account: string; includeReplies?: boolean }
  /** Bluesky's public search; `service` is https://public.api.bsky.app unless given. */
  | { kind: 'bluesky_search'; query: string; service?: string };

/** One public post as a source delivered it, reduced to plain text: nothing in it is markup. */
export interface FetchedPost {
  /** Stable, and unique within its source: the same post fetched again has the same id. */
  externalId: string;
  /** An http(s) address of the post itself (Google's redirect links unwrapped). */
  url: string;
  author?: string;
  text: string;
  publishedAt: Date;
  /** Whether the post carries a picture or a video, which may show pupils. */
  hasImage: boolean;
  /** Only public posts are ever fetched. */
  public: true;
}

export interface FeedReadOptions {
  /** For the whole read, every request in it included. */
  timeoutMs: number;
  now: Date;
}

export type FeedProblem = 'timeout' | 'rate_limited' | 'malformed' | 'http_error' | 'unreachable';

/**
 * A successful read gives the posts and the cursor to keep once they are stored (absent: keep the
 * one you had). A failed read gives no cursor, so nothing is skipped; `detail` is plain English.
 */
export type FeedRead =
  | { ok: true; posts: FetchedPost[]; cursor?: string }
  | { ok: false; problem: FeedProblem; retryAfterSeconds?: number; detail: string };

/** Reads a source's public posts newer than `cursor`; never throws. Posts may repeat: drop those already stored. */
export interface FeedReader {
  read(source: FeedSource, cursor: string | undefined, options: FeedReadOptions): Promise<FeedRead>;
}

/** What a school watches for besides its people: its names and nicknames, its handles. */
export interface MonitoringSettings {
  names: string[];
  handles: string[];
  /** How long mentions are kept. */
  retentionMonths: number;
}

export interface StoredSource {
  id: string;
  schoolId: string;
  source: FeedSource;
  health: SourceHealth;
  /** Posts already stored from this source, oldest first. */
  seen: string[];
  addedAt: Date;
}

export interface NewMention {
  sourceId?: string;
  sourceKind: 'rss' | 'mastodon' | 'bluesky' | 'manual';
  externalId: string;
  url?: string;
  author?: string;
  text: string;
  hasImage: boolean;
  publishedAt?: Date;
  foundAt: Date;
  labels: Label[];
  evidence: Partial<Record<Label, string[]>>;
  severity: number;
  capturedBy?: string;
  /** A screenshot kept with the evidence files, for a manual capture. */
  screenshot?: StoredEvidence;
}

export interface StoredMention extends NewMention {
  id: string;
  schoolId: string;
  status: MentionStatus;
  correctedLabels?: Label[];
  response?: string;
  reviewedBy?: string;
  reviewedAt?: Date;
  incidentId?: string;
}

export interface MentionChange {
  status?: MentionStatus;
  correctedLabels?: Label[];
  response?: string;
  reviewedBy?: string;
  reviewedAt?: Date;
  incidentId?: string;
}

export interface MonitoringRepository {
  settings(): Promise<MonitoringSettings | undefined>;
  saveSettings(settings: MonitoringSettings, by: string, at: Date): Promise<void>;
  watchedStaff(): Promise<string[]>;
  setWatched(personId: string, watched: boolean, at: Date): Promise<void>;
  sources(): Promise<StoredSource[]>;
  addSource(source: FeedSource, health: SourceHealth, by: string, at: Date): Promise<StoredSource>;
  removeSource(id: string): Promise<boolean>;
  savePoll(id: string, health: SourceHealth, seen: readonly string[]): Promise<void>;
  /** Stores a mention once; undefined when that post of that source is already kept. */
  addMention(mention: NewMention): Promise<StoredMention | undefined>;
  mentions(statuses: readonly MentionStatus[]): Promise<StoredMention[]>;
  findMention(id: string): Promise<StoredMention | undefined>;
  changeMention(id: string, change: MentionChange): Promise<void>;
  corrected(): Promise<{ id: string; labels: Label[]; corrected: Label[]; reviewedAt: Date }[]>;
  purge(before: Date): Promise<number>;
}

/** Across every school. */
export interface MonitoringAcrossSchools {
  /** Across schools: how long each school that has chosen keeps its mentions. */
  retentionOfAll(): Promise<{ schoolId: string; months: number }[]>;
  /** Across schools: sources whose next poll is due. */
  dueSources(now: Date): Promise<StoredSource[]>;
  /** Across schools: the schools that have mentions. */
  schoolsWithMentions(): Promise<string[]>;
}
