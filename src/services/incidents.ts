// Incidents: a concern is reported (by staff signed in, or by anyone on the school's public page),
// routed to the person the school names for it, assessed against the school's published policy,
// and worked through the tasks its procedures raise until it is closed. Every read of a case is
// on the audit log, and everything that happens to it goes on its hash-chained chronology.
import { can, type Capability } from '../domain/access/capabilities.ts';
import { accessRolesOf, type AccessRole } from '../domain/access/roles.ts';
import { displayName } from '../domain/community/people.ts';
import { pupilLabel } from '../domain/community/pupils.ts';
import {
  canHandleCase,
  canOpenCase,
  caseOutcomes,
  caseReference,
  handlerFor,
  handlerNames,
  type Case,
  type CaseAccess,
  type CaseOutcome,
  type Handler,
  type Party,
  type ReportChannel,
} from '../domain/incidents/case.ts';
import { maxEventText, type CaseEvent, type NewCaseEvent } from '../domain/incidents/chronology.ts';
import { proposedSituation, type Report } from '../domain/incidents/report.ts';
import {
  readReportForm,
  type ReadReport,
  type ReportErrors,
  type ReportFormValues,
} from '../domain/incidents/report-form.ts';
import {
  isLetterKind,
  letterDate,
  letterKindNames,
  type LetterValues,
  type Placeholder,
} from '../domain/incidents/letters.ts';
import { defaultRetention, reviewDateFor } from '../domain/incidents/retention.ts';
import { chaseDue, tasksFor, type Task, type TaskOwnerRole } from '../domain/incidents/tasks.ts';
import { situationSchema, type Outcome, type Situation } from '../domain/policy/index.ts';
import { declaredAnswerOf } from '../domain/registers/declarations.ts';
import { actionWords } from '../domain/policy/render/vocabulary-words.ts';
import { AppError } from '../errors.ts';
import type { Viewer } from './access.ts';
import { recordAudit, type AuditNote } from './audit-trail.ts';
import type { Adapters, CaseEvidence, CaseListing, EvidenceUpload, Store, StoredEvidence } from './ports.ts';
import type { ConsentService } from './consent.ts';
import type { LetterService } from './letters.ts';
import { publishedPolicies } from './published-policy.ts';

const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = (at: Date) => at.toISOString().slice(0, 10);
const listLimit = 5000;
/** Screenshots a report may carry: enough for a thread, few enough to read. */
export const maxEvidenceFiles = 5;

function allow(viewer: Viewer, capability: Capability): void {
  if (!can(viewer.roles, capability)) throw new AppError('forbidden');
}

export interface Choice {
  id: string;
  name: string;
}

/** Someone in a case as the case page shows them. */
export interface PartyView extends Party {
  name: string;
}

export interface TaskView extends Task {
  what: string;
  ownerName?: string;
}

export interface EventView extends CaseEvent {
  actorName?: string;
}

export interface CaseView {
  case: Case;
  parties: PartyView[];
  tasks: TaskView[];
  evidence: CaseEvidence[];
  chronology: EventView[];
  /** The situation to start the assessment form from: the last assessment, or what the report suggests. */
  situation: Situation;
  /** The policy's answer to the last assessment, worked out again for the page. */
  outcome?: Outcome;
  canHandle: boolean;
  handlerName: string;
}

export type Reported =
  { ok: true; reference: string; caseId: string } | { ok: false; errors: ReportErrors; evidenceProblems: string[] };

export interface Dashboard {
  cases: (CaseListing & { handlerName: string })[];
  /** Open tasks by the person who owns them, most overdue first. */
  myTasks: (Task & { reference: string; what: string })[];
  /** Open tasks on the cases the viewer can see, counted by owner. */
  byOwner: { owner: string; open: number; overdue: number }[];
}

export type Done = { ok: true } | { ok: false; error: string };

function readText(text: string, what: string, required: boolean): string | { error: string } {
  const trimmed = text.trim();
  if (required && trimmed === '') return { error: `Write ${what}` };
  if (trimmed.length > maxEventText) return { error: `Write ${what} in ${maxEventText} characters or fewer` };
  return trimmed;
}

