// The school's own policy: adopted from Footprint's model or the trust's, edited as a draft, sent
// to the governors, ratified, published and, in time, superseded by the next version. Read by
// anyone once published; drafts only by those who work on them or ratify them.
import { can } from '../domain/access/capabilities.ts';
import { accessRolesOf } from '../domain/access/roles.ts';
import type { NewAuditEntry } from '../domain/audit/index.ts';
import { schoolDay } from '../domain/calendar/school-day.ts';
import type { School } from '../domain/community/school.ts';
import { isRecordId } from '../domain/ids.ts';
import { compilePolicy, evaluate, type Outcome, type Policy, type Situation } from '../domain/policy/index.ts';
import { crossCheck, policySchema } from '../domain/policy/schema.ts';
import { adoptedDocument } from '../domain/school-policy/adopt.ts';
import { diffPolicies, type PolicyDiff } from '../domain/school-policy/diff.ts';
import { contentHashOf, documentOf, historyOf } from '../domain/school-policy/document.ts';
import {
  daysAfter,
  daysUntil,
  reminderDue,
  reviewReminderEmail,
  reviewReminders,
} from '../domain/school-policy/review-reminders.ts';
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
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';
import { allow } from './allow.ts';
import { keptCopies } from './kept-copies.ts';
import type { Adapters, SchoolStore, VersionStamps } from './ports.ts';
import { today } from './today.ts';

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

/**
 * The ratification dates a version's document control lists: its own, and those of the versions
 * published before it, as a school's document shows every ratification over the years.
 */
function ratifiedUpTo(version: VersionSummary, all: readonly VersionSummary[], ratifications: readonly Ratification[]) {
  const earlier = new Set(
    all.filter((v) => v.number <= version.number && (v.id === version.id || v.publishedAt)).map((v) => v.id),
  );
  return ratifications.filter((r) => earlier.has(r.versionId));
}

/** A version with its document control and history filled in, read in the caller's unit. */
async function viewIn(store: SchoolStore, version: PolicyVersion): Promise<VersionView> {
  const all = await store.policyVersions.all();
  const ratifications = await store.policyVersions.ratifications();
  return {
    version,
    document: documentOf(version, ratifiedUpTo(version, all, ratifications), historyOf(version, all)),
    ratifications: ratifications.filter((r) => r.versionId === version.id),
  };
}

/** What the public sees of a version: it names nobody, not even in the version history. */
function publicView(
  school: School,
  version: PolicyVersion,
  all: readonly VersionSummary[],
  everyRatification: readonly Ratification[],
): PublicVersionView {
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
}

/** The email addresses of the school's Headteachers who can sign in. */
async function headteachersOf(store: SchoolStore): Promise<string[]> {
  return (await store.accounts.holders())
    .filter(
      ({ account, person }) =>
        !account.disabledAt &&
        accessRolesOf(person.roles, { schoolAdmin: account.schoolAdmin }).includes('headteacher'),
    )
    .map(({ account }) => account.email);
}

/** "school:<id>" names a school of the same trust to adopt from. */
function schoolSource(sourceId: string): string | undefined {
  const id = sourceId.startsWith('school:') ? sourceId.slice('school:'.length) : '';
  return isRecordId(id) ? id : undefined;
}

