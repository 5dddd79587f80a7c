// Working a case through: the list of cases and tasks, the case page (every read audited), tasks
// done or decided against, notes and decisions, letters to parents, closing and reopening.
import { schoolDay } from '../../domain/calendar/school-day.ts';
import { displayName } from '../../domain/community/people.ts';
import { pupilLabel } from '../../domain/community/pupils.ts';
import {
  canOpenCase,
  caseOutcomes,
  handlerNames,
  type Case,
  type CaseOutcome,
  type Party,
} from '../../domain/incidents/case.ts';
import { maxEventText, type CaseEvent } from '../../domain/incidents/chronology.ts';
import {
  isLetterKind,
  letterDate,
  letterKindNames,
  type LetterValues,
  type Placeholder,
} from '../../domain/incidents/letters.ts';
import type { Report } from '../../domain/incidents/report.ts';
import { proposedSituation } from '../../domain/incidents/report.ts';
import { defaultRetention, reviewDateFor } from '../../domain/incidents/retention.ts';
import type { Task } from '../../domain/incidents/tasks.ts';
import { situationSchema, type Outcome, type Situation } from '../../domain/policy/index.ts';
import { actionWords } from '../../domain/policy/render/vocabulary-words.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../access.ts';
import { allow } from '../allow.ts';
import type { LetterService } from '../letters.ts';
import type { Adapters, CaseEvidence, CaseListing, SchoolStore } from '../ports.ts';
import { publishedAnswer } from '../published-policy.ts';
import { auditAs, capitalise, caseFor, readText, record } from './case-records.ts';

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

export interface Dashboard {
  cases: (CaseListing & { handlerName: string })[];
  /** Open tasks by the person who owns them, most overdue first. */
  myTasks: (Task & { reference: string; what: string })[];
  /** Open tasks on the cases the viewer can see, counted by owner. */
  byOwner: { owner: string; open: number; overdue: number }[];
}

export type Done = { ok: true } | { ok: false; error: string };

const noLongerHere = 'Someone no longer at the school';

async function namesOf(store: SchoolStore, parties: readonly Party[]): Promise<PartyView[]> {
  return Promise.all(
    parties.map(async (party) => {
      if (party.personId) {
        const person = await store.people.find(party.personId);
        if (person) return { ...party, name: displayName(person) };
      }
      if (party.pupilId) {
        const pupil = await store.pupils.find(party.pupilId);
        if (pupil) return { ...party, name: pupilLabel(pupil) };
      }
      return { ...party, name: party.description ?? '' };
    }),
  );
}

async function personName(store: SchoolStore, id: string | null | undefined, cache: Map<string, string>) {
  if (!id) return undefined;
  if (!cache.has(id)) {
    const person = await store.people.find(id);
    cache.set(id, person ? displayName(person) : noLongerHere);
  }
  return cache.get(id);
}