export function createIncidentService(
  {
    store,
    inTransaction,
    clock,
    mailer,
    baseUrl,
    crypto,
    evidence: files,
  }: Pick<Adapters, 'store' | 'inTransaction' | 'clock' | 'mailer' | 'baseUrl' | 'crypto' | 'evidence'>,
  letters: Pick<LetterService, 'letterPdf'>,
  consent: Pick<ConsentService, 'consentFor'>,
) {
  const published = publishedPolicies(store);

  /** The people holding each role that handles cases, with an account to be told by. */
  async function roleHolders(
    schoolId: string,
    within: Store = store,
  ): Promise<Map<AccessRole, { personId: string; email: string; name: string }[]>> {
    const holders = new Map<AccessRole, { personId: string; email: string; name: string }[]>();
    for (const { account, person } of await within.accounts.holders(schoolId)) {
      if (account.disabledAt) continue;
      for (const role of accessRolesOf(person.roles, { schoolAdmin: account.schoolAdmin })) {
        const list = holders.get(role) ?? [];
        list.push({ personId: person.id, email: account.email, name: displayName(person) });
        holders.set(role, list);
      }
    }
    return holders;
  }

  /** Who carries out a role's tasks in a case: the first holder who is not its subject. */
  function ownerOf(
    holders: Awaited<ReturnType<typeof roleHolders>>,
    role: TaskOwnerRole,
    subjects: readonly string[],
  ): { personId: string; email: string; name: string } | undefined {
    return (holders.get(role) ?? []).find((holder) => !subjects.includes(holder.personId));
  }

  function accessOf(parties: readonly Party[], handler: Handler, tasks: readonly Task[]): CaseAccess {
    return {
      handler,
      subjectPersonIds: parties.filter((p) => p.subject && p.personId).map((p) => p.personId!),
      taskOwnerIds: tasks.flatMap((task) => (task.ownerPersonId ? [task.ownerPersonId] : [])),
    };
  }

  /** The case, if the viewer may open it; anything else reads as not found, saying nothing of it. */
  async function caseFor(viewer: Viewer, id: string, trx: Store = store) {
    allow(viewer, 'handle_incidents');
    if (!uuidShape.test(id)) throw new AppError('not_found');
    const found = await trx.incidents.find(viewer.school.id, id);
    if (!found) throw new AppError('not_found');
    const [parties, tasks] = await Promise.all([
      trx.incidents.parties(viewer.school.id, id),
      trx.incidents.tasks(viewer.school.id, id),
    ]);
    const access = accessOf(parties, found.handler, tasks);
    const reader = { personId: viewer.person.id, roles: viewer.roles };
    if (!canOpenCase(reader, access)) throw new AppError('not_found');
    return { found, parties, tasks, access, canHandle: canHandleCase(reader, access) };
  }

  async function record(trx: Store, caseRecord: Case, event: Omit<NewCaseEvent, 'at'>, at: Date) {
    return trx.incidents.appendEvent(caseRecord.schoolId, caseRecord.id, { ...event, at });
  }

  async function keepEvidence(
    schoolId: string,
    uploads: readonly EvidenceUpload[],
  ): Promise<{ kept: StoredEvidence[]; problems: string[] }> {
    const kept: StoredEvidence[] = [];
    const problems: string[] = [];
    if (uploads.length > maxEvidenceFiles) {
      return { kept, problems: [`Attach at most ${maxEvidenceFiles} files`] };
    }
    for (const upload of uploads) {
      const stored = await files.store(schoolId, upload);
      if (stored.ok) kept.push(stored.file);
      else problems.push(`${upload.fileName}: ${stored.problem}`);
    }
    if (problems.length > 0) {
      // One bad file refuses the report: nothing of it is kept, so the reporter can send it whole.
      for (const file of kept) await files.remove(schoolId, file.key);
      return { kept: [], problems };
    }
    return { kept, problems };
  }

  /** Tells each person by email that a case needs them; the email says nothing of the case. */
  async function tell(
    caseRecord: Case,
    schoolName: string,
    people: readonly { personId: string; email: string; name: string }[],
    why: string,
  ): Promise<void> {
    const now = clock.now();
    for (const person of people) {
      let sent = true;
      try {
        await mailer.send({
          to: person.email,
          subject: `${schoolName}: a concern needs you`,
          text: [
            `Hello ${person.name},`,
            '',
            `${why} in Footprint for ${schoolName}. For the safety of everyone involved, this email does not say what it is about.`,
            '',
            `Sign in to read it: ${baseUrl}/incidents/${caseRecord.id}`,
          ].join('\n'),
        });
      } catch {
        sent = false;
      }
      await inTransaction((trx) =>
        record(
          trx,
          caseRecord,
          {
            actorPersonId: null,
            kind: 'owner_notified',
            text: sent
              ? `${person.name} was emailed: ${why.toLowerCase()}.`
              : `The email to ${person.name} could not be sent; the case is on their list of incidents.`,
            facts: { personId: person.personId, sent },
          },
          now,
        ),
      );
    }
  }

  async function report(
    schoolId: string,
    read: ReadReport,
    channel: ReportChannel,
    uploads: readonly EvidenceUpload[],
    alreadyKept: readonly StoredEvidence[] = [],
  ): Promise<Reported> {
    const { report: given, reporter } = read;
    const checked = await checkParties(schoolId, given);
    if (!checked.ok) return { ok: false, errors: checked.errors, evidenceProblems: [] };
    const fresh = await keepEvidence(schoolId, uploads);
    if (fresh.problems.length > 0) return { ok: false, errors: {}, evidenceProblems: fresh.problems };
    const kept = [...alreadyKept, ...fresh.kept];
    const handler = handlerFor(given.parties);
    const now = clock.now();
    const created = await inTransaction(async (trx) => {
      const made = await trx.incidents.add(
        schoolId,
        {
          reference: caseReference(crypto.randomBytes(8)),
          channel,
          kind: given.kind,
          what: given.what,
          ...(given.happenedOn && { happenedOn: given.happenedOn }),
          ...(given.platform && { platform: given.platform }),
          links: given.links,
          childInvolved: given.childInvolved,
          handler,
          reporter,
          reportedAt: now,
        },
        given.parties,
      );
      await record(
        trx,
        made,
        {
          actorPersonId: reporter.personId ?? null,
          kind: 'reported',
          text: given.what,
          facts: { channel, kind: given.kind, handler, reporterRole: reporter.role },
        },
        now,
      );
      for (const file of kept) {
        const saved = await trx.incidents.addEvidence(schoolId, made.id, {
          ...file,
          ...(reporter.personId && { addedBy: reporter.personId }),
          at: now,
        });
        await record(
          trx,
          made,
          {
            actorPersonId: reporter.personId ?? null,
            kind: 'evidence_added',
            text: file.originalName,
            facts: { evidenceId: saved.id, sha256: file.sha256, size: file.size, mediaType: file.mediaType },
          },
          now,
        );
      }
      await recordAudit(
        trx,
        {
          schoolId,
          actorPersonId: reporter.personId ?? null,
          action: 'incident_reported',
          subject: { kind: 'incident', id: made.id },
          details: { channel, handler },
        },
        now,
      );
      return made;
    });
    const school = await store.schools.findById(schoolId);
    const holders = await roleHolders(schoolId);
    const subjects = given.parties.filter((p) => p.subject && p.personId).map((p) => p.personId!);
    const handlerPeople = (holders.get(handler) ?? []).filter((holder) => !subjects.includes(holder.personId));
    await tell(
      created,
      school?.name ?? 'Your school',
      handlerPeople,
      `A concern has been passed to you as ${handlerNames[handler]}`,
    );
    return { ok: true, reference: created.reference, caseId: created.id };
  }

  /**
   * What the registers say about the people in the case, put into the situation the handler
   * described: whether the person the concern is about declared their relationship with the other
   * person and had it approved, and, for pictures on the school's own accounts, whether the pupils
   * involved have consent. Each fact filled is also said in words, for the chronology.
   */
  async function withRegisterFacts(
    schoolId: string,
    parties: readonly Party[],
    given: Situation,
  ): Promise<{ situation: Situation; facts: string[] }> {
    const situation: Situation = structuredClone(given);
    const facts: string[] = [];
    const subject = parties.find((party) => party.subject);
    const other = parties.find((party) => !party.subject);
    if (situation.counterpart && subject?.personId && (other?.pupilId ?? other?.personId)) {
      const today = day(clock.now());
      const answers = (await store.declarations.of(schoolId, subject.personId))
        .map((entry) => entry.declaration)
        .filter(
          (declaration) =>
            (declaration.kind === 'family_link' && declaration.pupilId === other.pupilId) ||
            (declaration.kind === 'parent_friendship' &&
              declaration.parentId !== undefined &&
              declaration.parentId === other.personId),
        )
        .map((declaration) => declaredAnswerOf(declaration, today));
      const answer = answers.includes('approved') ? 'approved' : answers.includes('declared') ? 'declared' : 'no';
      situation.counterpart.declared = answer !== 'no';
      situation.counterpart.approved = answer === 'approved';
      facts.push(
        answer === 'approved'
          ? 'The declarations register holds an approved declaration of this relationship.'
          : answer === 'declared'
            ? 'The relationship is declared, waiting for a decision.'
            : 'The declarations register holds no declaration of this relationship in force.',
      );
    }
    const pupilIds = parties.flatMap((party) => (party.pupilId ? [party.pupilId] : []));
    const images = situation.content?.images ?? [];
    if (situation.content?.channel === 'official' && pupilIds.length > 0 && images.length > 0) {
      const found = await consent.consentFor(schoolId, pupilIds, 'social_media_photos');
      if (found) {
        for (const image of images) if (image.of !== 'staff') image.consent = found.consent;
        facts.push(
          found.consent
            ? `The consent register has a yes from the family of every pupil involved for “${found.purpose.title}”.`
            : `The consent register does not have a yes from the family of every pupil involved for “${found.purpose.title}”.`,
        );
      }
    }
    return { situation, facts };
  }

  /** People picked from the school's lists must be the school's. */
  async function checkParties(
    schoolId: string,
    given: Report,
  ): Promise<{ ok: true } | { ok: false; errors: ReportErrors }> {
    for (const party of given.parties) {
      if (party.personId !== undefined) {
        const person = uuidShape.test(party.personId) ? await store.people.find(schoolId, party.personId) : undefined;
        if (!person)
          return { ok: false, errors: { aboutPersonId: 'Choose the person from the list, or write their name' } };
      }
      if (party.pupilId !== undefined) {
        const pupil = uuidShape.test(party.pupilId) ? await store.pupils.find(schoolId, party.pupilId) : undefined;
        if (!pupil)
          return { ok: false, errors: { childPupilId: 'Choose the pupil from the list, or write their name' } };
      }
    }
    return { ok: true };
  }

  async function namesOf(trx: Store, schoolId: string, parties: readonly Party[]): Promise<PartyView[]> {
    return Promise.all(
      parties.map(async (party) => {
        if (party.personId) {
          const person = await trx.people.find(schoolId, party.personId);
          if (person) return { ...party, name: displayName(person) };
        }
        if (party.pupilId) {
          const pupil = await trx.pupils.find(schoolId, party.pupilId);
          if (pupil)
            return {
              ...party,
              name: pupilLabel(pupil),
            };
        }
        return { ...party, name: party.description ?? '' };
      }),
    );
  }

  async function personName(trx: Store, schoolId: string, id: string | null | undefined, cache: Map<string, string>) {
    if (!id) return undefined;
    if (!cache.has(id)) {
      const person = await trx.people.find(schoolId, id);
      cache.set(id, person ? displayName(person) : 'Someone no longer at the school');
    }
    return cache.get(id);
  }

  /** Raises the tasks an outcome asks for, gives each an owner, and tells the owners. */
  async function raiseTasks(
    trx: Store,
    caseRecord: Case,
    parties: readonly Party[],
    existing: readonly Task[],
    outcome: Outcome,
    actorPersonId: string,
    now: Date,
  ) {
    const holders = await roleHolders(caseRecord.schoolId, trx);
    const subjects = parties.filter((p) => p.subject && p.personId).map((p) => p.personId!);
    const fresh = tasksFor(outcome.actions, caseRecord.handler, now, existing);
    const owned = fresh.map((task) => {
      const owner = ownerOf(holders, task.ownerRole, subjects);
      return { ...task, ...(owner && { ownerPersonId: owner.personId }) };
    });
    const raised = await trx.incidents.addTasks(caseRecord.schoolId, caseRecord.id, owned, now);
    for (const task of raised) {
      await record(
        trx,
        caseRecord,
        {
          actorPersonId,
          kind: 'task_raised',
          text: `${capitalise(actionWords[task.action])} (${task.optional ? 'if judged right' : 'required'}, because of ${task.because}).`,
          facts: { taskId: task.id, action: task.action, because: task.because, ownerRole: task.ownerRole },
        },
        now,
      );
    }
    const toTell = new Map<string, { personId: string; email: string; name: string }>();
    for (const task of raised) {
      const owner = ownerOf(holders, task.ownerRole, subjects);
      if (owner && owner.personId !== actorPersonId) toTell.set(owner.personId, owner);
    }
    return { raised, toTell: [...toTell.values()] };
  }

  /**
   * Records the handler's description of the situation, asks the school's published policy, and
   * raises the tasks its procedures name. A second assessment raises only what is new.
   */
  async function assess(
    viewer: Viewer,
    id: string,
    situation: unknown,
    rationale: string,
  ): Promise<{ ok: true; raised: number } | { ok: false; error: string }> {
    const parsed = situationSchema.safeParse(situation);
    if (!parsed.success) return { ok: false, error: 'Describe the situation with the choices given' };
    const why = readText(rationale, 'why you describe it this way', false);
    if (typeof why !== 'string') return { ok: false, error: why.error };
    const { parties: involved } = await caseFor(viewer, id);
    const filled = await withRegisterFacts(viewer.school.id, involved, parsed.data);
    const answer = await published.answer(viewer.school.id, filled.situation);
    if (!answer)
      return {
        ok: false,
        error: 'The school has not published its policy yet, so there is nothing to assess against',
      };
    const assessed = await inTransaction(async (trx) => {
      const { found, parties, tasks, canHandle } = await caseFor(viewer, id, trx);
      if (!canHandle) throw new AppError('forbidden');
      if (found.status === 'closed') return undefined;
      const now = clock.now();
      await trx.incidents.change(viewer.school.id, id, {
        situation: filled.situation,
        ...(found.status === 'reported' && { status: 'open' as const }),
        ...(!found.firstActionAt && { firstActionAt: now }),
      });
      const breached = answer.outcome.findings.filter((f) => f.status === 'violated').map((f) => f.rule);
      await record(
        trx,
        found,
        {
          actorPersonId: viewer.person.id,
          kind: 'assessed',
          text: [why || 'Assessed against the policy.', ...filled.facts].join(' '),
          facts: {
            verdict: answer.outcome.verdict,
            rulesBroken: breached.join(' '),
            policyVersion: answer.version.label,
            situation: JSON.stringify(filled.situation),
          },
        },
        now,
      );
      const { raised, toTell } = await raiseTasks(trx, found, parties, tasks, answer.outcome, viewer.person.id, now);
      await auditAs(trx, viewer, 'incident_assessed', { kind: 'incident', id }, now, {
        verdict: answer.outcome.verdict,
        tasksRaised: raised.length,
      });
      return { toTell, found, raised };
    });
    if (!assessed) return { ok: false, error: 'Reopen the case before assessing it again' };
    await tell(assessed.found, viewer.school.name, assessed.toTell, 'A task on a concern has been given to you');
    return { ok: true, raised: assessed.raised.length };
  }

  return {
    /** The school's people and pupils, for the staff report form's lists. */
    async choices(viewer: Viewer): Promise<{ people: Choice[]; pupils: Choice[] }> {
      allow(viewer, 'report_concern');
      const schoolId = viewer.school.id;
      const people = await store.people.list(schoolId, { limit: listLimit, offset: 0 });
      const pupils = await store.pupils.list(schoolId, { onRollOn: day(clock.now()), limit: listLimit, offset: 0 });
      return {
        people: people.items.map((person) => ({ id: person.id, name: displayName(person) })),
        pupils: pupils.items.map((pupil) => ({
          id: pupil.id,
          name: pupilLabel(pupil),
        })),
      };
    },

    /** A concern from a member of staff (or governor, volunteer) signed in. */
    async reportAsStaff(
      viewer: Viewer,
      values: ReportFormValues,
      uploads: readonly EvidenceUpload[],
    ): Promise<Reported> {
      allow(viewer, 'report_concern');
      const read = readReportForm(values, day(clock.now()), { personId: viewer.person.id, role: 'staff' });
      if (!read.ok) return { ok: false, errors: read.errors, evidenceProblems: [] };
      return report(viewer.school.id, read.read, 'staff', uploads);
    },

    /** A concern from anyone, on the school's public page. Nothing about the case is ever shown back. */
    async reportInPublic(
      slug: string,
      values: ReportFormValues,
      uploads: readonly EvidenceUpload[],
    ): Promise<Reported | undefined> {
      const school = await store.schools.findBySlug(slug);
      if (!school) return undefined;
      const read = readReportForm(values, day(clock.now()));
      if (!read.ok) return { ok: false, errors: read.errors, evidenceProblems: [] };
      return report(school.id, read.read, 'public', uploads);
    },

    /** The cases the viewer may open, newest first, and the tasks waiting for them. */
    async dashboard(viewer: Viewer): Promise<Dashboard> {
      allow(viewer, 'handle_incidents');
      const now = clock.now();
      const reader = { personId: viewer.person.id, roles: viewer.roles };
      const listed = await store.incidents.list(viewer.school.id, now);
      const visible = listed.filter((entry) =>
        canOpenCase(reader, {
          handler: entry.case.handler,
          subjectPersonIds: entry.subjectPersonIds,
          taskOwnerIds: entry.taskOwnerIds,
        }),
      );
      const myTasks: Dashboard['myTasks'] = [];
      const owners = new Map<string, { owner: string; open: number; overdue: number }>();
      const names = new Map<string, string>();
      for (const entry of visible) {
        if (entry.openTasks === 0) continue;
        for (const task of await store.incidents.tasks(viewer.school.id, entry.case.id)) {
          if (task.state !== 'open') continue;
          if (task.ownerPersonId === viewer.person.id)
            myTasks.push({ ...task, reference: entry.case.reference, what: capitalise(actionWords[task.action]) });
          const owner =
            (await personName(store, viewer.school.id, task.ownerPersonId, names)) ??
            `No ${handlerNames[task.ownerRole].toLowerCase()} in Footprint`;
          const counts = owners.get(owner) ?? { owner, open: 0, overdue: 0 };
          counts.open += 1;
          if (task.dueAt.getTime() < now.getTime()) counts.overdue += 1;
          owners.set(owner, counts);
        }
      }
      myTasks.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
      return {
        cases: visible.map((entry) => ({ ...entry, handlerName: handlerNames[entry.case.handler] })),
        myTasks,
        byOwner: [...owners.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open),
      };
    },

    /** The whole case; the read is audited. */
    async open(viewer: Viewer, id: string): Promise<CaseView> {
      return inTransaction(async (trx) => {
        const { found, parties, tasks, canHandle } = await caseFor(viewer, id, trx);
        const now = clock.now();
        await auditAs(trx, viewer, 'record_read', { kind: 'incident', id }, now);
        const names = new Map<string, string>();
        const [partyViews, evidence, chronology] = await Promise.all([
          namesOf(trx, viewer.school.id, parties),
          trx.incidents.evidence(viewer.school.id, id),
          trx.incidents.chronology(viewer.school.id, id),
        ]);
        const taskViews: TaskView[] = [];
        for (const task of tasks) {
          const ownerName = await personName(trx, viewer.school.id, task.ownerPersonId, names);
          taskViews.push({ ...task, what: capitalise(actionWords[task.action]), ...(ownerName && { ownerName }) });
        }
        const events: EventView[] = [];
        for (const event of chronology.events) {
          const actorName = await personName(trx, viewer.school.id, event.actorPersonId, names);
          events.push({ ...event, ...(actorName && { actorName }) });
        }
        const assessed = situationSchema.safeParse(found.situation);
        const situation = assessed.success
          ? assessed.data
          : proposedSituation(
              {
                kind: found.kind as Report['kind'],
                what: found.what,
                links: found.links,
                parties,
                childInvolved: found.childInvolved,
                ...(found.platform && { platform: found.platform }),
              },
              found.channel === 'staff' ? found.reporter.role : undefined,
            );
        const answer = assessed.success ? await published.answer(viewer.school.id, assessed.data, trx) : undefined;
        return {
          case: found,
          parties: partyViews,
          tasks: taskViews,
          evidence,
          chronology: events,
          situation,
          ...(answer && { outcome: answer.outcome }),
          canHandle,
          handlerName: handlerNames[found.handler],
        };
      });
    },

    assess,

    /** A task done, or decided against with the reason (a decision not to refer needs one too). */
    async finishTask(
      viewer: Viewer,
      id: string,
      taskId: string,
      state: 'done' | 'not_needed',
      note: string,
      platform: { report?: string; answer?: string } = {},
    ): Promise<Done> {
      const text = readText(note, state === 'done' ? 'what was done' : 'why it is not needed', state === 'not_needed');
      if (typeof text !== 'string') return { ok: false, error: text.error };
      // A report to a platform is tracked: where it was made, and what the platform said.
      const report = (platform.report ?? '').trim().slice(0, 2000);
      const reply = (platform.answer ?? '').trim().slice(0, maxEventText);
      return inTransaction(async (trx) => {
        const { found, tasks, canHandle } = await caseFor(viewer, id, trx);
        const task = tasks.find((t) => t.id === taskId);
        if (!task) throw new AppError('not_found');
        if (!canHandle && task.ownerPersonId !== viewer.person.id) throw new AppError('forbidden');
        if (found.status === 'closed') return { ok: false, error: 'Reopen the case before changing its tasks' };
        const now = clock.now();
        if (!(await trx.incidents.finishTask(viewer.school.id, taskId, state, now, viewer.person.id))) {
          return { ok: false, error: 'This task has already been finished' };
        }
        if (!found.firstActionAt) await trx.incidents.change(viewer.school.id, id, { firstActionAt: now });
        const what = capitalise(actionWords[task.action]);
        await record(
          trx,
          found,
          {
            actorPersonId: viewer.person.id,
            kind: state === 'done' ? 'task_done' : 'task_not_needed',
            text: [
              state === 'done' ? `${what}: ${text || 'done.'}` : `${what}: not done, because ${text}`,
              ...(report ? [`Reported at: ${report}.`] : []),
              ...(reply ? [`The platform’s answer: ${reply}`] : []),
            ].join(' '),
            facts: {
              taskId,
              action: task.action,
              because: task.because,
              ...(report && { platformReport: report }),
              ...(reply && { platformAnswered: true }),
            },
          },
          now,
        );
        return { ok: true };
      });
    },

    /** A note or a decision, with its rationale, on the chronology. */
    async addEntry(
      viewer: Viewer,
      id: string,
      kind: 'note' | 'decision',
      text: string,
      rationale: string,
    ): Promise<Done> {
      const body = readText(text, kind === 'note' ? 'the note' : 'the decision', true);
      if (typeof body !== 'string') return { ok: false, error: body.error };
      const why = readText(rationale, 'the reason for the decision', kind === 'decision');
      if (typeof why !== 'string') return { ok: false, error: why.error };
      return inTransaction(async (trx) => {
        const { found, canHandle } = await caseFor(viewer, id, trx);
        if (!canHandle) throw new AppError('forbidden');
        const now = clock.now();
        await record(
          trx,
          found,
          {
            actorPersonId: viewer.person.id,
            kind,
            text: kind === 'decision' ? `${body} Reason: ${why}` : body,
            ...(kind === 'decision' && { facts: { decision: true } }),
          },
          now,
        );
        if (kind === 'decision' && !found.firstActionAt)
          await trx.incidents.change(viewer.school.id, id, { firstActionAt: now });
        return { ok: true };
      });
    },

    /** Closes the case with its outcome and the reason; open tasks must be finished or decided first. */
    async close(viewer: Viewer, id: string, outcome: string, rationale: string): Promise<Done> {
      if (!(caseOutcomes as readonly string[]).includes(outcome)) return { ok: false, error: 'Choose the outcome' };
      const why = readText(rationale, 'why the case can close', true);
      if (typeof why !== 'string') return { ok: false, error: why.error };
      return inTransaction(async (trx) => {
        const { found, tasks, parties, canHandle } = await caseFor(viewer, id, trx);
        if (!canHandle) throw new AppError('forbidden');
        if (found.status === 'closed') return { ok: false, error: 'This case is already closed' };
        const open = tasks.filter((task) => task.state === 'open').length;
        if (open > 0)
          return {
            ok: false,
            error: `Finish the ${open === 1 ? 'open task' : `${open} open tasks`}, or record why ${open === 1 ? 'it is' : 'they are'} not needed, before closing`,
          };
        const now = clock.now();
        const rules = (await trx.incidents.retentionRules(viewer.school.id)) ?? defaultRetention;
        const births: string[] = [];
        for (const party of parties) {
          const pupil = party.pupilId && (await trx.pupils.find(viewer.school.id, party.pupilId));
          if (pupil) births.push(pupil.dateOfBirth);
        }
        const reviewDue = reviewDateFor(day(now), found.childInvolved, births, rules);
        await trx.incidents.change(viewer.school.id, id, {
          status: 'closed',
          outcome: outcome as CaseOutcome,
          closedAt: now,
          reviewDue,
        });
        await record(
          trx,
          found,
          { actorPersonId: viewer.person.id, kind: 'closed', text: why, facts: { outcome, reviewDue } },
          now,
        );
        await auditAs(trx, viewer, 'incident_closed', { kind: 'incident', id }, now, { outcome });
        return { ok: true };
      });
    },

    /** Reopening is an event of its own: the closure stays on the record. */
    async reopen(viewer: Viewer, id: string, reason: string): Promise<Done> {
      const why = readText(reason, 'why the case is reopened', true);
      if (typeof why !== 'string') return { ok: false, error: why.error };
      return inTransaction(async (trx) => {
        const { found, canHandle } = await caseFor(viewer, id, trx);
        if (!canHandle) throw new AppError('forbidden');
        if (found.status !== 'closed') return { ok: false, error: 'Only a closed case can be reopened' };
        const now = clock.now();
        await trx.incidents.change(viewer.school.id, id, {
          status: 'open',
          outcome: undefined,
          closedAt: undefined,
          reviewDue: undefined,
        });
        await record(trx, found, { actorPersonId: viewer.person.id, kind: 'reopened', text: why }, now);
        await auditAs(trx, viewer, 'incident_reopened', { kind: 'incident', id }, now);
        return { ok: true };
      });
    },

    /** An evidence file, for someone who may open the case; the read is audited. */
    async evidenceFile(
      viewer: Viewer,
      id: string,
      evidenceId: string,
    ): Promise<{ bytes: Uint8Array; mediaType: string; name: string }> {
      return inTransaction(async (trx) => {
        await caseFor(viewer, id, trx);
        const item = (await trx.incidents.evidence(viewer.school.id, id)).find((e) => e.id === evidenceId);
        const bytes = item && (await files.open(viewer.school.id, item.key));
        if (!item || !bytes) throw new AppError('not_found');
        await auditAs(trx, viewer, 'record_read', { kind: 'incident_evidence', id: evidenceId }, clock.now());
        return { bytes, mediaType: item.mediaType, name: item.originalName };
      });
    },

    /**
     * A mention found online made into a case, by someone who watches what is said about the
     * school: routed like any concern, with the mention's screenshot as evidence, and assessed at
     * once against the situation its labels suggest when the person escalating handles such cases.
     */
    async reportFromMonitoring(
      viewer: Viewer,
      given: { report: Report; situation: Situation; evidence?: StoredEvidence; note: string },
    ): Promise<{ caseId: string; reference: string; assessed: boolean }> {
      allow(viewer, 'handle_incidents');
      const made = await report(
        viewer.school.id,
        { report: given.report, reporter: { role: 'staff', personId: viewer.person.id } },
        'monitoring',
        [],
        given.evidence ? [given.evidence] : [],
      );
      if (!made.ok) throw new Error('A case made from a mention was refused');
      const { canHandle } = await caseFor(viewer, made.caseId).catch(() => ({ canHandle: false }));
      const assessed = canHandle ? (await assess(viewer, made.caseId, given.situation, given.note)).ok : false;
      return { caseId: made.caseId, reference: made.reference, assessed };
    },

    /**
     * A letter from the school's template, filled from the case, printed, kept with the case's
     * evidence and recorded on the chronology with its full text.
     */
    async produceLetter(
      viewer: Viewer,
      id: string,
      kind: string,
      given: { recipientName: string; meetingWhen?: string; complaintsPolicyUrl?: string; whereSeen?: string },
    ): Promise<
      { ok: true; evidenceId: string } | { ok: false; missing: Placeholder[] } | { ok: false; error: string }
    > {
      if (!isLetterKind(kind)) return { ok: false, error: 'Choose which letter to produce' };
      const { found, canHandle } = await caseFor(viewer, id);
      if (!canHandle) throw new AppError('forbidden');
      if (found.status === 'closed') return { ok: false, error: 'Reopen the case before sending a letter' };
      const values: LetterValues = {
        recipientName: given.recipientName.trim(),
        reference: found.reference,
        ...(given.meetingWhen?.trim() && { meetingWhen: given.meetingWhen.trim() }),
        ...(given.complaintsPolicyUrl?.trim() && { complaintsPolicyUrl: given.complaintsPolicyUrl.trim() }),
        ...((found.platform ?? found.links[0]) && {
          whereSeen: [found.platform, found.links[0]].filter(Boolean).join(', '),
        }),
        // Without the day it happened, the day it was reported is when the school saw it.
        whenSeen: letterDate(found.happenedOn ? new Date(`${found.happenedOn}T12:00:00Z`) : found.reportedAt),
        ...(given.whereSeen?.trim() && { whereSeen: given.whereSeen.trim() }),
      };
      const printed = await letters.letterPdf(viewer.school.id, { kind, values });
      if (!printed.ok) return { ok: false, missing: printed.missing };
      const name = `Letter ${found.reference} ${letterKindNames[kind]}.pdf`.replace(/[^\w .-]/g, '');
      const stored = await files.store(viewer.school.id, {
        fileName: name,
        declaredType: 'application/pdf',
        bytes: printed.pdf,
      });
      if (!stored.ok) throw new Error('A letter Footprint printed was not kept as a PDF');
      return inTransaction(async (trx) => {
        const now = clock.now();
        const saved = await trx.incidents.addEvidence(viewer.school.id, id, {
          ...stored.file,
          addedBy: viewer.person.id,
          at: now,
        });
        await record(
          trx,
          found,
          {
            actorPersonId: viewer.person.id,
            kind: 'letter_sent',
            text: `${printed.letter.title}\n\n${printed.letter.body}`,
            facts: { letter: kind, evidenceId: saved.id, sha256: stored.file.sha256 },
          },
          now,
        );
        await auditAs(trx, viewer, 'letter_sent', { kind: 'incident', id }, now, { letter: kind });
        return { ok: true as const, evidenceId: saved.id };
      });
    },

    /**
     * The chaser: a task past due reminds its owner, and two days later the person above them
     * (the Headteacher, or the chair when the Headteacher owns it or the case is about them).
     */
    async chaseOverdueTasks(now: Date = clock.now()): Promise<number> {
      let sent = 0;
      for (const due of await store.incidents.tasksToChase(now)) {
        const step = chaseDue(due.task, now);
        if (!step) continue;
        const caseRecord = await store.incidents.find(due.schoolId, due.caseId);
        const school = await store.schools.findById(due.schoolId);
        if (!caseRecord || !school) continue;
        const parties = await store.incidents.parties(due.schoolId, due.caseId);
        const subjects = parties.filter((p) => p.subject && p.personId).map((p) => p.personId!);
        const holders = await roleHolders(due.schoolId);
        let recipient: { personId: string; email: string; name: string } | undefined;
        if (step === 'remind_owner') {
          recipient = (holders.get(due.task.ownerRole) ?? []).find((h) => h.personId === due.task.ownerPersonId);
        } else {
          const above: TaskOwnerRole =
            due.handler === 'chair_of_governors' || due.task.ownerRole === 'headteacher'
              ? 'chair_of_governors'
              : 'headteacher';
          recipient = ownerOf(holders, above, subjects);
        }
        await store.incidents.markChased(due.schoolId, due.task.id, step, now);
        if (!recipient) continue;
        await tell(
          caseRecord,
          school.name,
          [recipient],
          step === 'remind_owner'
            ? 'A task on a concern is past its due date'
            : 'A task on a concern is more than two days overdue',
        );
        sent += 1;
      }
      return sent;
    },
  };
}

/** An entry on the audit log for something the viewer did to a case (or its evidence). */
function auditAs(
  trx: Store,
  viewer: Viewer,
  action: AuditNote['action'],
  subject: { kind: 'incident' | 'incident_evidence'; id: string },
  at: Date,
  details?: AuditNote['details'],
): Promise<void> {
  return recordAudit(
    trx,
    {
      schoolId: viewer.school.id,
      actorPersonId: viewer.person.id,
      action,
      subject,
      ...(details && { details }),
    },
    at,
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export type IncidentService = ReturnType<typeof createIncidentService>;
