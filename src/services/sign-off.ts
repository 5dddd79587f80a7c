// Sign-off of the school's published policy. The Headteacher asks one audience at a time to read
// the published version; each person gets an emailed link that works without a password until they
// answer or the campaign closes. Every email goes from the scheduled job, which a new campaign asks
// to run at once: first emails in batches, then reminders after 7 and 14 days. Someone who agreed
// to an earlier version is shown only the rules that changed.
import { can } from '../domain/access/capabilities.ts';
import type { RoleHeld } from '../domain/community/people.ts';
import type { School } from '../domain/community/school.ts';
import { documentModel, type PolicyDocument, type RuleText } from '../domain/policy/render/index.ts';
import { diffPolicies } from '../domain/school-policy/diff.ts';
import type { PolicyVersion } from '../domain/school-policy/versions.ts';
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
  type Sending,
  type Shares,
  type SignOffAudience,
  type SignOffEmail,
  type Tally,
} from '../domain/sign-off/index.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';
import { recordAudit } from './audit-trail.ts';
import { MailNotSentError, type Adapters, type RecipientWithCampaign, type Store } from './ports.ts';

type Deps = Pick<Adapters, 'store' | 'inTransaction' | 'clock' | 'mailer' | 'baseUrl' | 'jobs'>;

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

function allow(viewer: Viewer, capability: 'manage_sign_off' | 'acknowledge_policy'): void {
  if (!can(viewer.roles, capability)) throw new AppError('forbidden');
}