export function createCaseWork(
  { units, clock, evidence: files }: Pick<Adapters, 'units' | 'clock' | 'evidence'>,
  letters: Pick<LetterService, 'letterFor' | 'print'>,
) {
  return {
    /** The cases the viewer may open, newest first, and the tasks waiting for them. */
    async dashboard(viewer: Viewer): Promise<Dashboard> {
      allow(viewer, 'handle_incidents');
      const now = clock.now();
      const reader = { personId: viewer.person.id, roles: viewer.roles };
      // Two reads for the whole list, however many cases: the cases, and every open task.
      const { listed, openTasks } = await units.inSchool(viewer.school.id, async (store) => ({
        listed: await store.incidents.list(now),
        openTasks: await store.incidents.openTasks(),
      }));
      const visible = listed.filter((entry) =>
        canOpenCase(reader, {
          handler: entry.case.handler,
          subjectPersonIds: entry.subjectPersonIds,
          taskOwnerIds: entry.taskOwnerIds,
        }),
      );
      const byCase = new Map<string, typeof openTasks>();
      for (const open of openTasks) byCase.set(open.task.caseId, [...(byCase.get(open.task.caseId) ?? []), open]);
      const myTasks: Dashboard['myTasks'] = [];
      const owners = new Map<string, { owner: string; open: number; overdue: number }>();
      for (const entry of visible) {
        for (const { task, owner: named } of byCase.get(entry.case.id) ?? []) {
          if (task.ownerPersonId === viewer.person.id)
            myTasks.push({ ...task, reference: entry.case.reference, what: capitalise(actionWords[task.action]) });
          const owner = task.ownerPersonId
            ? named
              ? displayName(named)
              : noLongerHere
            : `No ${handlerNames[task.ownerRole].toLowerCase()} in Footprint`;
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
      const view = await units.inSchool(viewer.school.id, async (store) => {
        const { found, parties, tasks, canHandle } = await caseFor(store, viewer, id);
        await auditAs(store, viewer, 'record_read', { kind: 'incident', id }, clock.now());
        const names = new Map<string, string>();
        const [partyViews, evidence, chronology] = await Promise.all([
          namesOf(store, parties),
          store.incidents.evidence(id),
          store.incidents.chronology(id),
        ]);
        const taskViews: TaskView[] = [];
        for (const task of tasks) {
          const ownerName = await personName(store, task.ownerPersonId, names);
          taskViews.push({ ...task, what: capitalise(actionWords[task.action]), ...(ownerName && { ownerName }) });
        }
        const events: EventView[] = [];
        for (const event of chronology.events) {
          const actorName = await personName(store, event.actorPersonId, names);
          events.push({ ...event, ...(actorName && { actorName }) });
        }
        const described = situationSchema.safeParse(found.situation);
        const answer = described.success ? await publishedAnswer(store, described.data) : undefined;
        return { found, parties, partyViews, taskViews, evidence, events, canHandle, answer };
      });
      const { found, parties } = view;
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
      const { answer } = view;
      return {
        case: found,
        parties: view.partyViews,
        tasks: view.taskViews,
        evidence: view.evidence,
        chronology: view.events,
        situation,
        ...(answer && { outcome: answer.outcome }),
        canHandle: view.canHandle,
        handlerName: handlerNames[found.handler],
      };
    },

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
      return units.inSchool(viewer.school.id, async (store): Promise<Done> => {
        const { found, tasks, canHandle } = await caseFor(store, viewer, id);
        const task = tasks.find((t) => t.id === taskId);
        if (!task) throw new AppError('not_found');
        if (!canHandle && task.ownerPersonId !== viewer.person.id) throw new AppError('forbidden');
        if (found.status === 'closed') return { ok: false, error: 'Reopen the case before changing its tasks' };
        const now = clock.now();
        if (!(await store.incidents.finishTask(taskId, state, now, viewer.person.id))) {
          return { ok: false, error: 'This task has already been finished' };
        }
        if (!found.firstActionAt) await store.incidents.change(id, { firstActionAt: now });
        const what = capitalise(actionWords[task.action]);
        await record(
          store,
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
      return units.inSchool(viewer.school.id, async (store): Promise<Done> => {
        const { found, canHandle } = await caseFor(store, viewer, id);
        if (!canHandle) throw new AppError('forbidden');
        const now = clock.now();
        await record(
          store,
          found,
          {
            actorPersonId: viewer.person.id,
            kind,
            text: kind === 'decision' ? `${body} Reason: ${why}` : body,
            ...(kind === 'decision' && { facts: { decision: true } }),
          },
          now,
        );
        if (kind === 'decision' && !found.firstActionAt) await store.incidents.change(id, { firstActionAt: now });
        return { ok: true };
      });
    },

    /** Closes the case with its outcome and the reason; open tasks must be finished or decided first. */
    async close(viewer: Viewer, id: string, outcome: string, rationale: string): Promise<Done> {
      if (!(caseOutcomes as readonly string[]).includes(outcome)) return { ok: false, error: 'Choose the outcome' };
      const why = readText(rationale, 'why the case can close', true);
      if (typeof why !== 'string') return { ok: false, error: why.error };
      return units.inSchool(viewer.school.id, async (store): Promise<Done> => {
        const { found, tasks, parties, canHandle } = await caseFor(store, viewer, id);
        if (!canHandle) throw new AppError('forbidden');
        if (found.status === 'closed') return { ok: false, error: 'This case is already closed' };
        const open = tasks.filter((task) => task.state === 'open').length;
        if (open > 0)
          return {
            ok: false,
            error: `Finish the ${open === 1 ? 'open task' : `${open} open tasks`}, or record why ${open === 1 ? 'it is' : 'they are'} not needed, before closing`,
          };
        const now = clock.now();
        const rules = (await store.incidents.retentionRules()) ?? defaultRetention;
        const births: string[] = [];
        for (const party of parties) {
          const pupil = party.pupilId && (await store.pupils.find(party.pupilId));
          if (pupil) births.push(pupil.dateOfBirth);
        }
        const reviewDue = reviewDateFor(schoolDay(now), found.childInvolved, births, rules);
        await store.incidents.change(id, {
          status: 'closed',
          outcome: outcome as CaseOutcome,
          closedAt: now,
          reviewDue,
        });
        await record(
          store,
          found,
          { actorPersonId: viewer.person.id, kind: 'closed', text: why, facts: { outcome, reviewDue } },
          now,
        );
        await auditAs(store, viewer, 'incident_closed', { kind: 'incident', id }, now, { outcome });
        return { ok: true };
      });
    },

    /** Reopening is an event of its own: the closure stays on the record. */
    async reopen(viewer: Viewer, id: string, reason: string): Promise<Done> {
      const why = readText(reason, 'why the case is reopened', true);
      if (typeof why !== 'string') return { ok: false, error: why.error };
      return units.inSchool(viewer.school.id, async (store): Promise<Done> => {
        const { found, canHandle } = await caseFor(store, viewer, id);
        if (!canHandle) throw new AppError('forbidden');
        if (found.status !== 'closed') return { ok: false, error: 'Only a closed case can be reopened' };
        const now = clock.now();
        await store.incidents.change(id, {
          status: 'open',
          outcome: undefined,
          closedAt: undefined,
          reviewDue: undefined,
        });
        await record(store, found, { actorPersonId: viewer.person.id, kind: 'reopened', text: why }, now);
        await auditAs(store, viewer, 'incident_reopened', { kind: 'incident', id }, now);
        return { ok: true };
      });
    },

    /** An evidence file, for someone who may open the case; the read is audited. */
    async evidenceFile(
      viewer: Viewer,
      id: string,
      evidenceId: string,
    ): Promise<{ bytes: Uint8Array; mediaType: string; name: string }> {
      return units.inSchool(viewer.school.id, async (store) => {
        await caseFor(store, viewer, id);
        const item = (await store.incidents.evidence(id)).find((e) => e.id === evidenceId);
        // A quick read from the school's own directory: the read is audited only once it succeeds.
        const bytes = item && (await files.open(viewer.school.id, item.key));
        if (!item || !bytes) throw new AppError('not_found');
        await auditAs(store, viewer, 'record_read', { kind: 'incident_evidence', id: evidenceId }, clock.now());
        return { bytes, mediaType: item.mediaType, name: item.originalName };
      });
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
      const drafted = await units.inSchool(viewer.school.id, async (store) => {
        const { found, canHandle } = await caseFor(store, viewer, id);
        if (!canHandle) throw new AppError('forbidden');
        if (found.status === 'closed') return undefined;
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
        return { found, ready: await letters.letterFor(store, viewer.school, { kind, values }) };
      });
      if (!drafted) return { ok: false, error: 'Reopen the case before sending a letter' };
      const { found, ready } = drafted;
      if (!ready.ok) return { ok: false, missing: ready.missing };
      // Printing and keeping the file are slow: between the unit that read the case and the one that records it.
      const pdf = await letters.print(ready);
      const name = `Letter ${found.reference} ${letterKindNames[kind]}.pdf`.replace(/[^\w .-]/g, '');
      const stored = await files.store(viewer.school.id, {
        fileName: name,
        declaredType: 'application/pdf',
        bytes: pdf,
      });
      if (!stored.ok) throw new Error('A letter Footprint printed was not kept as a PDF');
      return units.inSchool(viewer.school.id, async (store) => {
        const now = clock.now();
        const saved = await store.incidents.addEvidence(id, { ...stored.file, addedBy: viewer.person.id, at: now });
        await record(
          store,
          found,
          {
            actorPersonId: viewer.person.id,
            kind: 'letter_sent',
            text: `${ready.letter.title}\n\n${ready.letter.body}`,
            facts: { letter: kind, evidenceId: saved.id, sha256: stored.file.sha256 },
          },
          now,
        );
        await auditAs(store, viewer, 'letter_sent', { kind: 'incident', id }, now, { letter: kind });
        return { ok: true as const, evidenceId: saved.id };
      });
    },
  };
}
