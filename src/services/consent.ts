// The consent register for pupils' images and work. The Headteacher sets the purposes families are
// asked about; parents with parental responsibility answer yes or no for each of their children,
// and every answer is kept; staff see, class by class, who may appear before they post; a yearly
// renewal emails families to look again. `consentFor` gives the policy engine's
// `content.images[].consent` from the register. A pupil of 12 or over can be given a one-time link
// to read their own record, without signing in; every such reading goes on the audit log.
import { can, type Capability } from '../domain/access/capabilities.ts';
import { displayName } from '../domain/community/people.ts';
import { ageOn, isOnRoll, yearGroups, type Pupil } from '../domain/community/pupils.ts';
import { expiryOf, linkState, type UnusableReason } from '../domain/links/links.ts';
import {
  ownLinkRefusal,
  ownRecord,
  type OwnLinkRefusal,
  type OwnRecordLine,
  type PupilConsentLink,
} from '../domain/registers/consent-for-pupils.ts';
import {
  classesOnRoll,
  coverage,
  coverageByClass,
  defaultPurposes,
  imageConsent,
  isConsentAnswer,
  latestAnswers,
  readPurpose,
  renewalEmail,
  renewalEmailBatch,
  standing,
  standingFrom,
  type ConsentAnswer,
  type ConsentPurpose,
  type ConsentRecord,
  type ClassCoverageRow,
  type ClassOnRoll,
  type ConsentRenewal,
  type CoverageRow,
  type PurposeProblems,
  type StandingAnswer,
} from '../domain/registers/consent.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';
import { recordAudit } from './audit-trail.ts';
import { linkPaths } from './links.ts';
import {
  MailNotSentError,
  type Adapters,
  type ClaimedRenewalEmail,
  type NewConsentRecord,
  type PupilGroup,
} from './ports.ts';

type Deps = Pick<Adapters, 'store' | 'inTransaction' | 'clock' | 'mailer' | 'baseUrl' | 'jobs'>;

/** The scheduled job that sends the renewal emails; starting a renewal asks for it at once. */
export const consentRenewalEmailsJob = 'consent-renewal-emails';

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PurposeSaved = { ok: true; purpose?: ConsentPurpose } | { ok: false; problems: PurposeProblems };

export interface PurposeAnswer {
  purpose: ConsentPurpose;
  answer: StandingAnswer;
}

export interface ChildConsent {
  pupil: Pupil;
  /** Only a carer with parental responsibility may answer; others may read. */
  mayAnswer: boolean;
  answers: PurposeAnswer[];
}

export type AnswersSaved =
  { ok: true; changed: number } | { ok: false; problems: Record<string, string>; child: ChildConsent };

export interface RecordedAnswer {
  record: ConsentRecord;
  purposeTitle: string;
  answeredByName: string;
}

export interface PupilStanding {
  pupil: Pupil;
  answer: StandingAnswer;
}

export interface ClassCheck {
  group: PupilGroup;
  purpose: ConsentPurpose;
  mayAppear: PupilStanding[];
  mayNotAppear: PupilStanding[];
  noAnswer: PupilStanding[];
}

export interface ConsentForImage {
  purpose: ConsentPurpose;
  pupils: { pupilId: string; answer: StandingAnswer }[];
  /** The value for the situation's `content.images[].consent`: true only when every pupil shown has a yes. */
  consent: boolean;
}

/** A pupil's record as the staff page shows it, with whether the pupil may be given a link to it. */
export interface PupilRecord {
  pupil: Pupil;
  age: number;
  answers: PurposeAnswer[];
  history: RecordedAnswer[];
  /** Why the pupil may not be given a link to their own record; none when they may. */
  ownLinkRefusal?: OwnLinkRefusal;
}

export type PupilLinkIssued =
  | { outcome: 'issued'; pupil: Pupil; url: string; expiresAt: Date }
  | { outcome: 'refused'; pupil: Pupil; refusal: OwnLinkRefusal };

