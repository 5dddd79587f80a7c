// Incidents: each school's cases with the people involved, the tasks raised, the evidence kept,
// and each case's hash-chained chronology. Appending an event locks the case's chronology head,
// so two people recording at once still get one unbroken chain.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Case, CaseOutcome, CaseStatus, Handler, Party, ReportChannel } from '../../../domain/incidents/case.ts';
import {
  chronologyStart,
  sealEvent,
  type CaseEvent,
  type EventFacts,
  type EventKind,
  type NewCaseEvent,
} from '../../../domain/incidents/chronology.ts';
import type { NewTask, Task, TaskOwnerRole, TaskState } from '../../../domain/incidents/tasks.ts';
import type { CaseSummary } from '../../../domain/incidents/figures.ts';
import type { ConcernKind } from '../../../domain/incidents/report.ts';
import type { Action, Role } from '../../../domain/policy/vocabulary.ts';
import type { ChainHead } from '../../../domain/audit/index.ts';
import type {
  CaseChange,
  CaseEvidence,
  CaseListing,
  NewCase,
  NewEvidence,
  OpenTask,
  TaskToChase,
} from '../../../services/ports.ts';
import { sha256Hex } from '../../crypto/hash.ts';
import type { IncidentEventTable, IncidentTable, IncidentTaskTable, Tables } from '../tables.ts';

const present = <T>(value: T | null): value is T => value !== null;

function toCase(row: Selectable<IncidentTable>): Case {
  return {
    id: row.id,
    schoolId: row.school_id,
    reference: row.reference,
    channel: row.channel as ReportChannel,
    kind: row.kind,
    what: row.what,
    ...(present(row.happened_on) && { happenedOn: row.happened_on }),
    ...(present(row.platform) && { platform: row.platform }),
    links: Array.isArray(row.links) ? (row.links as string[]) : [],
    childInvolved: row.child_involved,
    handler: row.handler as Handler,
    status: row.status as CaseStatus,
    ...(present(row.situation) && { situation: row.situation }),
    ...(present(row.outcome) && { outcome: row.outcome as CaseOutcome }),
    reporter: {
      role: row.reporter_role as Role,
      ...(present(row.reporter_person_id) && { personId: row.reporter_person_id }),
      ...(present(row.reporter_name) && { name: row.reporter_name }),
      ...(present(row.reporter_contact) && { contact: row.reporter_contact }),
    },
    reportedAt: row.reported_at,
    ...(present(row.first_action_at) && { firstActionAt: row.first_action_at }),
    ...(present(row.closed_at) && { closedAt: row.closed_at }),
    ...(present(row.review_due) && { reviewDue: row.review_due }),
  };
}

function toTask(row: Selectable<IncidentTaskTable>): Task {
  return {
    id: row.id,
    caseId: row.incident_id,
    action: row.action as Action,
    ownerRole: row.owner_role as TaskOwnerRole,
    ...(present(row.owner_person_id) && { ownerPersonId: row.owner_person_id }),
    because: row.because,
    optional: row.optional,
    ...(present(row.condition) && { condition: row.condition }),
    dueAt: row.due_at,
    state: row.state as TaskState,
    ...(present(row.done_at) && { doneAt: row.done_at }),
    ...(present(row.done_by) && { doneBy: row.done_by }),
    ...(present(row.reminded_at) && { remindedAt: row.reminded_at }),
    ...(present(row.escalated_at) && { escalatedAt: row.escalated_at }),
    raisedAt: row.raised_at,
  };
}

