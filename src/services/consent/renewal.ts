// The yearly renewal: starting one marks every earlier answer "to be confirmed" and records each
// family to email; a scheduled job sends the emails, each claimed before it goes so that it goes once.
import { schoolDay } from '../../domain/calendar/school-day.ts';
import { renewalEmail, renewalEmailBatch, type ConsentRenewal } from '../../domain/registers/consent.ts';
import type { Viewer } from '../access.ts';
import { allow } from '../allow.ts';
import { MailNotSentError, type Adapters, type ClaimedRenewalEmail, type SchoolStore } from '../ports.ts';

/** The scheduled job that sends the renewal emails; starting a renewal asks for it at once. */
export const consentRenewalEmailsJob = 'consent-renewal-emails';

export interface RenewalOverview {
  renewal?: ConsentRenewal;
  progress?: { sent: number; total: number };
}

/** When the latest renewal started: answers given before it are to be confirmed. */
export async function renewalStart(store: SchoolStore): Promise<Date | undefined> {
  return (await store.consent.latestRenewal())?.startedAt;
}

export function renewalMethods({
  units,
  clock,
  mailer,
  baseUrl,
  jobs,
}: Pick<Adapters, 'units' | 'clock' | 'mailer' | 'baseUrl' | 'jobs'>) {
  /** Claims the next batch, with the names of the schools in it not yet known. */
  function claimBatch(now: Date, size: number, skip: readonly string[], schoolNames: Map<string, string>) {
    return units.acrossSchools(async (store) => {
      const batch = await store.consent.claimRenewalEmails(now, size, skip);
      for (const schoolId of new Set(batch.map((claimed) => claimed.schoolId))) {
        if (schoolNames.has(schoolId)) continue;
        schoolNames.set(schoolId, (await store.schools.findById(schoolId))?.name ?? 'Your school');
      }
      return batch;
    });
  }

  /** Sends one claimed email, after its claim is saved; one the mail server refused is given back. */
  async function sendOne(claimed: ClaimedRenewalEmail, schoolName: string): Promise<boolean> {
    const email = renewalEmail({ schoolName, url: `${baseUrl}/consent` });
    try {
      await mailer.send({ to: claimed.email, ...email });
      return true;
    } catch (error) {
      if (!(error instanceof MailNotSentError)) throw error;
      await units.inSchool(claimed.schoolId, (store) => store.consent.unclaimRenewalEmail(claimed.id));
      return false;
    }
  }

  return {
    async renewalOverview(viewer: Viewer): Promise<RenewalOverview> {
      allow(viewer, 'manage_consent');
      return units.inSchool(viewer.school.id, async (store): Promise<RenewalOverview> => {
        const renewal = await store.consent.latestRenewal();
        if (!renewal) return {};
        return { renewal, progress: await store.consent.renewalProgress(renewal.id) };
      });
    },

    /**
     * Starts a renewal: answers given before now become "to be confirmed", and every parent or
     * carer with parental responsibility and an email is recorded to be emailed. The job sends them,
     * asked here to run at once, so this returns without waiting for the mail server.
     */
    async startRenewal(viewer: Viewer): Promise<ConsentRenewal> {
      allow(viewer, 'manage_consent');
      const now = clock.now();
      const { renewal, reachable } = await units.inSchool(viewer.school.id, async (store) => {
        const audience = await store.consent.renewalAudience(schoolDay(now));
        const reachable = audience.filter((m): m is { personId: string; email: string } => m.email !== undefined);
        const renewal = await store.consent.startRenewal({
          startedBy: viewer.person.id,
          at: now,
          recipients: reachable,
          withoutEmail: audience.length - reachable.length,
        });
        return { renewal, reachable: reachable.length };
      });
      // Once the renewal is saved, so that the job finds its emails.
      if (reachable > 0) await jobs.runSoon(consentRenewalEmailsJob);
      return renewal;
    },

    /**
     * The scheduled job: every renewal email still to go, a batch at a time. Each is marked as sent
     * before it goes, so it goes once even when two runs overlap; one the mail server refused is
     * given back for a later run, and a batch in which nothing went ends the run.
     */
    async sendRenewalEmails(
      now: Date,
      options: { batchSize?: number } = {},
    ): Promise<{ sent: number; failed: number }> {
      const schoolNames = new Map<string, string>();
      const failed: string[] = [];
      let sent = 0;
      for (;;) {
        const batch = await claimBatch(now, options.batchSize ?? renewalEmailBatch, failed, schoolNames);
        if (batch.length === 0) break;
        let sentInBatch = 0;
        for (const claimed of batch) {
          if (await sendOne(claimed, schoolNames.get(claimed.schoolId) ?? 'Your school')) sentInBatch += 1;
          else failed.push(claimed.id);
        }
        sent += sentInBatch;
        if (sentInBatch === 0) break;
      }
      return { sent, failed: failed.length };
    },
  };
}
