// The school's own policy: adopted from Footprint's model or the trust's, edited as a draft, sent
// to the governors, ratified, published and, in time, superseded by the next version. Read by
// anyone once published; drafts only by those who work on them or ratify them.
import { can, type Capability } from '../domain/access/capabilities.ts';
import type { Outcome, Policy, Situation } from '../domain/policy/index.ts';
import { publishedPolicies } from './published-policy.ts';
import { policySchema } from '../domain/policy/schema.ts';
import { crossCheck } from '../domain/policy/schema.ts';
import { accessRolesOf } from '../domain/access/roles.ts';
import { adoptedDocument } from '../domain/school-policy/adopt.ts';
import {
  daysAfter,
  daysUntil,
  reminderDue,
  reviewReminderEmail,
  reviewReminders,
} from '../domain/school-policy/review-reminders.ts';
import { diffPolicies, type PolicyDiff } from '../domain/school-policy/diff.ts';
import { contentHashOf, documentOf, historyOf } from '../domain/school-policy/document.ts';
import {
  afterMove,
  isPublic,
  nextLabel,
  yearsAfter,
  type AdoptedFrom,
  type Move,
  type PolicyVersion,
  type Ratification,
  type VersionSummary,
} from '../domain/school-policy/versions.ts';
import type { School } from '../domain/community/school.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';
import { recordAudit } from './audit-trail.ts';
import type { Adapters, Store, VersionStamps } from './ports.ts';

/** A version with everything a page needs to show it: the document as published, its ratifications. */
export interface VersionView {
  version: PolicyVersion;
  /** The document with its document control and version history filled in from the records. */
  document: Policy;
  ratifications: Ratification[];
}

/** A published version as the public sees it: no names, no record of who did what. */
export interface PublicVersionView {
  school: School;
  version: Pick<
    PolicyVersion,
    'id' | 'number' | 'label' | 'status' | 'contentHash' | 'publishedAt' | 'supersededAt' | 'reviewDue'
  >;
  document: Policy;
  ratifications: Pick<Ratification, 'ratifiedOn' | 'meeting'>[];
  /** Every version the public may read, newest first. */
  versions: Pick<PolicyVersion, 'number' | 'label' | 'status' | 'publishedAt'>[];
}

export interface AdoptionSource {
  /** "model", or "school:<id>" for a school of the same trust. */
  id: string;
  title: string;
  description: string;
}

/** A problem with a draft, at the place in the policy it concerns ("rules.3.summary"). */
export interface DraftProblem {
  path: string;
  message: string;
}

export type DraftSaved = { ok: true; version: PolicyVersion } | { ok: false; problems: DraftProblem[] };

export interface RatificationInput {
  /** YYYY-MM-DD */
  ratifiedOn: string;
  meeting: string;
  /** YYYY-MM-DD; two years after the meeting when not given. */
  reviewDue?: string;
}

/** How many years a ratified policy runs before its review, unless the governors say otherwise. */
export const defaultReviewYears = 2;

function allow(viewer: Viewer, capability: Capability): void {
  if (!can(viewer.roles, capability)) throw new AppError('forbidden');
}

const day = (at: Date) => at.toISOString().slice(0, 10);