export function createSignOffService({ store, inTransaction, clock, mailer, baseUrl, jobs }: Deps) {
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

  /** The last version before this one that the person agreed to, if any. */
  async function agreedBefore(schoolId: string, personId: string, version: PolicyVersion) {
    const answers = await store.signOff.answersOf(schoolId, personId);
    let best: PolicyVersion | undefined;
    for (const answer of answers) {
      if (answer.answer !== 'acknowledged' || answer.versionId === version.id) continue;
      const earlier = await store.policyVersions.find(schoolId, answer.versionId);
      if (earlier && earlier.number < version.number && (!best || earlier.number > best.number)) best = earlier;
    }
    return best;
  }

  async function readingFor(schoolId: string, personId: string, version: PolicyVersion): Promise<Reading> {
    const before = await agreedBefore(schoolId, personId, version);
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

  async function versionOf(schoolId: string, versionId: string): Promise<PolicyVersion> {
    const version = await store.policyVersions.find(schoolId, versionId);
    if (!version) throw new Error('A sign-off campaign names a policy version its school does not have');
    return version;
  }

  async function usableRecipient(
    token: string,
  ): Promise<
    | { ok: true; found: RecipientWithCampaign; school: School; version: PolicyVersion }
    | { ok: false; reason: TokenRefusal }
  > {
    const found = await store.signOff.findByToken(token);
    if (!found) return { ok: false, reason: 'unknown' };
    const { recipient, campaign } = found;
    if (await store.signOff.answerTo(recipient.schoolId, recipient.id)) return { ok: false, reason: 'answered' };
    if (campaign.closedAt) return { ok: false, reason: 'closed' };
    const school = await store.schools.findById(recipient.schoolId);
    if (!school) return { ok: false, reason: 'unknown' };
    return { ok: true, found, school, version: await versionOf(recipient.schoolId, campaign.versionId) };
  }

  async function recordAnswer(
    trx: Store,
    schoolId: string,
    personId: string,
    version: PolicyVersion,
    given: { answer: Answer; reason?: string; recipientId?: string },
    at: Date,
  ): Promise<Acknowledgement | undefined> {
    const stored = await trx.signOff.answer(schoolId, {
      personId,
      versionId: version.id,
      contentHash: version.contentHash,
      answer: given.answer,
      ...(given.reason !== undefined && { reason: given.reason }),
      ...(given.recipientId !== undefined && { recipientId: given.recipientId }),
      at,
    });
    if (stored) {
      await recordAudit(
        trx,
        {
          schoolId,
          actorPersonId: personId,
          action: given.answer === 'acknowledged' ? 'policy_acknowledged' : 'policy_declined',
          subject: { kind: 'policy_version', id: version.id },
          details: { number: version.number },
        },
        at,
      );
    }
    return stored;
  }

  function readAnswer(answer: string, reasonTyped: string): { answer: Answer; reason?: string } | { problem: string } {
    if (answer === 'acknowledged') return { answer };
    if (answer !== 'declined') return { problem: 'Choose whether you agree to follow the policy' };
    const read = readReason(reasonTyped);
    return 'problem' in read ? read : { answer, reason: read.reason };
  }

  /** What one run of the job has already read, so that a batch looks each school and version up once. */
  function runLookups() {
    const schools = new Map<string, Promise<School | undefined>>();
    const versions = new Map<string, Promise<PolicyVersion>>();
    return {
      school: (id: string) => schools.get(id) ?? schools.set(id, store.schools.findById(id)).get(id)!,
      version: (schoolId: string, id: string) => versions.get(id) ?? versions.set(id, versionOf(schoolId, id)).get(id)!,
    };
  }

  /**
   * Sends one email already claimed (recorded as sent) with its new link; gives the claim back if
   * the mail server did not take it, so that a later run tries again and no run sends it twice.
   */
  async function deliver(
    { recipient, campaign }: RecipientWithCampaign,
    which: 'invitation' | Chaser,
    token: string,
    lookups: ReturnType<typeof runLookups>,
  ): Promise<boolean> {
    const { schoolId } = recipient;
    const school = await lookups.school(schoolId);
    const version = await lookups.version(schoolId, campaign.versionId);
    const ask = {
      schoolName: school?.name ?? 'Your school',
      schoolEmail: school?.contactEmail ?? '',
      versionLabel: version.label,
      url: linkFor(token),
      changesOnly: (await agreedBefore(schoolId, recipient.personId, version)) !== undefined,
    };
    const email = which === 'invitation' ? signOffRequestEmail(ask) : signOffReminderEmail(ask, which);
    if (!(await send(recipient.email, email))) return true;
    await store.signOff.unmarkSent(schoolId, recipient.id, which);
    return false;
  }

  /**
   * Every first email still to go, a batch at a time: each batch is claimed, with a link for each
   * person, in one transaction, then sent. A batch in which nothing went stops the run, since the
   * mail server is then most likely down; the next run tries again.
   */
  async function sendFirstEmails(now: Date, batchSize: number, lookups: ReturnType<typeof runLookups>) {
    let sent = 0;
    const failed: string[] = [];
    for (;;) {
      const batch = await inTransaction(async (trx) => {
        const claimed = await trx.signOff.claimFirstEmails(now, batchSize, failed);
        const withLinks: { due: RecipientWithCampaign; token: string }[] = [];
        for (const due of claimed) {
          withLinks.push({ due, token: await trx.signOff.addLink(due.recipient.schoolId, due.recipient.id, now) });
        }
        return withLinks;
      });
      if (batch.length === 0) break;
      let sentInBatch = 0;
      for (const { due, token } of batch) {
        if (await deliver(due, 'invitation', token, lookups)) sentInBatch += 1;
        else failed.push(due.recipient.id);
      }
      sent += sentInBatch;
      if (sentInBatch === 0) break;
    }
    return { sent, failed: failed.length };
  }

  /** One reminder to one recipient, claimed first so that no other run sends it too. */
  async function sendReminder(
    due: RecipientWithCampaign,
    which: Chaser,
    now: Date,
    lookups: ReturnType<typeof runLookups>,
  ): Promise<'sent' | 'skipped' | 'failed'> {
    const { schoolId, id } = due.recipient;
    const token = await inTransaction(async (trx) => {
      if (!(await trx.signOff.markSent(schoolId, id, which, now))) return undefined;
      return trx.signOff.addLink(schoolId, id, now);
    });
    if (!token) return 'skipped';
    return (await deliver(due, which, token, lookups)) ? 'sent' : 'failed';
  }

  /**
   * What the signed-in person still has to answer: each open campaign that asked them, and the
   * published version itself when nobody asked them but they have not agreed to it.
   */
  async function outstanding(viewer: Viewer): Promise<{ version: PolicyVersion; viaCampaign: boolean }[]> {
    allow(viewer, 'acknowledge_policy');
    const schoolId = viewer.school.id;
    const open = await store.signOff.openFor(schoolId, viewer.person.id);
    const list: { version: PolicyVersion; viaCampaign: boolean }[] = [];
    for (const { campaign } of open) {
      if (list.some((item) => item.version.id === campaign.versionId)) continue;
      list.push({ version: await versionOf(schoolId, campaign.versionId), viaCampaign: true });
    }
    const published = await store.policyVersions.published(schoolId);
    if (published && !list.some((item) => item.version.id === published.id)) {
      const answers = await store.signOff.answersOf(schoolId, viewer.person.id);
      if (!answers.some((a) => a.versionId === published.id)) list.push({ version: published, viaCampaign: false });
    }
    return list;
  }

  return {
    /** The published version, and every campaign with how far it has got. */
    async overview(viewer: Viewer): Promise<{ published?: PolicyVersion; campaigns: CampaignView[] }> {
      allow(viewer, 'manage_sign_off');
      const schoolId = viewer.school.id;
      const published = await store.policyVersions.published(schoolId);
      const campaigns = await store.signOff.campaigns(schoolId);
      const labels = new Map<string, string>();
      const views: CampaignView[] = [];
      for (const campaign of campaigns) {
        if (!labels.has(campaign.versionId)) {
          labels.set(campaign.versionId, (await versionOf(schoolId, campaign.versionId)).label);
        }
        const recipients = await store.signOff.recipients(schoolId, campaign.id);
        const counted = tally(recipients.map((r) => r.answer));
        const declined: { name: string; reason: string }[] = [];
        for (const r of recipients.filter((each) => each.answer === 'declined')) {
          const answer = await store.signOff.answerTo(schoolId, r.recipient.id);
          declined.push({ name: r.name, reason: answer?.reason ?? '' });
        }
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
      const members = await store.signOff.audience(schoolId, audience);
      const reachable = members.filter((m): m is typeof m & { email: string } => m.email !== undefined);
      const campaign = await inTransaction(async (trx) => {
        const published = await trx.policyVersions.published(schoolId);
        if (!published)
          throw new AppError('policy_not_ready', 'Publish the policy before asking anyone to sign it off.');
        const started = await trx.signOff.start(schoolId, {
          versionId: published.id,
          audience,
          startedBy: viewer.person.id,
          at: now,
          recipients: reachable.map((m) => ({ personId: m.personId, email: m.email })),
          withoutEmail: members.length - reachable.length,
        });
        await recordAudit(
          trx,
          {
            schoolId,
            actorPersonId: viewer.person.id,
            action: 'sign_off_started',
            subject: { kind: 'sign_off_campaign', id: started.id },
            details: { audience, number: published.number, asked: reachable.length },
          },
          now,
        );
        return started;
      });
      if (reachable.length > 0) await jobs.runSoon(signOffEmailsJob);
      return { campaign, asked: reachable.length, withoutEmail: members.length - reachable.length };
    },

    /** Closes a campaign: its links stop working; answers given stay. */
    async close(viewer: Viewer, campaignId: string): Promise<void> {
      allow(viewer, 'manage_sign_off');
      const schoolId = viewer.school.id;
      const now = clock.now();
      await inTransaction(async (trx) => {
        const campaign = await trx.signOff.campaign(schoolId, campaignId);
        if (!campaign) throw new AppError('not_found');
        if (!(await trx.signOff.close(schoolId, campaignId, now))) return;
        await recordAudit(
          trx,
          {
            schoolId,
            actorPersonId: viewer.person.id,
            action: 'sign_off_closed',
            subject: { kind: 'sign_off_campaign', id: campaignId },
            details: { audience: campaign.audience },
          },
          now,
        );
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
      for (const due of await store.signOff.dueForReminder(now, chaserDays.first)) {
        const which = chaserDue(due.recipient, now, due.campaign);
        if (!which) continue;
        const result = await sendReminder(due, which, now, lookups);
        if (result === 'failed') report.failed += 1;
        else if (result === 'sent') report.reminders += 1;
      }
      return report;
    },

    /** What the link's page shows, or why the link does not work. */
    async checkToken(token: string): Promise<TokenCheck> {
      const checked = await usableRecipient(token);
      if (!checked.ok) return { usable: false, reason: checked.reason };
      const { found, school, version } = checked;
      return {
        usable: true,
        schoolName: school.name,
        version,
        reading: await readingFor(school.id, found.recipient.personId, version),
      };
    },

    /** Answers by an emailed link: no password, and only once. */
    async answerByToken(token: string, answer: string, reason: string): Promise<AnswerOutcome> {
      const read = readAnswer(answer, reason);
      if ('problem' in read) return { outcome: 'problem', problem: read.problem };
      const checked = await usableRecipient(token);
      if (!checked.ok) return { outcome: 'refused', reason: checked.reason };
      const { recipient } = checked.found;
      const stored = await inTransaction((trx) =>
        recordAnswer(
          trx,
          recipient.schoolId,
          recipient.personId,
          checked.version,
          { ...read, recipientId: recipient.id },
          clock.now(),
        ),
      );
      return stored ? { outcome: 'recorded', answer: stored.answer } : { outcome: 'refused', reason: 'answered' };
    },

    outstanding,

    /** The page for a signed-in person to answer about one version they are asked about. */
    async forViewer(viewer: Viewer, number: number): Promise<AnswerPage | undefined> {
      allow(viewer, 'acknowledge_policy');
      const version = (await outstanding(viewer)).find((item) => item.version.number === number)?.version;
      if (!version) return undefined;
      return {
        schoolName: viewer.school.name,
        version,
        reading: await readingFor(viewer.school.id, viewer.person.id, version),
      };
    },

    /** A signed-in answer, which also answers every open campaign that asked them about that version. */
    async answerAsViewer(viewer: Viewer, number: number, answer: string, reason: string): Promise<AnswerOutcome> {
      allow(viewer, 'acknowledge_policy');
      const read = readAnswer(answer, reason);
      if ('problem' in read) return { outcome: 'problem', problem: read.problem };
      const schoolId = viewer.school.id;
      const version = (await outstanding(viewer)).find((item) => item.version.number === number)?.version;
      if (!version) return { outcome: 'refused', reason: 'answered' };
      const open = (await store.signOff.openFor(schoolId, viewer.person.id)).filter(
        ({ campaign }) => campaign.versionId === version.id,
      );
      const now = clock.now();
      await inTransaction(async (trx) => {
        if (open.length === 0) {
          await recordAnswer(trx, schoolId, viewer.person.id, version, read, now);
          return;
        }
        for (const { recipient } of open) {
          await recordAnswer(trx, schoolId, viewer.person.id, version, { ...read, recipientId: recipient.id }, now);
        }
      });
      return { outcome: 'recorded', answer: read.answer };
    },

    /**
     * Where a volunteer or visitor signing in with an emailed link goes first: the published
     * policy to acknowledge, when they have not yet agreed to it. Undefined otherwise.
     */
    async inductionPath(schoolId: string, accountId: string): Promise<string | undefined> {
      const found = await store.accounts.find(schoolId, accountId);
      const person = found && (await store.people.find(schoolId, found.account.personId));
      if (!person?.roles.some((held) => inductedRoles.has(held.role))) return undefined;
      const published = await store.policyVersions.published(schoolId);
      if (!published) return undefined;
      const answers = await store.signOff.answersOf(schoolId, person.id);
      // Someone who declined has answered: they are not sent back to it at every sign-in.
      const answered = answers.some((a) => a.versionId === published.id);
      return answered ? undefined : `/acknowledge/policy/${published.number}`;
    },

    /** Every answer a person has given, for tests and the person's own record. */
    answersOf: (schoolId: string, personId: string) => store.signOff.answersOf(schoolId, personId),
  };
}

export type SignOffService = ReturnType<typeof createSignOffService>;
