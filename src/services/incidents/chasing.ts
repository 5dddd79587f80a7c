// The chaser: a task past due reminds its owner, and two days later the person above them (the
// Headteacher, or the chair when the Headteacher owns it or the case is about them). Each task is
// marked chased in its school's unit before the email goes, so no email is sent twice.
import type { Case } from '../../domain/incidents/case.ts';
import { aboveOwner, ownerAmong, subjectsOf } from '../../domain/incidents/people.ts';
import { chaseDue } from '../../domain/incidents/tasks.ts';
import type { Adapters, TaskToChase } from '../ports.ts';
import { roleHolders } from './case-records.ts';
import type { Notice, Notify } from './notifications.ts';

type Chase = TaskToChase & { step: 'remind_owner' | 'escalate' };

export function createChasing({ units, clock }: Pick<Adapters, 'units' | 'clock'>, notify: Notify) {
  /** Chases every school's overdue tasks; the number of emails sent. */
  return async function chaseOverdueTasks(now: Date = clock.now()): Promise<number> {
    // The sweep across schools, with the name of each school it finds.
    const { due, schoolNames } = await units.acrossSchools(async (store) => {
      const due = (await store.incidents.tasksToChase(now)).flatMap((item): Chase[] => {
        const step = chaseDue(item.task, now);
        return step ? [{ ...item, step }] : [];
      });
      const schoolNames = new Map<string, string>();
      for (const schoolId of new Set(due.map((item) => item.schoolId))) {
        const school = await store.schools.findById(schoolId);
        if (school) schoolNames.set(schoolId, school.name);
      }
      return { due, schoolNames };
    });
    let sent = 0;
    for (const [schoolId, schoolName] of schoolNames) {
      const notices = await units.inSchool(schoolId, async (store) => {
        const holders = await roleHolders(store);
        const cases = new Map<string, { caseRecord: Case | undefined; subjects: string[] }>();
        async function caseOf(caseId: string) {
          let known = cases.get(caseId);
          if (!known) {
            const [caseRecord, parties] = await Promise.all([
              store.incidents.find(caseId),
              store.incidents.parties(caseId),
            ]);
            known = { caseRecord, subjects: subjectsOf(parties) };
            cases.set(caseId, known);
          }
          return known;
        }
        const notices: Notice[] = [];
        for (const item of due.filter((each) => each.schoolId === schoolId)) {
          const { caseRecord, subjects } = await caseOf(item.caseId);
          if (!caseRecord) continue;
          const recipient =
            item.step === 'remind_owner'
              ? (holders.get(item.task.ownerRole) ?? []).find((h) => h.personId === item.task.ownerPersonId)
              : ownerAmong(holders.get(aboveOwner(item.handler, item.task.ownerRole)) ?? [], subjects);
          await store.incidents.markChased(item.task.id, item.step, now);
          if (!recipient) continue;
          notices.push({
            caseRecord,
            schoolName,
            people: [recipient],
            why:
              item.step === 'remind_owner'
                ? 'A task on a concern is past its due date'
                : 'A task on a concern is more than two days overdue',
          });
        }
        return notices;
      });
      // Sent once the unit has marked the tasks chased.
      await notify(schoolId, notices);
      sent += notices.length;
    }
    return sent;
  };
}