/** A pupil's link that still works (what its first page may show), or why it does not. */
export type PupilLinkCheck = { usable: true; schoolName: string } | { usable: false; reason: UnusableReason };

/** What a pupil sees on opening their link: their first name, and each purpose with what is recorded. */
export type PupilLinkOpened =
  | { outcome: 'opened'; schoolName: string; firstName: string; lines: OwnRecordLine[]; readAt: Date }
  | { outcome: 'unusable'; reason: UnusableReason };

export interface RenewalOverview {
  renewal?: ConsentRenewal;
  progress?: { sent: number; total: number };
}

function allow(viewer: Viewer, capability: Capability): void {
  if (!can(viewer.roles, capability)) throw new AppError('forbidden');
}

const today = (at: Date) => at.toISOString().slice(0, 10);
const active = (purposes: readonly ConsentPurpose[]) => purposes.filter((purpose) => !purpose.retiredAt);

/** Why a pupil's link does not work now; none while it does. Used wins over expired. */
function unusable(link: PupilConsentLink | undefined, now: Date): UnusableReason | undefined {
  if (!link) return 'unknown';
  const state = linkState(link, now);
  return state === 'usable' ? undefined : state;
}

export function createConsentService({ store, inTransaction, clock, mailer, baseUrl, jobs }: Deps) {
  /** The school's purposes, giving it the defaults the first time anyone looks. */
  async function purposesOf(schoolId: string): Promise<ConsentPurpose[]> {
    const found = await store.consent.purposes(schoolId);
    if (found.length > 0) return found;
    await store.consent.addPurposes(schoolId, defaultPurposes, clock.now());
    return store.consent.purposes(schoolId);
  }

  async function findPurpose(schoolId: string, id: string): Promise<ConsentPurpose | undefined> {
    if (!uuidShape.test(id)) return undefined;
    return (await purposesOf(schoolId)).find((purpose) => purpose.id === id);
  }

  async function renewalStart(schoolId: string): Promise<Date | undefined> {
    return (await store.consent.latestRenewal(schoolId))?.startedAt;
  }

  /** One of the viewer's own children, with what the viewer may do; undefined for anyone else's. */
  async function ownChild(viewer: Viewer, pupilId: string): Promise<ChildConsent | undefined> {
    if (!uuidShape.test(pupilId)) return undefined;
    const schoolId = viewer.school.id;
    const found = (await store.pupils.childrenOf(schoolId, viewer.person.id)).find(
      ({ pupil }) => pupil.id === pupilId && isOnRoll(pupil, today(clock.now())),
    );
    if (!found) return undefined;
    return {
      pupil: found.pupil,
      mayAnswer: found.link.parentalResponsibility,
      answers: await answersFor(schoolId, found.pupil.id),
    };
  }

  async function answersFor(schoolId: string, pupilId: string): Promise<PurposeAnswer[]> {
    const [purposes, history, since] = await Promise.all([
      purposesOf(schoolId),
      store.consent.history(schoolId, [pupilId]),
      renewalStart(schoolId),
    ]);
    return active(purposes).map((purpose) => ({ purpose, answer: standing(history, pupilId, purpose.id, since) }));
  }

  /** What stands for each pupil for one purpose (given by id or by a default purpose's key). */
  async function consentFor(
    schoolId: string,
    pupilIds: readonly string[],
    purposeIdOrKey: string,
  ): Promise<ConsentForImage | undefined> {
    const purpose = (await purposesOf(schoolId)).find((p) => p.id === purposeIdOrKey || p.key === purposeIdOrKey);
    if (!purpose) return undefined;
    const history = await store.consent.history(
      schoolId,
      pupilIds.filter((id) => uuidShape.test(id)),
    );
    const latest = latestAnswers(history);
    const since = await renewalStart(schoolId);
    const pupils = pupilIds.map((pupilId) => ({
      pupilId,
      answer: standingFrom(latest.get(`${pupilId} ${purpose.id}`), since),
    }));
    return { purpose, pupils, consent: imageConsent(pupils.map((p) => p.answer)) };
  }

  async function sendOne(claimed: ClaimedRenewalEmail, schoolNames: Map<string, Promise<string>>) {
    let name = schoolNames.get(claimed.schoolId);
    if (!name) {
      name = store.schools.findById(claimed.schoolId).then((school) => school?.name ?? 'Your school');
      schoolNames.set(claimed.schoolId, name);
    }
    const email = renewalEmail({ schoolName: await name, url: `${baseUrl}/consent` });
    try {
      await mailer.send({ to: claimed.email, ...email });
      return true;
    } catch (error) {
      if (!(error instanceof MailNotSentError)) throw error;
      await store.consent.unclaimRenewalEmail(claimed.schoolId, claimed.id);
      return false;
    }
  }

  return {
    consentFor,

    // The Headteacher's purposes.

    async purposes(viewer: Viewer): Promise<ConsentPurpose[]> {
      allow(viewer, 'manage_consent');
      return purposesOf(viewer.school.id);
    },

    async purpose(viewer: Viewer, id: string): Promise<ConsentPurpose | undefined> {
      allow(viewer, 'manage_consent');
      return findPurpose(viewer.school.id, id);
    },

    async addPurpose(viewer: Viewer, typed: { title: string; explanation: string }): Promise<PurposeSaved> {
      allow(viewer, 'manage_consent');
      const read = readPurpose(typed);
      if (!read.ok) return read;
      await purposesOf(viewer.school.id);
      await store.consent.addPurposes(viewer.school.id, [read.purpose], clock.now());
      return { ok: true };
    },

    /** Rewords a purpose; undefined when the school has no such purpose. */
    async rewordPurpose(
      viewer: Viewer,
      id: string,
      typed: { title: string; explanation: string },
    ): Promise<PurposeSaved | undefined> {
      allow(viewer, 'manage_consent');
      const found = await findPurpose(viewer.school.id, id);
      if (!found) return undefined;
      const read = readPurpose(typed);
      if (!read.ok) return read;
      await store.consent.reword(viewer.school.id, id, read.purpose);
      return { ok: true, purpose: { ...found, ...read.purpose } };
    },

    /** Retires a purpose (families are no longer asked, answers are kept), or brings it back. */
    async retirePurpose(viewer: Viewer, id: string, retire: boolean): Promise<boolean> {
      allow(viewer, 'manage_consent');
      const found = await findPurpose(viewer.school.id, id);
      if (!found) return false;
      return store.consent.retire(viewer.school.id, id, retire ? clock.now() : undefined);
    },

    // Parents and carers.

    /** The viewer's children on the roll, each with what stands for every purpose. */
    async family(viewer: Viewer): Promise<{ children: ChildConsent[]; renewal?: ConsentRenewal }> {
      allow(viewer, 'give_consent');
      const schoolId = viewer.school.id;
      const day = today(clock.now());
      const links = (await store.pupils.childrenOf(schoolId, viewer.person.id)).filter(({ pupil }) =>
        isOnRoll(pupil, day),
      );
      const children: ChildConsent[] = [];
      for (const { pupil, link } of links) {
        children.push({
          pupil,
          mayAnswer: link.parentalResponsibility,
          answers: await answersFor(schoolId, pupil.id),
        });
      }
      const renewal = await store.consent.latestRenewal(schoolId);
      return { children, ...(renewal && { renewal }) };
    },

    async child(viewer: Viewer, pupilId: string): Promise<ChildConsent | undefined> {
      allow(viewer, 'give_consent');
      return ownChild(viewer, pupilId);
    },

    /**
     * Records the viewer's answers for one child: a new record for each purpose whose answer
     * changes, or is confirmed after a renewal. Nothing earlier is overwritten; a no stands at once.
     */
    async answer(viewer: Viewer, pupilId: string, typed: Record<string, string>): Promise<AnswersSaved> {
      allow(viewer, 'give_consent');
      const child = await ownChild(viewer, pupilId);
      if (!child) throw new AppError('not_found');
      if (!child.mayAnswer) {
        throw new AppError(
          'forbidden',
          'Only a parent or carer with parental responsibility for this child can give or withdraw consent. Please ask one of them, or contact the school.',
        );
      }
      const problems: Record<string, string> = {};
      const chosen = new Map<string, ConsentAnswer>();
      for (const { purpose } of child.answers) {
        const value = typed[purpose.id] ?? '';
        if (isConsentAnswer(value)) chosen.set(purpose.id, value);
        else problems[purpose.id] = `Choose yes or no for “${purpose.title}”`;
      }
      if (Object.keys(problems).length > 0) return { ok: false, problems, child };
      const now = clock.now();
      const records: NewConsentRecord[] = child.answers
        .filter(({ purpose, answer }) => {
          const value = chosen.get(purpose.id);
          return answer.status !== value || answer.toBeConfirmed;
        })
        .map(({ purpose }) => ({
          pupilId,
          purposeId: purpose.id,
          answer: chosen.get(purpose.id)!,
          answeredBy: viewer.person.id,
          at: now,
        }));
      await inTransaction(async (trx) => {
        const saved = await trx.consent.record(viewer.school.id, records);
        for (const record of saved) {
          await recordAudit(
            trx,
            {
              schoolId: viewer.school.id,
              actorPersonId: viewer.person.id,
              action: record.answer === 'given' ? 'consent_given' : 'consent_withdrawn',
              subject: { kind: 'pupil', id: pupilId },
              details: { purposeId: record.purposeId },
            },
            now,
          );
        }
      });
      return { ok: true, changed: records.length };
    },

    // Staff.

    /** A pupil's record, for a member of staff to show or print for them; undefined for another school's. */
    async pupilRecord(viewer: Viewer, pupilId: string): Promise<PupilRecord | undefined> {
      allow(viewer, 'check_consent');
      const schoolId = viewer.school.id;
      if (!uuidShape.test(pupilId)) return undefined;
      const pupil = await store.pupils.find(schoolId, pupilId);
      if (!pupil) return undefined;
      const [purposes, records] = await Promise.all([purposesOf(schoolId), store.consent.history(schoolId, [pupilId])]);
      const names = new Map<string, string>();
      for (const id of new Set(records.map((record) => record.answeredBy))) {
        const person = await store.people.find(schoolId, id);
        names.set(id, person ? displayName(person) : 'Someone no longer in the school’s records');
      }
      const day = today(clock.now());
      const age = ageOn(pupil.dateOfBirth, day);
      const refusal = ownLinkRefusal({ age, onRoll: isOnRoll(pupil, day) });
      return {
        pupil,
        age,
        answers: await answersFor(schoolId, pupilId),
        history: records.map((record) => ({
          record,
          purposeTitle: purposes.find((purpose) => purpose.id === record.purposeId)?.title ?? '',
          answeredByName: names.get(record.answeredBy) ?? '',
        })),
        ...(refusal && { ownLinkRefusal: refusal }),
      };
    },

    /**
     * Makes a one-time link for a pupil of 12 or over to read their own record, replacing any
     * earlier one not yet used. The address is returned only here, for the member of staff to
     * show or print for the pupil: pupils have no email address in Footprint. Undefined for a
     * pupil of another school.
     */
    async issuePupilLink(viewer: Viewer, pupilId: string): Promise<PupilLinkIssued | undefined> {
      allow(viewer, 'manage_consent');
      const schoolId = viewer.school.id;
      if (!uuidShape.test(pupilId)) return undefined;
      const pupil = await store.pupils.find(schoolId, pupilId);
      if (!pupil) return undefined;
      const now = clock.now();
      const day = today(now);
      const refusal = ownLinkRefusal({ age: ageOn(pupil.dateOfBirth, day), onRoll: isOnRoll(pupil, day) });
      if (refusal) return { outcome: 'refused', pupil, refusal };
      const { token, link } = await inTransaction(async (trx) => {
        const made = await trx.consent.addPupilLink(schoolId, {
          pupilId,
          createdAt: now,
          expiresAt: expiryOf('pupil_consent', now),
        });
        await recordAudit(
          trx,
          {
            schoolId,
            actorPersonId: viewer.person.id,
            action: 'consent_link_issued',
            subject: { kind: 'pupil', id: pupilId },
          },
          now,
        );
        return made;
      });
      return {
        outcome: 'issued',
        pupil,
        url: `${baseUrl}${linkPaths.pupil_consent}/${token}`,
        expiresAt: link.expiresAt,
      };
    },

    /** Whether a pupil's link still works, without using it: mail scanners and previews open links. */
    async checkPupilLink(token: string): Promise<PupilLinkCheck> {
      const link = await store.consent.findPupilLink(token);
      const reason = unusable(link, clock.now());
      if (reason || !link) return { usable: false, reason: reason ?? 'unknown' };
      const school = await store.schools.findById(link.schoolId);
      if (!school) return { usable: false, reason: 'unknown' };
      return { usable: true, schoolName: school.name };
    },

    /**
     * Uses a pupil's link and reads their record: only the purposes still asked about, what is
     * recorded for each and since when, naming nobody. The reading goes on the audit log, written
     * with the use of the link; a link works once, so a second press finds it used.
     */
    async openPupilLink(token: string): Promise<PupilLinkOpened> {
      const now = clock.now();
      const link = await store.consent.findPupilLink(token);
      const reason = unusable(link, now);
      if (reason || !link) return { outcome: 'unusable', reason: reason ?? 'unknown' };
      const { schoolId, pupilId } = link;
      const [school, pupil, purposes, since] = await Promise.all([
        store.schools.findById(schoolId),
        store.pupils.find(schoolId, pupilId),
        purposesOf(schoolId),
        renewalStart(schoolId),
      ]);
      if (!school || !pupil) return { outcome: 'unusable', reason: 'unknown' };
      return inTransaction(async (trx): Promise<PupilLinkOpened> => {
        const used = await trx.consent.usePupilLink(schoolId, token, now);
        if (!used)
          return { outcome: 'unusable', reason: unusable(await trx.consent.findPupilLink(token), now) ?? 'used' };
        const history = await trx.consent.history(schoolId, [pupilId]);
        await recordAudit(
          trx,
          {
            schoolId,
            actorPersonId: null,
            action: 'record_read',
            subject: { kind: 'consent_record', id: pupilId },
            details: { by: 'pupil_link' },
          },
          now,
        );
        return {
          outcome: 'opened',
          schoolName: school.name,
          firstName: pupil.preferredName ?? pupil.legalGivenName,
          lines: ownRecord(active(purposes), history, pupilId, since),
          readAt: now,
        };
      });
    },

    /** The purposes staff can check against: those families are still asked about. */
    async activePurposes(viewer: Viewer): Promise<ConsentPurpose[]> {
      allow(viewer, 'check_consent');
      return active(await purposesOf(viewer.school.id));
    },

    /** The classes on the roll today, youngest first, as the MIS names them. */
    async classes(viewer: Viewer): Promise<ClassOnRoll[]> {
      allow(viewer, 'check_consent');
      return classesOnRoll(await store.consent.pupilsOnRoll(viewer.school.id, today(clock.now())), yearGroups);
    },

    /** "Can we post this?": the class's or year group's pupils on the roll, by whether they may appear for the purpose. */
    async check(viewer: Viewer, group: PupilGroup, purposeId: string): Promise<ClassCheck | undefined> {
      allow(viewer, 'check_consent');
      const schoolId = viewer.school.id;
      const pupils = await store.consent.pupilsOnRoll(schoolId, today(clock.now()), group);
      const found = await consentFor(
        schoolId,
        pupils.map((pupil) => pupil.id),
        purposeId,
      );
      if (!found || found.purpose.retiredAt) return undefined;
      const result: ClassCheck = { group, purpose: found.purpose, mayAppear: [], mayNotAppear: [], noAnswer: [] };
      found.pupils.forEach(({ answer }, i) => {
        const entry = { pupil: pupils[i]!, answer };
        if (answer.status === 'given') result.mayAppear.push(entry);
        else if (answer.status === 'refused') result.mayNotAppear.push(entry);
        else result.noAnswer.push(entry);
      });
      return result;
    },

    /** For each class, each year group and each purpose: how many pupils on the roll have a yes, a no, or no answer. */
    async coverage(
      viewer: Viewer,
    ): Promise<{ purposes: ConsentPurpose[]; rows: CoverageRow[]; classRows: ClassCoverageRow[] }> {
      allow(viewer, 'check_consent');
      const schoolId = viewer.school.id;
      const [purposes, pupils, history] = await Promise.all([
        purposesOf(schoolId),
        store.consent.pupilsOnRoll(schoolId, today(clock.now())),
        store.consent.history(schoolId),
      ]);
      const shown = active(purposes);
      return {
        purposes: shown,
        rows: coverage(pupils, shown, history, yearGroups),
        classRows: coverageByClass(pupils, shown, history, yearGroups),
      };
    },

    // The yearly renewal.

    async renewalOverview(viewer: Viewer): Promise<RenewalOverview> {
      allow(viewer, 'manage_consent');
      const renewal = await store.consent.latestRenewal(viewer.school.id);
      if (!renewal) return {};
      return { renewal, progress: await store.consent.renewalProgress(viewer.school.id, renewal.id) };
    },

    /**
     * Starts a renewal: answers given before now become "to be confirmed", and every parent or
     * carer with parental responsibility and an email is recorded to be emailed. The job sends them,
     * asked here to run at once, so this returns without waiting for the mail server.
     */
    async startRenewal(viewer: Viewer): Promise<ConsentRenewal> {
      allow(viewer, 'manage_consent');
      const schoolId = viewer.school.id;
      const now = clock.now();
      const audience = await store.consent.renewalAudience(schoolId, today(now));
      const reachable = audience.filter((m): m is { personId: string; email: string } => m.email !== undefined);
      const renewal = await store.consent.startRenewal(schoolId, {
        startedBy: viewer.person.id,
        at: now,
        recipients: reachable,
        withoutEmail: audience.length - reachable.length,
      });
      if (reachable.length > 0) await jobs.runSoon(consentRenewalEmailsJob);
      return renewal;
    },

    /**
     * The scheduled job: every renewal email still to go, a batch at a time. Each is marked as sent
     * before it goes, so it goes once even when two runs overlap; one the mail server refused is
     * given back for a later run, and a batch in which nothing went ends the run.
     */
    async sendRenewalEmails(
      now: Date,
      options: { batchSize?: number } = {},
    ): Promise<{ sent: number; failed: number }> {
      const schoolNames = new Map<string, Promise<string>>();
      const failed: string[] = [];
      let sent = 0;
      for (;;) {
        const batch = await store.consent.claimRenewalEmails(now, options.batchSize ?? renewalEmailBatch, failed);
        if (batch.length === 0) break;
        let sentInBatch = 0;
        for (const claimed of batch) {
          if (await sendOne(claimed, schoolNames)) sentInBatch += 1;
          else failed.push(claimed.id);
        }
        sent += sentInBatch;
        if (sentInBatch === 0) break;
      }
      return { sent, failed: failed.length };
    },
  };
}

export type ConsentService = ReturnType<typeof createConsentService>;
