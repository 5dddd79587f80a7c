// Incidents: a concern is reported (by staff signed in, or by anyone on the school's public page),
// routed to the person the school names for it, assessed against the school's published policy,
// and worked through the tasks its procedures raise until it is closed. Every read of a case is
// on the audit log, and everything that happens to it goes on its hash-chained chronology.
// Each part opens its own units of work; emails go only once what caused them is saved.
import type { LetterService } from '../letters.ts';
import type { Adapters } from '../ports.ts';
import { createAssessment } from './assessment.ts';
import { createCaseWork } from './case-work.ts';
import { createChasing } from './chasing.ts';
import { createNotifications } from './notifications.ts';
import { createReporting } from './reporting.ts';

export type { Choice, Reported } from './reporting.ts';
export { maxEvidenceFiles } from './reporting.ts';
export type { CaseView, Dashboard, Done, EventView, PartyView, TaskView } from './case-work.ts';

export function createIncidentService(
  adapters: Pick<Adapters, 'units' | 'clock' | 'mailer' | 'baseUrl' | 'crypto' | 'evidence'>,
  letters: Pick<LetterService, 'letterFor' | 'print'>,
) {
  const notify = createNotifications(adapters);
  const assess = createAssessment(adapters, notify);
  return {
    /** choices, reportAsStaff, reportInPublic, reportFromMonitoring */
    ...createReporting(adapters, notify, assess),
    assess,
    /** dashboard, open, finishTask, addEntry, close, reopen, evidenceFile, produceLetter */
    ...createCaseWork(adapters, letters),
    chaseOverdueTasks: createChasing(adapters, notify),
  };
}

export type IncidentService = ReturnType<typeof createIncidentService>;