/** Checks a draft document; every problem says where it is and what to fix. */
export function checkDraft(document: unknown): { ok: true; policy: Policy } | { ok: false; problems: DraftProblem[] } {
  const result = policySchema.safeParse(document);
  if (result.success) return { ok: true, policy: result.data };
  const issues = [...result.error.issues, ...crossCheck(document)];
  const seen = new Set<string>();
  const problems = issues
    .map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
    .filter((problem) => {
      const key = `${problem.path}|${problem.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return { ok: false, problems };
}

export function createSchoolPolicyService({
  store,
  inTransaction,
  clock,
  policyLibrary,
  mailer,
  baseUrl,
}: Pick<Adapters, 'store' | 'inTransaction' | 'clock' | 'policyLibrary' | 'mailer' | 'baseUrl'>) {
  const published = publishedPolicies(store);

  /**
   * The ratification dates a version's document control lists: its own, and those of the versions
   * published before it, as a school's document shows every ratification over the years.
   */
  function ratifiedUpTo(
    version: VersionSummary,
    all: readonly VersionSummary[],
    ratifications: readonly Ratification[],
  ) {
    const earlier = new Set(
      all.filter((v) => v.number <= version.number && (v.id === version.id || v.publishedAt)).map((v) => v.id),
    );
    return ratifications.filter((r) => earlier.has(r.versionId));
  }

  async function view(trx: Store, version: PolicyVersion): Promise<VersionView> {
    const [all, ratifications] = await Promise.all([
      trx.policyVersions.all(version.schoolId),
      trx.policyVersions.ratifications(version.schoolId),
    ]);
    return {
      version,
      document: documentOf(version, ratifiedUpTo(version, all, ratifications), historyOf(version, all)),
      ratifications: ratifications.filter((r) => r.versionId === version.id),
    };
  }

  function modelPolicy(): Policy {
    const found = policyLibrary.find('model');
    if (!found?.ok) throw new Error('The model policy is missing from the policy library, or does not validate');
    return found.policy;
  }

  async function audit(
    trx: Store,
    viewer: Viewer,
    action: Parameters<typeof recordAudit>[1]['action'],
    version: PolicyVersion,
    details?: Record<string, string | number>,
  ) {
    await recordAudit(
      trx,
      {
        schoolId: viewer.school.id,
        actorPersonId: viewer.person.id,
        action,
        subject: { kind: 'policy_version', id: version.id },
        details: { number: version.number, ...details },
      },
      clock.now(),
    );
  }

  /** Moves the version in hand; refused with a clear reason when it is not in the state to move. */
  async function move(viewer: Viewer, versionId: string, step: Move, stamps: Omit<VersionStamps, 'at'>) {
    const schoolId = viewer.school.id;
    return inTransaction(async (trx) => {
      const version = await trx.policyVersions.find(schoolId, versionId);
      if (!version) throw new AppError('not_found');
      const to = afterMove(version.status, step);
      if (!to)
        throw new AppError(
          'policy_not_ready',
          `This version is ${version.status.replaceAll('_', ' ')}: it cannot be ${stepWords[step]} now.`,
        );
      const now = clock.now();
      if (step === 'publish') {
        const current = await trx.policyVersions.published(schoolId);
        if (current)
          await trx.policyVersions.move(schoolId, current.id, 'published', 'superseded', {
            at: now,
            supersededAt: now,
          });
      }
      const moved = await trx.policyVersions.move(schoolId, versionId, version.status, to, { at: now, ...stamps });
      if (!moved)
        throw new AppError('policy_not_ready', 'Someone else changed this version a moment ago: look at it again.');
      const after = (await trx.policyVersions.find(schoolId, versionId))!;
      await audit(trx, viewer, auditActionOf[step], after);
      return after;
    });
  }

  /** The email addresses of the school's Headteachers who can sign in. */
  async function headteachersOf(schoolId: string): Promise<string[]> {
    return (await store.accounts.holders(schoolId))
      .filter(
        ({ account, person }) =>
          !account.disabledAt &&
          accessRolesOf(person.roles, { schoolAdmin: account.schoolAdmin }).includes('headteacher'),
      )
      .map(({ account }) => account.email);
  }

  return {
    /**
     * Reminds each school's Headteacher of a coming policy review, 60 and 14 days before it; a
     * background job calls this daily. Each reminder is claimed before it is sent and given back if
     * it could not be, so it goes exactly once. Returns how many emails went.
     */
    async sendReviewReminders(now: Date = clock.now()): Promise<number> {
      const today = day(now);
      const latest = Math.max(...reviewReminders.map((r) => r.daysBefore));
      let sent = 0;
      let failure: Error | undefined;
      for (const due of await store.policyVersions.dueForReview(today, daysAfter(today, latest))) {
        const kind = reminderDue(today, due.reviewDue);
        if (!kind) continue;
        const school = await store.schools.findById(due.schoolId);
        const recipients = await headteachersOf(due.schoolId);
        if (!school || recipients.length === 0) continue;
        if (!(await store.policyVersions.claimReminder(due.schoolId, due.versionId, kind, now))) continue;
        const email = reviewReminderEmail(school, due, daysUntil(today, due.reviewDue), `${baseUrl}/policy`);
        try {
          for (const to of recipients) {
            await mailer.send({ to, ...email });
            sent += 1;
          }
        } catch (error) {
          // Given back for the next run; the other schools' reminders still go now.
          await store.policyVersions.releaseReminder(due.schoolId, due.versionId, kind);
          failure ??=
            error instanceof Error ? error : new Error('A review reminder could not be sent', { cause: error });
        }
      }
      if (failure !== undefined) throw failure;
      return sent;
    },

    /** What the school can start its policy from: Footprint's model, and its trust's schools' policies. */
    async adoptionSources(viewer: Viewer): Promise<AdoptionSource[]> {
      allow(viewer, 'edit_policy');
      const model = modelPolicy();
      const sources: AdoptionSource[] = [
        {
          id: 'model',
          title: 'Footprint’s model policy',
          description: `Covers everyone in the school community, with ${model.rules.length} rules and ${model.procedures.length} procedures. Replace the words in [square brackets] and change any rule your school decides differently.`,
        },
      ];
      const siblings = await store.schools.ofOrganisation(viewer.school.organisationId);
      for (const school of siblings) {
        if (school.id === viewer.school.id) continue;
        const published = await store.policyVersions.published(school.id);
        if (published) {
          sources.push({
            id: `school:${school.id}`,
            title: `${school.name}’s policy, version ${published.label}`,
            description: `The policy your trust's school ${school.name} has published, with ${published.document.rules.length} rules.`,
          });
        }
      }
      return sources;
    },

    /** Starts the school's policy from a source; only a school with no policy yet adopts one. */
    async adopt(viewer: Viewer, sourceId: string): Promise<PolicyVersion> {
      allow(viewer, 'edit_policy');
      const schoolId = viewer.school.id;
      let source: Policy;
      let adoptedFrom: AdoptedFrom;
      if (sourceId === 'model') {
        source = modelPolicy();
        adoptedFrom = { kind: 'model' };
      } else {
        const otherId = /^school:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(sourceId)?.[1];
        const other = otherId ? await store.schools.findById(otherId) : undefined;
        if (other?.organisationId !== viewer.school.organisationId || other.id === schoolId) {
          throw new AppError('validation_failed', 'Choose the policy to start from.');
        }
        const published = await store.policyVersions.published(other.id);
        if (!published) throw new AppError('validation_failed', 'Choose the policy to start from.');
        source = published.document;
        adoptedFrom = { kind: 'school', schoolId: other.id, schoolName: other.name, label: published.label };
      }
      const now = clock.now();
      return inTransaction(async (trx) => {
        if ((await trx.policyVersions.all(schoolId)).length > 0) throw new AppError('policy_exists');
        const document = adoptedDocument(source, viewer.school, day(now));
        const version = await trx.policyVersions.add(schoolId, {
          label: '1.0',
          document,
          contentHash: contentHashOf(document),
          adoptedFrom,
          changeSummary:
            adoptedFrom.kind === 'model'
              ? 'Adopted from Footprint’s model policy'
              : `Adopted from ${adoptedFrom.schoolName}’s policy, version ${adoptedFrom.label}`,
          createdBy: viewer.person.id,
          at: now,
        });
        await audit(trx, viewer, 'policy_adopted', version, { from: sourceId === 'model' ? 'model' : 'trust' });
        return version;
      });
    },

    /** The versions of the viewer's school, newest first, and the one in hand. */
    async overview(
      viewer: Viewer,
    ): Promise<{ versions: VersionSummary[]; inHand?: PolicyVersion; published?: PolicyVersion }> {
      allow(viewer, 'view_policy_drafts');
      const schoolId = viewer.school.id;
      const [versions, inHand, published] = await Promise.all([
        store.policyVersions.all(schoolId),
        store.policyVersions.inHand(schoolId),
        store.policyVersions.published(schoolId),
      ]);
      return { versions, ...(inHand && { inHand }), ...(published && { published }) };
    },

    /**
     * When the published policy is to be reviewed, and whether that day has passed: the overdue
     * banner shows until a newly ratified version sets a later date.
     */
    async review(viewer: Viewer): Promise<{ label: string; reviewDue: string; overdue: boolean } | undefined> {
      if (!can(viewer.roles, 'view_policy_drafts')) return undefined;
      const published = await store.policyVersions.published(viewer.school.id);
      if (!published?.reviewDue) return undefined;
      return {
        label: published.label,
        reviewDue: published.reviewDue,
        overdue: published.reviewDue < day(clock.now()),
      };
    },

    /** A version of the viewer's school by number, drafts included; undefined if there is none. */
    async version(viewer: Viewer, number: number): Promise<VersionView | undefined> {
      allow(viewer, 'view_policy_drafts');
      if (!Number.isSafeInteger(number) || number < 1) return undefined;
      const version = await store.policyVersions.byNumber(viewer.school.id, number);
      return version && view(store, version);
    },

    /** What changed between two versions of the viewer's school, rule by rule; undefined if either is missing. */
    async compare(
      viewer: Viewer,
      fromNumber: number,
      toNumber: number,
    ): Promise<{ from: PolicyVersion; to: PolicyVersion; diff: PolicyDiff } | undefined> {
      allow(viewer, 'view_policy_drafts');
      const valid = (n: number) => Number.isSafeInteger(n) && n > 0;
      if (!valid(fromNumber) || !valid(toNumber)) return undefined;
      const [from, to] = await Promise.all([
        store.policyVersions.byNumber(viewer.school.id, fromNumber),
        store.policyVersions.byNumber(viewer.school.id, toNumber),
      ]);
      return from && to ? { from, to, diff: diffPolicies(from.document, to.document) } : undefined;
    },

    /** Replaces the draft's text, if it is valid; otherwise every problem and nothing saved. */
    async saveDraft(viewer: Viewer, versionId: string, document: unknown, changeSummary?: string): Promise<DraftSaved> {
      allow(viewer, 'edit_policy');
      const checked = checkDraft(document);
      if (!checked.ok) return checked;
      const schoolId = viewer.school.id;
      const policy = { ...checked.policy, slug: viewer.school.slug };
      return inTransaction(async (trx) => {
        const saved = await trx.policyVersions.saveDraft(schoolId, versionId, {
          document: policy,
          contentHash: contentHashOf(policy),
          ...(changeSummary === undefined ? {} : { changeSummary }),
          at: clock.now(),
        });
        if (!saved)
          throw new AppError(
            'policy_not_ready',
            'Only a draft can be changed: start a new version to change a published policy.',
          );
        return { ok: true, version: (await trx.policyVersions.find(schoolId, versionId))! };
      });
    },

    /** A new draft from the published version, to change and ratify again. */
    async startRevision(viewer: Viewer): Promise<PolicyVersion> {
      allow(viewer, 'edit_policy');
      const schoolId = viewer.school.id;
      return inTransaction(async (trx) => {
        if (await trx.policyVersions.inHand(schoolId)) {
          throw new AppError('policy_not_ready', 'A new version is already being prepared: carry on with it.');
        }
        const published = await trx.policyVersions.published(schoolId);
        if (!published) throw new AppError('policy_not_ready', 'There is no published version to start from.');
        const now = clock.now();
        const version = await trx.policyVersions.add(schoolId, {
          label: nextLabel(published.label),
          document: published.document,
          contentHash: published.contentHash,
          createdBy: viewer.person.id,
          at: now,
        });
        await audit(trx, viewer, 'policy_revision_started', version);
        return version;
      });
    },

    /** Sends the draft to the governors, saying what changed and why. */
    async sendForRatification(viewer: Viewer, versionId: string, changeSummary: string): Promise<PolicyVersion> {
      allow(viewer, 'edit_policy');
      const summary = changeSummary.trim();
      if (summary.length === 0) {
        throw new AppError(
          'validation_failed',
          'Say what changed in this version and why, for the governors and the version history.',
        );
      }
      const schoolId = viewer.school.id;
      const draft = await store.policyVersions.find(schoolId, versionId);
      if (draft?.status === 'draft') {
        await store.policyVersions.saveDraft(schoolId, versionId, {
          document: draft.document,
          contentHash: draft.contentHash,
          changeSummary: summary,
          at: clock.now(),
        });
      }
      return move(viewer, versionId, 'submit', { submittedAt: clock.now() });
    },

    /** Takes the version back from the governors, to change it. */
    withdraw(viewer: Viewer, versionId: string): Promise<PolicyVersion> {
      allow(viewer, 'edit_policy');
      return move(viewer, versionId, 'withdraw', { submittedAt: null });
    },

    /** A governor records the meeting at which the governors ratified the version. */
    async ratify(viewer: Viewer, versionId: string, input: RatificationInput): Promise<PolicyVersion> {
      allow(viewer, 'ratify_policy');
      const reviewDue = input.reviewDue ?? yearsAfter(input.ratifiedOn, defaultReviewYears);
      const ratified = await move(viewer, versionId, 'ratify', { ratifiedAt: clock.now(), reviewDue });
      await store.policyVersions.ratify(viewer.school.id, {
        versionId,
        recordedBy: viewer.person.id,
        ratifiedOn: input.ratifiedOn,
        meeting: input.meeting,
        recordedAt: clock.now(),
      });
      return ratified;
    },

    /** Publishes the ratified version; the one published before is superseded. */
    publish(viewer: Viewer, versionId: string): Promise<PolicyVersion> {
      allow(viewer, 'edit_policy');
      return move(viewer, versionId, 'publish', { publishedAt: clock.now() });
    },

    /**
     * The school's published policy, for anyone: the current version, or an earlier one by number.
     * It names nobody: the version history says who amended it by role, the ratifications give
     * the meeting and its date, not who recorded them.
     */
    async published(slug: string, number?: number): Promise<PublicVersionView | undefined> {
      const school = await store.schools.findBySlug(slug);
      if (!school) return undefined;
      const version =
        number === undefined
          ? await store.policyVersions.published(school.id)
          : Number.isSafeInteger(number) && number > 0
            ? await store.policyVersions.byNumber(school.id, number)
            : undefined;
      if (!version || !isPublic(version)) return undefined;
      const all = await store.policyVersions.all(school.id);
      const everyRatification = await store.policyVersions.ratifications(school.id);
      const ratifications = everyRatification.filter((r) => r.versionId === version.id);
      const history = historyOf(version, all).map((line) => ({ ...line, amendedBy: 'Headteacher' }));
      return {
        school,
        version: {
          id: version.id,
          number: version.number,
          label: version.label,
          status: version.status,
          contentHash: version.contentHash,
          ...(version.publishedAt && { publishedAt: version.publishedAt }),
          ...(version.supersededAt && { supersededAt: version.supersededAt }),
          ...(version.reviewDue && { reviewDue: version.reviewDue }),
        },
        document: documentOf(version, ratifiedUpTo(version, all, everyRatification), history),
        ratifications: ratifications.map((r) => ({ ratifiedOn: r.ratifiedOn, meeting: r.meeting })),
        versions: all.filter(isPublic).map((v) => ({
          number: v.number,
          label: v.label,
          status: v.status,
          ...(v.publishedAt && { publishedAt: v.publishedAt }),
        })),
      };
    },

    /** The school's answer, from its published policy; undefined when it has published none. */
    async check(
      slug: string,
      situation: Situation,
    ): Promise<{ school: School; version: PolicyVersion; outcome: Outcome } | undefined> {
      const school = await store.schools.findBySlug(slug);
      const answer = school && (await published.answer(school.id, situation));
      return answer && { school, ...answer };
    },
  };
}

const stepWords: Readonly<Record<Move, string>> = {
  submit: 'sent for ratification',
  withdraw: 'taken back',
  ratify: 'ratified',
  publish: 'published',
};

const auditActionOf = {
  submit: 'policy_sent_for_ratification',
  withdraw: 'policy_withdrawn',
  ratify: 'policy_ratified',
  publish: 'policy_published',
} as const satisfies Record<Move, string>;

export type SchoolPolicyService = ReturnType<typeof createSchoolPolicyService>;
