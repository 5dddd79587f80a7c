// Every job Footprint runs on a schedule, in one list: its name, how often (cron, in UTC), and the
// service call it makes. Add a job here and it is queued, scheduled and run; nothing else changes.
import type { Services } from '../services/index.ts';
import { consentRenewalEmailsJob } from '../services/consent.ts';
import { signOffEmailsJob } from '../services/sign-off.ts';

export interface ScheduledJob {
  /** Letters, digits and hyphens: the queue's name. */
  name: string;
  /** A cron expression in UTC. */
  cron: string;
  /** What the run does, at the moment given; resolves to a few counts for the log, never names. */
  run(services: Services, now: Date): Promise<Record<string, number>>;
}

export const scheduledJobs: readonly ScheduledJob[] = [
  {
    name: signOffEmailsJob,
    // Every quarter of an hour, and at once when a campaign starts: its first emails go in batches,
    // one the mail server refused is tried again soon, and reminders go on the day.
    cron: '*/15 * * * *',
    run: async (services, now) => ({ ...(await services.signOff.sendDue(now)) }),
  },
  {
    name: 'policy-review-reminders',
    // Daily, early, so the Headteacher finds it with the morning's email; a missed day is caught up.
    cron: '0 6 * * *',
    run: async (services, now) => ({ sent: await services.schoolPolicy.sendReviewReminders(now) }),
  },
  {
    name: consentRenewalEmailsJob,
    // At once when a renewal starts, and every quarter of an hour for any the mail server refused.
    cron: '*/15 * * * *',
    run: async (services, now) => ({ ...(await services.consent.sendRenewalEmails(now)) }),
  },
  {
    name: 'declaration-review-reminders',
    // Daily, just after the policy's reminders: one digest per school of the reviews coming up.
    cron: '10 6 * * *',
    run: async (services, now) => ({ sent: await services.declarations.sendReviewReminders(now) }),
  },
  {
    name: 'incident-task-chaser',
    // Hourly: a task past due reminds its owner within the hour, and the person above them two days on.
    cron: '5 * * * *',
    run: async (services, now) => ({ sent: await services.incidents.chaseOverdueTasks(now) }),
  },
  {
    name: 'incident-retention-review',
    // Daily: the Headteacher hears of closed cases that have reached the end of their keeping.
    cron: '20 6 * * *',
    run: async (services, now) => ({ sent: await services.incidentRetention.sendReviewNotices(now) }),
  },
  {
    name: 'monitoring-poll',
    // Every five minutes: each source is polled when its own back-off says it is due.
    cron: '*/5 * * * *',
    run: async (services, now) => ({ ...(await services.monitoring.pollDue(now)) }),
  },
  {
    name: 'mention-retention',
    // Daily: mentions older than the school keeps them are deleted.
    cron: '30 3 * * *',
    run: async (services, now) => ({ deleted: await services.monitoring.purgeOld(now) }),
  },
];
