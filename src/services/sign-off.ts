// Sign-off of the school's published policy. The Headteacher asks one audience at a time to read
// the published version; each person gets an emailed link that works without a password until they
// answer or the campaign closes. Every email goes from the scheduled job, which a new campaign asks
// to run at once: first emails in batches, then reminders after 7 and 14 days. Someone who agreed
// to an earlier version is shown only the rules that changed.
import type { RoleHeld } from '../domain/community/people.ts';
import type { School } from '../domain/community/school.ts';
import { documentModel, type PolicyDocument, type RuleText } from '../domain/policy/render/index.ts';
import { diffPolicies } from '../domain/school-policy/diff.ts';
import type { PolicyVersion, VersionSummary } from '../domain/school-policy/versions.ts';
import {
  chaserDays,
  chaserDue,
  firstEmailBatch,
  readReason,
  sendingProgress,
  shares,
  signOffRequestEmail,
  signOffReminderEmail,
  tally,
  type Acknowledgement,
  type Answer,
  type Campaign,
  type Chaser,
  type Recipient,
  type Sending,
  type Shares,
  type SignOffAudience,
  type SignOffEmail,
  type Tally,
} from '../domain/sign-off/index.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';
import { allow } from './allow.ts';
import {
  MailNotSentError,
  type Adapters,
  type CrossSchoolStore,
  type CrossSchoolUnit,
  type RecipientWithCampaign,
  type SchoolStore,
} from './ports.ts';

type Deps = Pick<Adapters, 'units' | 'clock' | 'mailer' | 'baseUrl' | 'jobs'>;

/** The scheduled job that sends every sign-off email; starting a campaign asks for it at once. */
export const signOffEmailsJob = 'sign-off-emails';

/** What a person is shown to answer: the whole version, or only what changed since they agreed. */
export type Reading =
  | { kind: 'whole'; document: PolicyDocument }
  | {
      kind: 'changes';
      /** The version they agreed to before. */
      sinceLabel: string;
      rules: { id: string; description: string; rule?: RuleText }[];
      /** Changes outside the rules (procedures, sections), one sentence each. */
      otherChanges: string[];
    };

export interface AnswerPage {
  schoolName: string;
  version: Pick<PolicyVersion, 'id' | 'number' | 'label' | 'contentHash'>;
  reading: Reading;
}

export type TokenRefusal = 'unknown' | 'answered' | 'closed';

export type TokenCheck = ({ usable: true } & AnswerPage) | { usable: false; reason: TokenRefusal };

export type AnswerOutcome =
  | { outcome: 'recorded'; answer: Answer }
  | { outcome: 'problem'; problem: string }
  | { outcome: 'refused'; reason: TokenRefusal };

export interface CampaignView {
  campaign: Campaign;
  versionLabel: string;
  tally: Tally;
  percent: Shares;
  /** While first emails are still to go in an open campaign: how many have gone. */
  sending?: Sending;
  outstanding: string[];
  declined: { name: string; reason: string }[];
}

export interface StartOutcome {
  campaign: Campaign;
  /** People whose first email is now due; the job sends them. */
  asked: number;
  withoutEmail: number;
}

export interface SendReport {
  invitations: number;
  reminders: number;
  failed: number;
}

/** Roles that are sent to acknowledge the policy when they sign in with an emailed link. */
const inductedRoles: ReadonlySet<RoleHeld['role']> = new Set(['volunteer', 'visitor']);

/** A version to read, and the earlier one the reader agreed to, if any. */
interface ToRead {
  version: PolicyVersion;
  before?: PolicyVersion;
}

async function versionOf(store: SchoolStore, versionId: string): Promise<PolicyVersion> {
  const version = await store.policyVersions.find(versionId);
  if (!version) throw new Error('A sign-off campaign names a policy version its school does not have');
  return version;
}

