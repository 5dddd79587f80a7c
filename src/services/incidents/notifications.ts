// Telling people by email that a case needs them. An email says nothing of the case: only that
// something in Footprint needs them, and where to sign in. It is sent only once what caused it is
// saved, so never inside a unit of work; whether it went is then put on each case's chronology,
// in one unit for all the emails sent together.
import type { Case } from '../../domain/incidents/case.ts';
import type { Adapters } from '../ports.ts';
import { record, type Recipient } from './case-records.ts';

/** Emails to send about one case: to whom, and why, in words that name nothing in it. */
export interface Notice {
  caseRecord: Case;
  schoolName: string;
  people: readonly Recipient[];
  why: string;
}

export type Notify = (schoolId: string, notices: readonly Notice[]) => Promise<void>;

export function createNotifications({
  units,
  clock,
  mailer,
  baseUrl,
}: Pick<Adapters, 'units' | 'clock' | 'mailer' | 'baseUrl'>): Notify {
  /** Sends each email; false for one the mail server did not take. */
  async function send(notice: Notice, person: Recipient): Promise<boolean> {
    const { caseRecord, schoolName, why } = notice;
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
      return true;
    } catch {
      return false;
    }
  }

  /** Tells each person of each notice (all of the one school), then records on each case who was told. */
  return async function notify(schoolId, notices) {
    const told: { notice: Notice; person: Recipient; sent: boolean; at: Date }[] = [];
    for (const notice of notices) {
      const at = clock.now();
      for (const person of notice.people) told.push({ notice, person, sent: await send(notice, person), at });
    }
    if (told.length === 0) return;
    await units.inSchool(schoolId, async (store) => {
      for (const { notice, person, sent, at } of told) {
        await record(
          store,
          notice.caseRecord,
          {
            actorPersonId: null,
            kind: 'owner_notified',
            text: sent
              ? `${person.name} was emailed: ${notice.why.toLowerCase()}.`
              : `The email to ${person.name} could not be sent; the case is on their list of incidents.`,
            facts: { personId: person.personId, sent },
          },
          at,
        );
      }
    });
  };
}