function toEvent(row: Selectable<IncidentEventTable>): CaseEvent {
  return {
    caseId: row.incident_id,
    seq: row.seq,
    at: row.at,
    actorPersonId: row.actor_person_id,
    kind: row.kind as EventKind,
    text: row.text,
    facts: row.facts as EventFacts,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}

function toEvidence(row: Selectable<Tables['incident_evidence']>): CaseEvidence {
  return {
    id: row.id,
    caseId: row.incident_id,
    key: row.file_key,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    originalName: row.original_name,
    ...(present(row.added_by) && { addedBy: row.added_by }),
    addedAt: row.added_at,
  };
}

async function lockedHead(db: Kysely<Tables>, caseId: string): Promise<ChainHead | undefined> {
  return db
    .selectFrom('incident_chain')
    .select(['seq', 'hash'])
    .where('incident_id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
}

/** One school's incidents, in the unit of work's transaction. */
export function incidentsInSchool(db: Kysely<Tables>, schoolId: string) {
  return {
    async add(newCase: NewCase, parties: readonly Party[]): Promise<Case> {
      const row = await db
        .insertInto('incident')
        .values({
          school_id: schoolId,
          reference: newCase.reference,
          channel: newCase.channel,
          kind: newCase.kind,
          what: newCase.what,
          happened_on: newCase.happenedOn ?? null,
          platform: newCase.platform ?? null,
          links: JSON.stringify(newCase.links),
          child_involved: newCase.childInvolved,
          handler: newCase.handler,
          reporter_person_id: newCase.reporter.personId ?? null,
          reporter_role: newCase.reporter.role,
          reporter_name: newCase.reporter.name ?? null,
          reporter_contact: newCase.reporter.contact ?? null,
          reported_at: newCase.reportedAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (parties.length > 0) {
        await db
          .insertInto('incident_party')
          .values(
            parties.map((party) => ({
              school_id: schoolId,
              incident_id: row.id,
              role: party.role,
              person_id: party.personId ?? null,
              pupil_id: party.pupilId ?? null,
              description: party.description ?? null,
              subject: party.subject,
            })),
          )
          .execute();
      }
      await db
        .insertInto('incident_chain')
        .values({ incident_id: row.id, school_id: schoolId, seq: chronologyStart.seq, hash: chronologyStart.hash })
        .execute();
      return toCase(row);
    },

    async find(id: string): Promise<Case | undefined> {
      const row = await db
        .selectFrom('incident')
        .selectAll()
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toCase(row);
    },

    async parties(caseId: string): Promise<Party[]> {
      const rows = await db
        .selectFrom('incident_party')
        .selectAll()
        .where('school_id', '=', schoolId)
        .where('incident_id', '=', caseId)
        .orderBy('subject', 'desc')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        role: row.role as Role,
        ...(present(row.person_id) && { personId: row.person_id }),
        ...(present(row.pupil_id) && { pupilId: row.pupil_id }),
        ...(present(row.description) && { description: row.description }),
        subject: row.subject,
      }));
    },

    async list(now: Date): Promise<CaseListing[]> {
      const rows = await db
        .selectFrom('incident')
        .selectAll('incident')
        .select((eb) => [
          eb
            .selectFrom('incident_party')
            .select(sql<string[]>`coalesce(array_agg(person_id::text), '{}')`.as('ids'))
            .whereRef('incident_party.incident_id', '=', 'incident.id')
            .where('subject', '=', true)
            .where('person_id', 'is not', null)
            .as('subject_ids'),
          eb
            .selectFrom('incident_task')
            .select(sql<string[]>`coalesce(array_agg(distinct owner_person_id::text), '{}')`.as('ids'))
            .whereRef('incident_task.incident_id', '=', 'incident.id')
            .where('owner_person_id', 'is not', null)
            .as('owner_ids'),
          eb
            .selectFrom('incident_task')
            .select(sql<number>`count(*)::int`.as('n'))
            .whereRef('incident_task.incident_id', '=', 'incident.id')
            .where('state', '=', 'open')
            .as('open_tasks'),
          eb
            .selectFrom('incident_task')
            .select(sql<number>`count(*)::int`.as('n'))
            .whereRef('incident_task.incident_id', '=', 'incident.id')
            .where('state', '=', 'open')
            .where('due_at', '<', now)
            .as('overdue_tasks'),
        ])
        .where('incident.school_id', '=', schoolId)
        .orderBy('incident.reported_at', 'desc')
        .execute();
      return rows.map((row) => ({
        case: toCase(row),
        subjectPersonIds: row.subject_ids ?? [],
        taskOwnerIds: row.owner_ids ?? [],
        openTasks: Number(row.open_tasks ?? 0),
        overdueTasks: Number(row.overdue_tasks ?? 0),
      }));
    },

    async change(id: string, change: CaseChange): Promise<void> {
      await db
        .updateTable('incident')
        .set({
          ...(change.status !== undefined && { status: change.status }),
          ...('outcome' in change && { outcome: change.outcome ?? null }),
          ...(change.firstActionAt !== undefined && { first_action_at: change.firstActionAt }),
          ...('closedAt' in change && { closed_at: change.closedAt ?? null }),
          ...('reviewDue' in change && { review_due: change.reviewDue ?? null, review_notified_on: null }),
          ...(change.situation !== undefined && { situation: JSON.stringify(change.situation) }),
          ...(change.handler !== undefined && { handler: change.handler }),
        })
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .execute();
    },

    async addTasks(
      caseId: string,
      tasks: readonly (NewTask & { ownerPersonId?: string })[],
      at: Date,
    ): Promise<Task[]> {
      if (tasks.length === 0) return [];
      const rows = await db
        .insertInto('incident_task')
        .values(
          tasks.map((task) => ({
            school_id: schoolId,
            incident_id: caseId,
            action: task.action,
            owner_role: task.ownerRole,
            owner_person_id: task.ownerPersonId ?? null,
            because: task.because,
            optional: task.optional,
            condition: task.condition ?? null,
            due_at: task.dueAt,
            raised_at: at,
          })),
        )
        .returningAll()
        .execute();
      return rows.map(toTask);
    },

    async tasks(caseId: string): Promise<Task[]> {
      const rows = await db
        .selectFrom('incident_task')
        .selectAll()
        .where('school_id', '=', schoolId)
        .where('incident_id', '=', caseId)
        .orderBy('due_at')
        .orderBy('id')
        .execute();
      return rows.map(toTask);
    },

    async openTasks(): Promise<OpenTask[]> {
      const rows = await db
        .selectFrom('incident_task')
        .leftJoin('person', (join) =>
          join
            .onRef('person.id', '=', 'incident_task.owner_person_id')
            .onRef('person.school_id', '=', 'incident_task.school_id'),
        )
        .selectAll('incident_task')
        .select(['person.given_name', 'person.family_name', 'person.preferred_name'])
        .where('incident_task.school_id', '=', schoolId)
        .where('incident_task.state', '=', 'open')
        .orderBy('incident_task.due_at')
        .orderBy('incident_task.id')
        .execute();
      return rows.map(({ given_name, family_name, preferred_name, ...task }) => ({
        task: toTask(task),
        ...(given_name !== null &&
          family_name !== null && {
            owner: {
              givenName: given_name,
              familyName: family_name,
              ...(preferred_name !== null && { preferredName: preferred_name }),
            },
          }),
      }));
    },

    async finishTask(taskId: string, state: 'done' | 'not_needed', at: Date, by: string): Promise<boolean> {
      const result = await db
        .updateTable('incident_task')
        .set({ state, done_at: at, done_by: by })
        .where('school_id', '=', schoolId)
        .where('id', '=', taskId)
        .where('state', '=', 'open')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async markChased(taskId: string, step: 'remind_owner' | 'escalate', at: Date): Promise<void> {
      await db
        .updateTable('incident_task')
        .set(step === 'remind_owner' ? { reminded_at: at } : { escalated_at: at })
        .where('school_id', '=', schoolId)
        .where('id', '=', taskId)
        .execute();
    },

    async addEvidence(caseId: string, evidence: NewEvidence): Promise<CaseEvidence> {
      const row = await db
        .insertInto('incident_evidence')
        .values({
          school_id: schoolId,
          incident_id: caseId,
          file_key: evidence.key,
          media_type: evidence.mediaType,
          size: evidence.size,
          sha256: evidence.sha256,
          original_name: evidence.originalName,
          added_by: evidence.addedBy ?? null,
          added_at: evidence.at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toEvidence(row);
    },

    async evidence(caseId: string): Promise<CaseEvidence[]> {
      const rows = await db
        .selectFrom('incident_evidence')
        .selectAll()
        .where('school_id', '=', schoolId)
        .where('incident_id', '=', caseId)
        .orderBy('added_at')
        .execute();
      return rows.map(toEvidence);
    },

    async appendEvent(caseId: string, event: NewCaseEvent): Promise<CaseEvent> {
      const head = await lockedHead(db, caseId);
      if (!head) throw new Error('This case has no chronology to add to.');
      const sealed = sealEvent(caseId, event, head, sha256Hex);
      await db
        .insertInto('incident_event')
        .values({
          school_id: schoolId,
          incident_id: caseId,
          seq: sealed.seq,
          at: sealed.at,
          actor_person_id: sealed.actorPersonId,
          kind: sealed.kind,
          text: sealed.text,
          facts: JSON.stringify(sealed.facts),
          previous_hash: sealed.previousHash,
          hash: sealed.hash,
        })
        .execute();
      await db
        .updateTable('incident_chain')
        .set({ seq: sealed.seq, hash: sealed.hash })
        .where('incident_id', '=', caseId)
        .execute();
      return sealed;
    },

    async chronology(caseId: string): Promise<{ events: CaseEvent[]; head: ChainHead }> {
      const head = await db
        .selectFrom('incident_chain')
        .select(['seq', 'hash'])
        .where('school_id', '=', schoolId)
        .where('incident_id', '=', caseId)
        .executeTakeFirst();
      const rows = await db
        .selectFrom('incident_event')
        .selectAll()
        .where('school_id', '=', schoolId)
        .where('incident_id', '=', caseId)
        .orderBy('seq')
        .execute();
      return { events: rows.map(toEvent), head: head ?? chronologyStart };
    },

    async caseIds(): Promise<string[]> {
      const rows = await db
        .selectFrom('incident')
        .select('id')
        .where('school_id', '=', schoolId)
        .orderBy('reported_at')
        .execute();
      return rows.map((row) => row.id);
    },

    /** Every case of the school, reduced to what governors' figures count: no names, no free text. */
    async summaries(): Promise<CaseSummary[]> {
      const cases = await db
        .selectFrom('incident')
        .select(['id', 'kind', 'handler', 'outcome', 'reported_at', 'first_action_at', 'closed_at'])
        .where('school_id', '=', schoolId)
        .execute();
      const parties = await db
        .selectFrom('incident_party')
        .select(['incident_id', 'role', 'subject'])
        .where('school_id', '=', schoolId)
        .execute();
      const tasks = await db
        .selectFrom('incident_task')
        .select(['incident_id', 'due_at', 'state', 'done_at'])
        .where('school_id', '=', schoolId)
        .execute();
      return cases.map((row) => ({
        kind: row.kind as ConcernKind,
        partyRoles: [...new Set(parties.filter((p) => p.incident_id === row.id).map((p) => p.role as Role))],
        subjectRoles: [
          ...new Set(parties.filter((p) => p.incident_id === row.id && p.subject).map((p) => p.role as Role)),
        ],
        handler: row.handler as Handler,
        ...(present(row.outcome) && { outcome: row.outcome as CaseOutcome }),
        reportedAt: row.reported_at,
        ...(present(row.first_action_at) && { firstActionAt: row.first_action_at }),
        ...(present(row.closed_at) && { closedAt: row.closed_at }),
        tasks: tasks
          .filter((task) => task.incident_id === row.id)
          .map((task) => ({
            dueAt: task.due_at,
            state: task.state as TaskState,
            ...(present(task.done_at) && { doneAt: task.done_at }),
          })),
      }));
    },
  };
}

/** Across every school: incidents, in the unit of work's transaction. */
export function incidentsAcrossSchools(db: Kysely<Tables>) {
  return {
    async tasksToChase(now: Date): Promise<TaskToChase[]> {
      const rows = await db
        .selectFrom('incident_task')
        .innerJoin('incident', 'incident.id', 'incident_task.incident_id')
        .selectAll('incident_task')
        .select(['incident.handler'])
        .where('incident_task.state', '=', 'open')
        .where('incident_task.due_at', '<', now)
        .where('incident_task.escalated_at', 'is', null)
        .orderBy('incident_task.due_at')
        .limit(500)
        .execute();
      return rows.map((row) => ({
        schoolId: row.school_id,
        caseId: row.incident_id,
        handler: row.handler as Handler,
        task: toTask(row),
      }));
    },
  };
}