/** The last version before this one that the person agreed to, if any, without its text. */
async function agreedBefore(
  store: SchoolStore,
  personId: string,
  version: PolicyVersion,
): Promise<VersionSummary | undefined> {
  const agreed = new Set(
    (await store.signOff.answersOf(personId))
      .filter((answer) => answer.answer === 'acknowledged' && answer.versionId !== version.id)
      .map((answer) => answer.versionId),
  );
  if (agreed.size === 0) return undefined;
  // Newest first: the first agreed to before this one is the latest.
  return (await store.policyVersions.all()).find((v) => agreed.has(v.id) && v.number < version.number);
}

async function toRead(store: SchoolStore, personId: string, version: PolicyVersion): Promise<ToRead> {
  const earlier = await agreedBefore(store, personId, version);
  const before = earlier && (await store.policyVersions.find(earlier.id));
  return before ? { version, before } : { version };
}

/** What the person is shown: the whole version, or only what changed since the one they agreed to. */
function readingOf({ version, before }: ToRead): Reading {
  if (!before) return { kind: 'whole', document: documentModel(version.document) };
  const diff = diffPolicies(before.document, version.document);
  const shown = new Map<string, RuleText>();
  for (const section of documentModel(version.document).sections) {
    for (const group of section.groups) for (const rule of group.rules) shown.set(rule.id, rule);
  }
  return {
    kind: 'changes',
    sinceLabel: before.label,
    rules: diff.rules.map((change) => {
      const rule = change.kind === 'removed' ? undefined : shown.get(change.id);
      return { id: change.id, description: change.description, ...(rule && { rule }) };
    }),
    otherChanges: [...diff.document, ...diff.procedures.map((change) => change.description)],
  };
}

/**
 * Whether the link's recipient may still answer, read in the caller's unit: the token names the
 * school, and the rest of the unit is then scoped to it (use the `store` returned from here on).
 */
async function usableIn(
  cross: CrossSchoolUnit,
  token: string,
): Promise<
  | { ok: true; found: RecipientWithCampaign; school: School; version: PolicyVersion; store: SchoolStore }
  | { ok: false; reason: TokenRefusal }
> {
  const found = await cross.signOff.findByToken(token);
  if (!found) return { ok: false, reason: 'unknown' };
  const { recipient, campaign } = found;
  const school = await cross.schools.findById(recipient.schoolId);
  const store = await cross.enterSchool(recipient.schoolId);
  if (await store.signOff.answerTo(recipient.id)) return { ok: false, reason: 'answered' };
  if (campaign.closedAt) return { ok: false, reason: 'closed' };
  if (!school) return { ok: false, reason: 'unknown' };
  return { ok: true, found, school, version: await versionOf(store, campaign.versionId), store };
}

/**
 * What the person still has to answer, read in the caller's unit: each open campaign that asked
 * them, and the published version itself when nobody asked them but they have not agreed to it.
 */
async function outstandingIn(
  store: SchoolStore,
  personId: string,
): Promise<{ version: PolicyVersion; viaCampaign: boolean }[]> {
  const open = await store.signOff.openFor(personId);
  const list: { version: PolicyVersion; viaCampaign: boolean }[] = [];
  for (const { campaign } of open) {
    if (list.some((item) => item.version.id === campaign.versionId)) continue;
    list.push({ version: await versionOf(store, campaign.versionId), viaCampaign: true });
  }
  const published = await store.policyVersions.published();
  if (published && !list.some((item) => item.version.id === published.id)) {
    const answers = await store.signOff.answersOf(personId);
    if (!answers.some((a) => a.versionId === published.id)) list.push({ version: published, viaCampaign: false });
  }
  return list;
}

function readAnswer(answer: string, reasonTyped: string): { answer: Answer; reason?: string } | { problem: string } {
  if (answer === 'acknowledged') return { answer };
  if (answer !== 'declined') return { problem: 'Choose whether you agree to follow the policy' };
  const read = readReason(reasonTyped);
  return 'problem' in read ? read : { answer, reason: read.reason };
}

