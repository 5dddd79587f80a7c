// The consent register: purposes, answers (kept as given, read back in the order recorded), and
// the yearly renewal with the families it emails. Each is bound to one school, but for the job's
// claim of renewal emails, which looks across schools.
import type { Kysely, Selectable } from 'kysely';
import type { Pupil } from '../../../domain/community/pupils.ts';
import type {
  ConsentAnswer,
  ConsentPurpose,
  ConsentRecord,
  ConsentRenewal,
  DefaultPurposeKey,
  NewConsentPurpose,
} from '../../../domain/registers/consent.ts';
import type { ClaimedRenewalEmail, NewConsentRecord, NewConsentRenewal, PupilGroup } from '../../../services/ports.ts';
import type { ConsentPurposeTable, ConsentRecordTable, ConsentRenewalTable, Tables } from '../tables.ts';
import { toPupil } from './pupils.ts';

function toPurpose(row: Selectable<ConsentPurposeTable>): ConsentPurpose {
  const purpose: ConsentPurpose = {
    id: row.id,
    schoolId: row.school_id,
    title: row.title,
    explanation: row.explanation,
    position: row.position,
  };
  if (row.key !== null) purpose.key = row.key as DefaultPurposeKey;
  if (row.retired_at !== null) purpose.retiredAt = row.retired_at;
  return purpose;
}

function toRecord(row: Selectable<ConsentRecordTable>): ConsentRecord {
  return {
    id: row.id,
    schoolId: row.school_id,
    pupilId: row.pupil_id,
    purposeId: row.purpose_id,
    answer: row.answer as ConsentAnswer,
    answeredBy: row.answered_by,
    answeredAt: row.answered_at,
  };
}

function toRenewal(row: Selectable<ConsentRenewalTable>): ConsentRenewal {
  return {
    id: row.id,
    schoolId: row.school_id,
    startedBy: row.started_by,
    startedAt: row.started_at,
    asked: row.asked,
    withoutEmail: row.without_email,
  };
}

