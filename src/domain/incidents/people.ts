// Who is who in a case: the people a concern is about, who may open it, who carries out each of
// its tasks, and who is told when a task runs late. The service brings the people; these rules
// decide among them.
import type { CaseAccess, Handler, Party } from './case.ts';
import type { TaskOwnerRole } from './tasks.ts';

/**
 * The people known to the school whose conduct the concern is about. They never open the case,
 * are never given a task in it, and are never told about it.
 */
export function subjectsOf(parties: readonly Party[]): string[] {
  return parties.flatMap((party) => (party.subject && party.personId ? [party.personId] : []));
}

/** What decides who may open and handle a case: its handler, its subjects, and its tasks' owners. */
export function caseAccessOf(
  handler: Handler,
  parties: readonly Party[],
  tasks: readonly { ownerPersonId?: string }[],
): CaseAccess {
  return {
    handler,
    subjectPersonIds: subjectsOf(parties),
    taskOwnerIds: tasks.flatMap((task) => (task.ownerPersonId ? [task.ownerPersonId] : [])),
  };
}

/** Who carries out a role's tasks in a case: the first holder of the role who is not one of its subjects. */
export function ownerAmong<Holder extends { personId: string }>(
  holders: readonly Holder[],
  subjects: readonly string[],
): Holder | undefined {
  return holders.find((holder) => !subjects.includes(holder.personId));
}

/**
 * Who is above a task's owner, and hears once the task is two days overdue: the Headteacher; or
 * the chair of governors when the Headteacher owns the task, or when the chair handles the case
 * (it is about the Headteacher, who must not hear of it).
 */
export function aboveOwner(handler: Handler, ownerRole: TaskOwnerRole): TaskOwnerRole {
  return handler === 'chair_of_governors' || ownerRole === 'headteacher' ? 'chair_of_governors' : 'headteacher';
}