/** What one run of the job has already read, so that it looks each school and version up once. */
function runLookups() {
  const schools = new Map<string, School | undefined>();
  const versions = new Map<string, PolicyVersion>();
  return {
    /** Reads, in the caller's unit across schools, the schools of these recipients not read yet. */
    async readSchools(cross: CrossSchoolStore, due: readonly RecipientWithCampaign[]): Promise<void> {
      for (const schoolId of new Set(due.map(({ recipient }) => recipient.schoolId))) {
        if (!schools.has(schoolId)) schools.set(schoolId, await cross.schools.findById(schoolId));
      }
    },
    school: (id: string) => schools.get(id),
    async version(store: SchoolStore, id: string): Promise<PolicyVersion> {
      const known = versions.get(id);
      if (known) return known;
      const version = await versionOf(store, id);
      versions.set(id, version);
      return version;
    },
  };
}

type Lookups = ReturnType<typeof runLookups>;

/** Recipients grouped by their school, in the order first met. */
function bySchool<T extends RecipientWithCampaign>(due: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of due) {
    const group = groups.get(item.recipient.schoolId);
    if (group) group.push(item);
    else groups.set(item.recipient.schoolId, [item]);
  }
  return groups;
}

export function createSignOffService({ units, clock, mailer, baseUrl, jobs }: Deps) {
  const linkFor = (token: string) => `${baseUrl}/acknowledge/${token}`;

  async function send(to: string, email: SignOffEmail): Promise<MailNotSentError | undefined> {
    try {
      await mailer.send({ to, ...email });
      return undefined;
    } catch (error) {
      if (error instanceof MailNotSentError) return error;
      return new MailNotSentError('The email could not be sent.', false, { cause: error });
    }
  }

  async function recordAnswer(
    store: SchoolStore,
    schoolId: string,
    personId: string,
    version: PolicyVersion,
    given: { answer: Answer; reason?: string; recipientId?: string },
    at: Date,
  ): Promise<Acknowledgement | undefined> {
    const stored = await store.signOff.answer({
      personId,
      versionId: version.id,
      contentHash: version.contentHash,
      answer: given.answer,
      ...(given.reason !== undefined && { reason: given.reason }),
      ...(given.recipientId !== undefined && { recipientId: given.recipientId }),
      at,
    });
    if (stored) {
      await store.audit.append({
        schoolId,
        actorPersonId: personId,
        action: given.answer === 'acknowledged' ? 'policy_acknowledged' : 'policy_declined',
        subject: { kind: 'policy_version', id: version.id },
        details: { number: version.number },
        at,
      });
    }
    return stored;
  }

  /** The email to one recipient with the link made for it, read in the unit of the recipient's school. */
  async function emailIn(
    store: SchoolStore,
    { recipient, campaign }: RecipientWithCampaign,
    which: 'invitation' | Chaser,
    token: string,
    lookups: Lookups,
  ): Promise<SignOffEmail> {
    const school = lookups.school(recipient.schoolId);
    const version = await lookups.version(store, campaign.versionId);
    const ask = {
      schoolName: school?.name ?? 'Your school',
      schoolEmail: school?.contactEmail ?? '',
      versionLabel: version.label,
      url: linkFor(token),
      changesOnly: (await agreedBefore(store, recipient.personId, version)) !== undefined,
    };
    return which === 'invitation' ? signOffRequestEmail(ask) : signOffReminderEmail(ask, which);
  }

  /**
   * Sends one email already claimed (recorded as sent, its unit committed); gives the claim back
   * if the mail server did not take it, so that a later run tries again and no run sends it twice.
   */
  async function deliver(recipient: Recipient, which: 'invitation' | Chaser, email: SignOffEmail): Promise<boolean> {
    if (!(await send(recipient.email, email))) return true;
    await units.inSchool(recipient.schoolId, (store) => store.signOff.unmarkSent(recipient.id, which));
    return false;
  }

  /**
   * Every first email still to go, a batch at a time: each batch is claimed, with a link for each
   * person, in one unit, then its emails are written (one unit per school in it) and sent. A batch
   * in which nothing went stops the run, since the mail server is then most likely down; the next
   * run tries again.
   */
  async function sendFirstEmails(now: Date, batchSize: number, lookups: Lookups) {
    let sent = 0;
    const failed: string[] = [];
    for (;;) {
      const batch = await units.acrossSchools(async (cross) => {
        const claimed = await cross.signOff.claimFirstEmails(now, batchSize, failed);
        await lookups.readSchools(cross, claimed);
        return claimed;
      });
      if (batch.length === 0) break;
      const emails = new Map<string, SignOffEmail>();
      for (const [schoolId, claimed] of bySchool(batch)) {
        await units.inSchool(schoolId, async (store) => {
          for (const due of claimed) {
            emails.set(due.recipient.id, await emailIn(store, due, 'invitation', due.token, lookups));
          }
        });
      }
      let sentInBatch = 0;
      for (const due of batch) {
        if (await deliver(due.recipient, 'invitation', emails.get(due.recipient.id)!)) sentInBatch += 1;
        else failed.push(due.recipient.id);
      }
      sent += sentInBatch;
      if (sentInBatch === 0) break;
    }
    return { sent, failed: failed.length };
  }

  /** One reminder to one recipient, claimed (with its new link) in one unit first, so that no other run sends it too. */
  async function sendReminder(
    due: RecipientWithCampaign,
    which: Chaser,
    now: Date,
    lookups: Lookups,
  ): Promise<'sent' | 'skipped' | 'failed'> {
    const { recipient } = due;
    const email = await units.inSchool(recipient.schoolId, async (store) => {
      if (!(await store.signOff.markSent(recipient.id, which, now))) return undefined;
      const token = await store.signOff.addLink(recipient.id, now);
      return emailIn(store, due, which, token, lookups);
    });
    if (!email) return 'skipped';
    return (await deliver(recipient, which, email)) ? 'sent' : 'failed';
  }

  return {
    /** The published version, and every campaign with how far it has got. */
    async overview(viewer: Viewer): Promise<{ published?: PolicyVersion; campaigns: CampaignView[] }> {
      allow(viewer, 'manage_sign_off');
      return units.inSchool(viewer.school.id, async (store) => {
        const published = await store.policyVersions.published();
        const campaigns = await store.signOff.campaigns();
        const labels = new Map<string, string>();
        const views: CampaignView[] = [];
        for (const campaign of campaigns) {
          if (!labels.has(campaign.versionId)) {
            labels.set(campaign.versionId, (await versionOf(store, campaign.versionId)).label);
          }
          const recipients = await store.signOff.recipients(campaign.id);
          const counted = tally(recipients.map((r) => r.answer));
          const declined = recipients
            .filter((each) => each.answer === 'declined')
            .map((r) => ({ name: r.name, reason: r.reason ?? '' }));
          const sending = sendingProgress(recipients);
          views.push({
            campaign,
            versionLabel: labels.get(campaign.versionId) ?? '',
            tally: counted,
            percent: shares(counted),
            ...(!campaign.closedAt && sending.sent < sending.total && { sending }),
            outstanding: recipients.filter((r) => !r.answer).map((r) => r.name),
            declined,
          });
        }
        return { ...(published && { published }), campaigns: views };
      });
    },

    /**
     * Asks everyone in the audience with an email address to acknowledge the published version,
     * closing any earlier campaign to the same audience. Each person is recorded with their first
     * email due; the job sends them, asked here to run at once, so this returns without waiting.
     */
    async start(viewer: Viewer, audience: SignOffAudience): Promise<StartOutcome> {
      allow(viewer, 'manage_sign_off');
      const schoolId = viewer.school.id;
      const now = clock.now();
      const outcome = await units.inSchool(schoolId, async (store) => {
        const members = await store.signOff.audience(audience);
        const reachable = members.filter((m): m is typeof m & { email: string } => m.email !== undefined);
        const published = await store.policyVersions.published();
        if (!published)
          throw new AppError('policy_not_ready', 'Publish the policy before asking anyone to sign it off.');
        const campaign = await store.signOff.start({
          versionId: published.id,
          audience,
          startedBy: viewer.person.id,
          at: now,
          recipients: reachable.map((m) => ({ personId: m.personId, email: m.email })),
          withoutEmail: members.length - reachable.length,
        });
        await store.audit.append({
          schoolId,
          actorPersonId: viewer.person.id,
          action: 'sign_off_started',
          subject: { kind: 'sign_off_campaign', id: campaign.id },
          details: { audience, number: published.number, asked: reachable.length },
          at: now,
        });
        return { campaign, asked: reachable.length, withoutEmail: members.length - reachable.length };
      });
      // Once the campaign is saved: the job sends its emails, never this request.
      if (outcome.asked > 0) await jobs.runSoon(signOffEmailsJob);
      return outcome;
    },

    /** Closes a campaign: its links stop working; answers given stay. */
    async close(viewer: Viewer, campaignId: string): Promise<void> {
      allow(viewer, 'manage_sign_off');
      const schoolId = viewer.school.id;
      const now = clock.now();
      await units.inSchool(schoolId, async (store) => {
        const campaign = await store.signOff.campaign(campaignId);
        if (!campaign) throw new AppError('not_found');
        if (!(await store.signOff.close(campaignId, now))) return;
        await store.audit.append({
          schoolId,
          actorPersonId: viewer.person.id,
          action: 'sign_off_closed',
          subject: { kind: 'sign_off_campaign', id: campaignId },
          details: { audience: campaign.audience },
          at: now,
        });
      });
    },

    /**
     * The scheduled job: every first email still to go, in batches, then reminders 7 and 14 days
     * after the first email to those who have not answered. Each is claimed before it is sent, so
     * it goes once even when two runs overlap; one the mail server refused is tried on a later run.
     */
    async sendDue(now: Date, options: { batchSize?: number } = {}): Promise<SendReport> {
      const lookups = runLookups();
      const first = await sendFirstEmails(now, options.batchSize ?? firstEmailBatch, lookups);
      const report: SendReport = { invitations: first.sent, reminders: 0, failed: first.failed };
      const chasers = await units.acrossSchools(async (cross) => {
        const due = (await cross.signOff.dueForReminder(now, chaserDays.first)).flatMap((each) => {
          const which = chaserDue(each.recipient, now, each.campaign);
          return which ? [{ due: each, which }] : [];
        });
        await lookups.readSchools(
          cross,
          due.map((each) => each.due),
        );
        return due;
      });
      for (const { due, which } of chasers) {
        const result = await sendReminder(due, which, now, lookups);
        if (result === 'failed') report.failed += 1;
        else if (result === 'sent') report.reminders += 1;
      }
      return report;
    },

    /** What the link's page shows, or why the link does not work. */
    async checkToken(token: string): Promise<TokenCheck> {
      const checked = await units.acrossSchools(async (cross) => {
        const usable = await usableIn(cross, token);
        if (!usable.ok) return usable;
        const { found, school, version, store } = usable;
        return { ok: true as const, school, read: await toRead(store, found.recipient.personId, version) };
      });
      if (!checked.ok) return { usable: false, reason: checked.reason };
      return {
        usable: true,
        schoolName: checked.school.name,
        version: checked.read.version,
        reading: readingOf(checked.read),
      };
    },

    /** Answers by an emailed link: no password, and only once. */
    async answerByToken(token: string, answer: string, reason: string): Promise<AnswerOutcome> {
      const read = readAnswer(answer, reason);
      if ('problem' in read) return { outcome: 'problem', problem: read.problem };
      return units.acrossSchools<AnswerOutcome>(async (cross) => {
        const usable = await usableIn(cross, token);
        if (!usable.ok) return { outcome: 'refused', reason: usable.reason };
        const { recipient } = usable.found;
        const stored = await recordAnswer(
          usable.store,
          recipient.schoolId,
          recipient.personId,
          usable.version,
          { ...read, recipientId: recipient.id },
          clock.now(),
        );
        return stored ? { outcome: 'recorded', answer: stored.answer } : { outcome: 'refused', reason: 'answered' };
      });
    },

    /**
     * What the signed-in person still has to answer: each open campaign that asked them, and the
     * published version itself when nobody asked them but they have not agreed to it.
     */
    async outstanding(viewer: Viewer): Promise<{ version: PolicyVersion; viaCampaign: boolean }[]> {
      allow(viewer, 'acknowledge_policy');
      return units.inSchool(viewer.school.id, (store) => outstandingIn(store, viewer.person.id));
    },

    /** The page for a signed-in person to answer about one version they are asked about. */
    async forViewer(viewer: Viewer, number: number): Promise<AnswerPage | undefined> {
      allow(viewer, 'acknowledge_policy');
      const personId = viewer.person.id;
      const read = await units.inSchool(viewer.school.id, async (store) => {
        const version = (await outstandingIn(store, personId)).find((item) => item.version.number === number)?.version;
        return version && toRead(store, personId, version);
      });
      if (!read) return undefined;
      return { schoolName: viewer.school.name, version: read.version, reading: readingOf(read) };
    },

    /** A signed-in answer, which also answers every open campaign that asked them about that version. */
    async answerAsViewer(viewer: Viewer, number: number, answer: string, reason: string): Promise<AnswerOutcome> {
      allow(viewer, 'acknowledge_policy');
      const read = readAnswer(answer, reason);
      if ('problem' in read) return { outcome: 'problem', problem: read.problem };
      const schoolId = viewer.school.id;
      const personId = viewer.person.id;
      return units.inSchool<AnswerOutcome>(schoolId, async (store) => {
        const version = (await outstandingIn(store, personId)).find((item) => item.version.number === number)?.version;
        if (!version) return { outcome: 'refused', reason: 'answered' };
        const open = (await store.signOff.openFor(personId)).filter(
          ({ campaign }) => campaign.versionId === version.id,
        );
        const now = clock.now();
        if (open.length === 0) await recordAnswer(store, schoolId, personId, version, read, now);
        for (const { recipient } of open) {
          await recordAnswer(store, schoolId, personId, version, { ...read, recipientId: recipient.id }, now);
        }
        return { outcome: 'recorded', answer: read.answer };
      });
    },

    /**
     * Where a volunteer or visitor signing in with an emailed link goes first: the published
     * policy to acknowledge, when they have not yet agreed to it. Undefined otherwise.
     */
    async inductionPath(schoolId: string, accountId: string): Promise<string | undefined> {
      return units.inSchool(schoolId, async (store) => {
        const found = await store.accounts.find(accountId);
        const person = found && (await store.people.find(found.account.personId));
        if (!person?.roles.some((held) => inductedRoles.has(held.role))) return undefined;
        const published = await store.policyVersions.published();
        if (!published) return undefined;
        const answers = await store.signOff.answersOf(person.id);
        // Someone who declined has answered: they are not sent back to it at every sign-in.
        const answered = answers.some((a) => a.versionId === published.id);
        return answered ? undefined : `/acknowledge/policy/${published.number}`;
      });
    },

    /** Every answer a person has given, for tests and the person's own record. */
    answersOf: (schoolId: string, personId: string) =>
      units.inSchool(schoolId, (store) => store.signOff.answersOf(personId)),
  };
}

export type SignOffService = ReturnType<typeof createSignOffService>;
