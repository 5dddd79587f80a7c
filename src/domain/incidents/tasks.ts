// The tasks a case raises: each step the school's procedures name for the situation, with an
// owner, a due date and, when the policy leaves it to judgement, marked as a decision to make.
import type { RequiredAction } from '../policy/outcome.ts';
import { owners, type Action, type Owner } from '../policy/vocabulary.ts';
import type { Handler } from './case.ts';

export const taskStates = ['open', 'done', 'not_needed'] as const;
export type TaskState = (typeof taskStates)[number];

export const taskStateNames: Readonly<Record<TaskState, string>> = {
  open: 'To do',
  done: 'Done',
  not_needed: 'Decided not to',
};

/** Who does a task: the role the procedure names, resolved later to a named person. */
export type TaskOwnerRole = Handler;

export interface NewTask {
  action: Action;
  ownerRole: TaskOwnerRole;
  /** The rule or procedure that asks for it. */
  because: string;
  optional: boolean;
  /** A later event the step waits for, in the school's words ("if the parent refuses"). */
  condition?: string;
  dueAt: Date;
}

const hour = 60 * 60 * 1000;
const day = 24 * hour;

// Where a policy gives no deadline: safeguarding steps the same working day or the next (a LADO
// referral is expected within one working day), contact about a post within two days while it can
// still be taken down, the rest within a school week.
const urgent: ReadonlySet<Action> = new Set([
  'notify_dsl',
  'notify_headteacher',
  'notify_chair_of_governors',
  'record_safeguarding_concern',
  'refer_lado',
  'contact_police',
  'prevent_referral',
]);
const soon: ReadonlySet<Action> = new Set([
  'request_removal',
  'report_to_platform',
  'notify_parents_of_pupil',
  'contact_posh',
  'decline_request',
  'delete_material',
  'block_access',
  'ask_to_leave_premises',
  'governing_body_contact',
]);

export function defaultDeadline(action: Action): number {
  if (urgent.has(action)) return day;
  if (soon.has(action)) return 2 * day;
  return 5 * day;
}

/** An ISO 8601 duration as the policy format allows it (P3D, P2W, PT4H), in milliseconds. */
export function durationOf(deadline: string): number | undefined {
  const match = /^P(?:(\d+)([DW])|T(\d+)H)$/.exec(deadline);
  if (!match) return undefined;
  if (match[3] !== undefined) return Number(match[3]) * hour;
  return Number(match[1]) * (match[2] === 'W' ? 7 : 1) * day;
}

/**
 * Who carries out a step within a case. The named safeguarding roles do their own steps; the
 * governing body acts through its chair; what the policy gives to "the school", to a member of
 * staff, or to the people involved is seen to by whoever handles the case. Nobody may be given a
 * step in a case about themselves: the Headteacher's steps then pass to the chair.
 */
export function ownerRoleFor(owner: Owner, handler: Handler): TaskOwnerRole {
  let role: TaskOwnerRole;
  switch (owner) {
    case 'headteacher':
    case 'dsl':
    case 'chair_of_governors':
      role = owner;
      break;
    case 'governing_body':
      role = 'chair_of_governors';
      break;
    case 'actor':
    case 'counterpart':
    case 'staff':
    case 'school':
    case 'parent':
      role = handler;
  }
  return handler === 'chair_of_governors' && role !== 'chair_of_governors' ? 'chair_of_governors' : role;
}

function isOwner(value: string): value is Owner {
  return (owners as readonly string[]).includes(value);
}

/**
 * The tasks an assessment raises, skipping any the case already has for the same step of the same
 * rule or procedure (a second assessment adds only what is new).
 */
export function tasksFor(
  actions: readonly RequiredAction[],
  handler: Handler,
  now: Date,
  existing: readonly { action: Action; because: string }[] = [],
): NewTask[] {
  const seen = new Set(existing.map((task) => `${task.action} ${task.because}`));
  const tasks: NewTask[] = [];
  for (const step of actions) {
    const key = `${step.action} ${step.because}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const owner: Owner = isOwner(step.owner) ? step.owner : 'school';
    const wait = (step.deadline ? durationOf(step.deadline) : undefined) ?? defaultDeadline(step.action);
    tasks.push({
      action: step.action,
      ownerRole: ownerRoleFor(owner, handler),
      because: step.because,
      optional: step.optional === true,
      ...(step.if && { condition: step.if }),
      dueAt: new Date(now.getTime() + wait),
    });
  }
  return tasks;
}

/** Whether a task is past its due time and still to do. */
export function isOverdue(task: { state: TaskState; dueAt: Date }, now: Date): boolean {
  return task.state === 'open' && task.dueAt.getTime() < now.getTime();
}

/** How long past due before the Headteacher (or the chair) is told as well as the owner. */
export const escalateAfter = 2 * day;

/** Who hears about an overdue task, and when: its owner first, then the person above them. */
export function chaseDue(
  task: { state: TaskState; dueAt: Date; remindedAt?: Date; escalatedAt?: Date },
  now: Date,
): 'remind_owner' | 'escalate' | undefined {
  if (!isOverdue(task, now)) return undefined;
  if (!task.remindedAt) return 'remind_owner';
  if (!task.escalatedAt && now.getTime() - task.dueAt.getTime() >= escalateAfter) return 'escalate';
  return undefined;
}

export interface Task extends NewTask {
  id: string;
  caseId: string;
  ownerPersonId?: string;
  state: TaskState;
  doneAt?: Date;
  doneBy?: string;
  remindedAt?: Date;
  escalatedAt?: Date;
  raisedAt: Date;
}