/** One school's consent, in the unit of work's transaction. */
export function consentInSchool(db: Kysely<Tables>, schoolId: string) {
  return {
    /** Every purpose of the school, retired ones too, in the order families see them. */
    async purposes(): Promise<ConsentPurpose[]> {
      const rows = await db
        .selectFrom('consent_purpose')
        .selectAll()
        .where('school_id', '=', schoolId)
        .orderBy('position')
        .orderBy('created_at')
        .execute();
      return rows.map(toPurpose);
    },

    /** Adds purposes after the school's last; a default purpose the school already has is left alone. */
    async addPurposes(purposes: readonly (NewConsentPurpose & { key?: DefaultPurposeKey })[], at: Date): Promise<void> {
      if (purposes.length === 0) return;
      const last = await db
        .selectFrom('consent_purpose')
        .select((eb) => eb.fn.max('position').as('position'))
        .where('school_id', '=', schoolId)
        .executeTakeFirst();
      const start = (last?.position ?? 0) + 1;
      await db
        .insertInto('consent_purpose')
        .values(
          purposes.map((purpose, i) => ({
            school_id: schoolId,
            key: purpose.key ?? null,
            title: purpose.title,
            explanation: purpose.explanation,
            position: start + i,
            created_at: at,
          })),
        )
        .onConflict((oc) => oc.columns(['school_id', 'key']).where('key', 'is not', null).doNothing())
        .execute();
    },

    async reword(id: string, purpose: NewConsentPurpose): Promise<boolean> {
      const result = await db
        .updateTable('consent_purpose')
        .set({ title: purpose.title, explanation: purpose.explanation })
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** Retires a purpose, or brings a retired one back (`at` undefined). */
    async retire(id: string, at: Date | undefined): Promise<boolean> {
      const result = await db
        .updateTable('consent_purpose')
        .set({ retired_at: at ?? null })
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async record(records: readonly NewConsentRecord[]): Promise<ConsentRecord[]> {
      if (records.length === 0) return [];
      const rows = await db
        .insertInto('consent_record')
        .values(
          records.map((record) => ({
            school_id: schoolId,
            pupil_id: record.pupilId,
            purpose_id: record.purposeId,
            answer: record.answer,
            answered_by: record.answeredBy,
            answered_at: record.at,
          })),
        )
        .returningAll()
        .execute();
      return rows.map(toRecord);
    },

    /** Every answer for these pupils (or the whole school), oldest first, in the order recorded. */
    async history(pupilIds?: readonly string[]): Promise<ConsentRecord[]> {
      if (pupilIds?.length === 0) return [];
      let query = db.selectFrom('consent_record').selectAll().where('school_id', '=', schoolId);
      if (pupilIds) query = query.where('pupil_id', 'in', pupilIds);
      const rows = await query.orderBy('answered_at').orderBy('seq').execute();
      return rows.map(toRecord);
    },

    /** Pupils on the roll on `day`, in one year group, one class, or all, by family then first name. */
    async pupilsOnRoll(day: string, group?: PupilGroup): Promise<Pupil[]> {
      let query = db
        .selectFrom('pupil')
        .selectAll()
        .where('school_id', '=', schoolId)
        .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', day)]));
      if (group && 'yearGroup' in group) query = query.where('year_group', '=', group.yearGroup);
      if (group && 'className' in group) query = query.where('class_name', '=', group.className);
      const rows = await query.orderBy('legal_family_name').orderBy('legal_given_name').orderBy('id').execute();
      return rows.map(toPupil);
    },

    /** Everyone with parental responsibility for a pupil on the roll, once each, with their email if any. */
    async renewalAudience(day: string): Promise<{ personId: string; email?: string }[]> {
      const rows = await db
        .selectFrom('carer_link')
        .innerJoin('pupil', (join) =>
          join.onRef('pupil.id', '=', 'carer_link.pupil_id').onRef('pupil.school_id', '=', 'carer_link.school_id'),
        )
        .innerJoin('person', (join) =>
          join.onRef('person.id', '=', 'carer_link.carer_id').onRef('person.school_id', '=', 'carer_link.school_id'),
        )
        .select(['person.id as personId', 'person.email'])
        .distinct()
        .where('carer_link.school_id', '=', schoolId)
        .where('carer_link.parental_responsibility', '=', true)
        .where((eb) => eb.or([eb('pupil.left_on', 'is', null), eb('pupil.left_on', '>', day)]))
        .orderBy('person.id')
        .execute();
      return rows.map((row) => ({ personId: row.personId, ...(row.email !== null && { email: row.email }) }));
    },

    async startRenewal(renewal: NewConsentRenewal): Promise<ConsentRenewal> {
      const row = await db
        .insertInto('consent_renewal')
        .values({
          school_id: schoolId,
          started_by: renewal.startedBy,
          started_at: renewal.at,
          asked: renewal.recipients.length,
          without_email: renewal.withoutEmail,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (renewal.recipients.length > 0) {
        await db
          .insertInto('consent_renewal_recipient')
          .values(
            renewal.recipients.map((recipient) => ({
              school_id: schoolId,
              renewal_id: row.id,
              person_id: recipient.personId,
              email: recipient.email,
            })),
          )
          .execute();
      }
      return toRenewal(row);
    },

    async latestRenewal(): Promise<ConsentRenewal | undefined> {
      const row = await db
        .selectFrom('consent_renewal')
        .selectAll()
        .where('school_id', '=', schoolId)
        .orderBy('started_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && toRenewal(row);
    },

    async renewalProgress(renewalId: string): Promise<{ sent: number; total: number }> {
      const row = await db
        .selectFrom('consent_renewal_recipient')
        .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('sent_at').as('sent')])
        .where('school_id', '=', schoolId)
        .where('renewal_id', '=', renewalId)
        .executeTakeFirstOrThrow();
      return { sent: Number(row.sent), total: Number(row.total) };
    },

    /** Gives a claim back when the mail server did not take the email, for a later run. */
    async unclaimRenewalEmail(id: string): Promise<void> {
      await db
        .updateTable('consent_renewal_recipient')
        .set({ sent_at: null })
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .execute();
    },
  };
}

/** Across every school: consent, in the unit of work's transaction. */
export function consentAcrossSchools(db: Kysely<Tables>) {
  return {
    /**
     * Across every school, for the scheduled job: marks up to `limit` unsent renewal emails as sent at
     * `at` in one statement, skipping rows another run holds, and returns them to send.
     */
    async claimRenewalEmails(at: Date, limit: number, skip: readonly string[]): Promise<ClaimedRenewalEmail[]> {
      const rows = await db
        .updateTable('consent_renewal_recipient')
        .set({ sent_at: at })
        .where('sent_at', 'is', null)
        .where('id', 'in', (eb) => {
          let pending = eb
            .selectFrom('consent_renewal_recipient as r')
            .select('r.id')
            .where('r.sent_at', 'is', null)
            .orderBy('r.id')
            .limit(limit)
            .forUpdate()
            .skipLocked();
          if (skip.length > 0) pending = pending.where('r.id', 'not in', skip);
          return pending;
        })
        .returning(['id', 'school_id', 'email'])
        .execute();
      return rows.map((row) => ({ id: row.id, schoolId: row.school_id, email: row.email }));
    },
  };
}