export function createSchoolPolicyService({
  units,
  clock,
  policyLibrary,
  mailer,
  baseUrl,
  publications,
}: Pick<Adapters, 'units' | 'clock' | 'policyLibrary' | 'mailer' | 'baseUrl' | 'publications'>) {
  // Read from the database once, then from memory until the school publishes again.
  const keptViews = keptCopies<PublicVersionView | undefined>(publications);

  async function published(slug: string, number?: number): Promise<PublicVersionView | undefined> {
    if (number !== undefined && !(Number.isSafeInteger(number) && number > 0)) return undefined;
    return keptViews.get(`${slug}/${number ?? 'current'}`, () =>
      units.acrossSchools(async (cross) => {
        const school = await cross.schools.findBySlug(slug);
        if (!school) return undefined;
        const store = await cross.enterSchool(school.id);
        const version =
          number === undefined ? await store.policyVersions.published() : await store.policyVersions.byNumber(number);
        if (!version || !isPublic(version)) return { schoolId: school.id, value: undefined };
        const all = await store.policyVersions.all();
        const view = publicView(school, version, all, await store.policyVersions.ratifications());
        // Compiled once, as it is kept: the checker asks it questions many times over.
        compilePolicy(view.document);
        return { schoolId: school.id, value: view };
      }),
    );
  }

  function modelPolicy(): Policy {
    const found = policyLibrary.find('model');
    if (!found?.ok) throw new Error('The model policy is missing from the policy library, or does not validate');
    return found.policy;
  }

  async function audit(
    store: SchoolStore,
    viewer: Viewer,
    action: NewAuditEntry['action'],
    version: PolicyVersion,
    details?: Record<string, string | number>,
  ) {
    await store.audit.append({
      schoolId: viewer.school.id,
      actorPersonId: viewer.person.id,
      action,
      subject: { kind: 'policy_version', id: version.id },
      details: { number: version.number, ...details },
      at: clock.now(),
    });
  }

  /**
   * Moves a version one step, in the caller's unit; refused with a clear reason when it is not in
   * the state to move. The one place a version is published and the one published before it
   * superseded (only `publish` below asks for that step).
   */
  async function moveIn(
    store: SchoolStore,
    viewer: Viewer,
    versionId: string,
    step: Move,
    stamps: Omit<VersionStamps, 'at'>,
  ): Promise<PolicyVersion> {
    const version = await store.policyVersions.find(versionId);
    if (!version) throw new AppError('not_found');
    const to = afterMove(version.status, step);
    if (!to)
      throw new AppError(
        'policy_not_ready',
        `This version is ${version.status.replaceAll('_', ' ')}: it cannot be ${stepWords[step]} now.`,
      );
    const now = clock.now();
    if (step === 'publish') {
      const current = await store.policyVersions.published();
      if (current)
        await store.policyVersions.move(current.id, 'published', 'superseded', { at: now, supersededAt: now });
    }
    const moved = await store.policyVersions.move(versionId, version.status, to, { at: now, ...stamps });
    if (!moved)
      throw new AppError('policy_not_ready', 'Someone else changed this version a moment ago: look at it again.');
    const after = (await store.policyVersions.find(versionId))!;
    await audit(store, viewer, auditActionOf[step], after);
    // Every process drops what it keeps of the school's published policy once this commits.
    if (step === 'publish') await store.publications.announce();
    return after;
  }

  /** Adds version 1.0 from the source, in the caller's unit scoped to the viewer's school. */
  async function adoptIn(
    store: SchoolStore,
    viewer: Viewer,
    source: Policy,
    adoptedFrom: AdoptedFrom,
    now: Date,
  ): Promise<PolicyVersion> {
    if ((await store.policyVersions.all()).length > 0) throw new AppError('policy_exists');
    const document = adoptedDocument(source, viewer.school, schoolDay(now));
    const version = await store.policyVersions.add({
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
    await audit(store, viewer, 'policy_adopted', version, { from: adoptedFrom.kind === 'model' ? 'model' : 'trust' });
    return version;
  }

  return {
    /**
     * Reminds each school's Headteacher of a coming policy review, 60 and 14 days before it; a
     * background job calls this daily. Each reminder is claimed before it is sent and given back if
     * it could not be, so it goes exactly once. Returns how many emails went.
     */
    async sendReviewReminders(now: Date = clock.now()): Promise<number> {
      const today = schoolDay(now);
      const latest = Math.max(...reviewReminders.map((r) => r.daysBefore));
      let sent = 0;
      let failure: Error | undefined;
      const dueList = await units.acrossSchools((store) =>
        store.policyVersions.dueForReview(today, daysAfter(today, latest)),
      );
      for (const due of dueList) {
        const kind = reminderDue(today, due.reviewDue);
        if (!kind) continue;
        // Claimed, and committed, before anything is sent.
        const claimed = await units.acrossSchools(async (cross) => {
          const school = await cross.schools.findById(due.schoolId);
          if (!school) return undefined;
          const store = await cross.enterSchool(due.schoolId);
          const recipients = await headteachersOf(store);
          if (recipients.length === 0) return undefined;
          if (!(await store.policyVersions.claimReminder(due.versionId, kind, now))) return undefined;
          return { school, recipients };
        });
        if (!claimed) continue;
        const email = reviewReminderEmail(claimed.school, due, daysUntil(today, due.reviewDue), `${baseUrl}/policy`);
        try {
          for (const to of claimed.recipients) {
            await mailer.send({ to, ...email });
            sent += 1;
          }
        } catch (error) {
          // Given back for the next run; the other schools' reminders still go now.
          await units.inSchool(due.schoolId, (store) => store.policyVersions.releaseReminder(due.versionId, kind));
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
      const siblings = await units.acrossSchools(async (store) => {
        const schools = (await store.schools.ofOrganisation(viewer.school.organisationId)).filter(
          (school) => school.id !== viewer.school.id,
        );
        const published = await store.policyVersions.publishedOf(schools.map((school) => school.id));
        return schools.flatMap((school) => {
          const version = published.find((v) => v.schoolId === school.id);
          return version ? [{ school, published: version }] : [];
        });
      });
      for (const { school, published } of siblings) {
        sources.push({
          id: `school:${school.id}`,
          title: `${school.name}’s policy, version ${published.label}`,
          description: `The policy your trust's school ${school.name} has published, with ${published.document.rules.length} rules.`,
        });
      }
      return sources;
    },

    /** Starts the school's policy from a source; only a school with no policy yet adopts one. */
    async adopt(viewer: Viewer, sourceId: string): Promise<PolicyVersion> {
      allow(viewer, 'edit_policy');
      const schoolId = viewer.school.id;
      const now = clock.now();
      if (sourceId === 'model') {
        const source = modelPolicy();
        return units.inSchool(schoolId, (store) => adoptIn(store, viewer, source, { kind: 'model' }, now));
      }
      const chooseAgain = () => new AppError('validation_failed', 'Choose the policy to start from.');
      const otherId = schoolSource(sourceId);
      if (!otherId || otherId === schoolId) throw chooseAgain();
      return units.acrossSchools(async (cross) => {
        const other = await cross.schools.findById(otherId);
        if (other?.organisationId !== viewer.school.organisationId) throw chooseAgain();
        const [published] = await cross.policyVersions.publishedOf([other.id]);
        if (!published) throw chooseAgain();
        const store = await cross.enterSchool(schoolId);
        return adoptIn(
          store,
          viewer,
          published.document,
          { kind: 'school', schoolId: other.id, schoolName: other.name, label: published.label },
          now,
        );
      });
    },

    /** The versions of the viewer's school, newest first, and the one in hand. */
    async overview(
      viewer: Viewer,
    ): Promise<{ versions: VersionSummary[]; inHand?: PolicyVersion; published?: PolicyVersion }> {
      allow(viewer, 'view_policy_drafts');
      return units.inSchool(viewer.school.id, async (store) => {
        const versions = await store.policyVersions.all();
        const inHand = await store.policyVersions.inHand();
        const published = await store.policyVersions.published();
        return { versions, ...(inHand && { inHand }), ...(published && { published }) };
      });
    },

    /**
     * When the published policy is to be reviewed, and whether that day has passed: the overdue
     * banner shows until a newly ratified version sets a later date.
     */
    async review(viewer: Viewer): Promise<{ label: string; reviewDue: string; overdue: boolean } | undefined> {
      if (!can(viewer.roles, 'view_policy_drafts')) return undefined;
      const published = await units.inSchool(viewer.school.id, (store) => store.policyVersions.published());
      if (!published?.reviewDue) return undefined;
      return {
        label: published.label,
        reviewDue: published.reviewDue,
        overdue: published.reviewDue < today(clock),
      };
    },

    /** A version of the viewer's school by number, drafts included; undefined if there is none. */
    async version(viewer: Viewer, number: number): Promise<VersionView | undefined> {
      allow(viewer, 'view_policy_drafts');
      if (!Number.isSafeInteger(number) || number < 1) return undefined;
      return units.inSchool(viewer.school.id, async (store) => {
        const version = await store.policyVersions.byNumber(number);
        return version && viewIn(store, version);
      });
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
      const [from, to] = await units.inSchool(viewer.school.id, async (store) => [
        await store.policyVersions.byNumber(fromNumber),
        await store.policyVersions.byNumber(toNumber),
      ]);
      return from && to ? { from, to, diff: diffPolicies(from.document, to.document) } : undefined;
    },

    /** Replaces the draft's text, if it is valid; otherwise every problem and nothing saved. */
    async saveDraft(viewer: Viewer, versionId: string, document: unknown, changeSummary?: string): Promise<DraftSaved> {
      allow(viewer, 'edit_policy');
      const checked = checkDraft(document);
      if (!checked.ok) return checked;
      const policy = { ...checked.policy, slug: viewer.school.slug };
      return units.inSchool(viewer.school.id, async (store) => {
        const saved = await store.policyVersions.saveDraft(versionId, {
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
        return { ok: true, version: (await store.policyVersions.find(versionId))! };
      });
    },

    /** A new draft from the published version, to change and ratify again. */
    async startRevision(viewer: Viewer): Promise<PolicyVersion> {
      allow(viewer, 'edit_policy');
      return units.inSchool(viewer.school.id, async (store) => {
        if (await store.policyVersions.inHand()) {
          throw new AppError('policy_not_ready', 'A new version is already being prepared: carry on with it.');
        }
        const published = await store.policyVersions.published();
        if (!published) throw new AppError('policy_not_ready', 'There is no published version to start from.');
        const version = await store.policyVersions.add({
          label: nextLabel(published.label),
          document: published.document,
          contentHash: published.contentHash,
          createdBy: viewer.person.id,
          at: clock.now(),
        });
        await audit(store, viewer, 'policy_revision_started', version);
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
      return units.inSchool(viewer.school.id, async (store) => {
        const draft = await store.policyVersions.find(versionId);
        if (draft?.status === 'draft') {
          await store.policyVersions.saveDraft(versionId, {
            document: draft.document,
            contentHash: draft.contentHash,
            changeSummary: summary,
            at: clock.now(),
          });
        }
        return moveIn(store, viewer, versionId, 'submit', { submittedAt: clock.now() });
      });
    },

    /** Takes the version back from the governors, to change it. */
    withdraw(viewer: Viewer, versionId: string): Promise<PolicyVersion> {
      allow(viewer, 'edit_policy');
      return units.inSchool(viewer.school.id, (store) =>
        moveIn(store, viewer, versionId, 'withdraw', { submittedAt: null }),
      );
    },

    /** A governor records the meeting at which the governors ratified the version. */
    async ratify(viewer: Viewer, versionId: string, input: RatificationInput): Promise<PolicyVersion> {
      allow(viewer, 'ratify_policy');
      const reviewDue = input.reviewDue ?? yearsAfter(input.ratifiedOn, defaultReviewYears);
      return units.inSchool(viewer.school.id, async (store) => {
        const ratified = await moveIn(store, viewer, versionId, 'ratify', { ratifiedAt: clock.now(), reviewDue });
        await store.policyVersions.ratify({
          versionId,
          recordedBy: viewer.person.id,
          ratifiedOn: input.ratifiedOn,
          meeting: input.meeting,
          recordedAt: clock.now(),
        });
        return ratified;
      });
    },

    /**
     * Publishes the ratified version; the one published before is superseded. This is the only
     * way a version is published or superseded: once the unit has committed, here, whatever is
     * kept of the school's published policy (pages, printed copies, compiled policies) is stale.
     */
    async publish(viewer: Viewer, versionId: string): Promise<PolicyVersion> {
      allow(viewer, 'edit_policy');
      const published = await units.inSchool(viewer.school.id, (store) =>
        moveIn(store, viewer, versionId, 'publish', { publishedAt: clock.now() }),
      );
      // Other processes hear of it from the notice; this one at once, before the notice arrives.
      publications.changedHere(viewer.school.id);
      return published;
    },

    /**
     * The school's published policy, for anyone: the current version, or an earlier one by number.
     * It names nobody: the version history says who amended it by role, the ratifications give
     * the meeting and its date, not who recorded them.
     */
    published,

    /** The school's answer, from its published policy; undefined when it has published none. */
    async check(slug: string, situation: Situation): Promise<{ school: School; outcome: Outcome } | undefined> {
      const view = await published(slug);
      return view && { school: view.school, outcome: evaluate(view.document, situation) };
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
