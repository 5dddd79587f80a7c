// Retention of closed cases: each school's rules, the cases due for review, and destructions,
// proposed by one person, approved by another, and carried out in one transaction.
import type { Kysely, Selectable } from 'kysely';
import type { Handler } from '../../../domain/incidents/case.ts';
import type { RetentionRules } from '../../../domain/incidents/retention.ts';
import type { CaseDueForReview, Destruction, NewDestruction } from '../../../services/ports.ts';
import type { IncidentDestructionTable, Tables } from '../tables.ts';

function toDestruction(row: Selectable<IncidentDestructionTable>): Destruction {
  return {
    id: row.id,
    caseId: row.incident_id,
    reference: row.reference,
    reportedAt: row.reported_at,
    closedAt: row.closed_at,
    reviewDue: row.review_due,
    reason: row.reason,
    proposedBy: row.proposed_by,
    proposedAt: row.proposed_at,
    ...(row.approved_by !== null && { approvedBy: row.approved_by }),
    ...(row.approved_at !== null && { approvedAt: row.approved_at }),
    ...(row.destroyed_at !== null && { destroyedAt: row.destroyed_at }),
  };
}

/** One school's incidents, in the unit of work's transaction. */
export function incidentRetentionInSchool(db: Kysely<Tables>, schoolId: string) {
  return {
    async retentionRules(): Promise<RetentionRules | undefined> {
      const row = await db
        .selectFrom('incident_retention_rule')
        .select(['child_years', 'other_years'])
        .where('school_id', '=', schoolId)
        .executeTakeFirst();
      return row && { childYears: row.child_years, otherYears: row.other_years };
    },

    async saveRetentionRules(rules: RetentionRules, by: string, at: Date): Promise<void> {
      const values = { child_years: rules.childYears, other_years: rules.otherYears, updated_by: by, updated_at: at };
      await db
        .insertInto('incident_retention_rule')
        .values({ school_id: schoolId, ...values })
        .onConflict((oc) => oc.column('school_id').doUpdateSet(values))
        .execute();
    },

    async dueForReview(day: string): Promise<CaseDueForReview[]> {
      const rows = await db
        .selectFrom('incident')
        .select(['id', 'reference', 'handler', 'reported_at', 'closed_at', 'review_due'])
        .where('school_id', '=', schoolId)
        .where('status', '=', 'closed')
        .where('review_due', '<=', day)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('incident_destruction')
                .select('id')
                .whereRef('incident_destruction.incident_id', '=', 'incident.id')
                .where('incident_destruction.destroyed_at', 'is', null),
            ),
          ),
        )
        .orderBy('review_due')
        .execute();
      return rows.flatMap((row) =>
        row.closed_at && row.review_due
          ? [
              {
                caseId: row.id,
                reference: row.reference,
                handler: row.handler as Handler,
                reportedAt: row.reported_at,
                closedAt: row.closed_at,
                reviewDue: row.review_due,
              },
            ]
          : [],
      );
    },

    async markReviewNotified(caseIds: readonly string[], day: string): Promise<void> {
      if (caseIds.length === 0) return;
      await db
        .updateTable('incident')
        .set({ review_notified_on: day })
        .where('school_id', '=', schoolId)
        .where('id', 'in', caseIds)
        .execute();
    },

    async destructions(): Promise<Destruction[]> {
      const rows = await db
        .selectFrom('incident_destruction')
        .selectAll()
        .where('school_id', '=', schoolId)
        .orderBy('proposed_at', 'desc')
        .execute();
      return rows.map(toDestruction);
    },

    async proposeDestruction(proposal: NewDestruction): Promise<Destruction> {
      const row = await db
        .insertInto('incident_destruction')
        .values({
          school_id: schoolId,
          incident_id: proposal.caseId,
          reference: proposal.reference,
          reported_at: proposal.reportedAt,
          closed_at: proposal.closedAt,
          review_due: proposal.reviewDue,
          reason: proposal.reason,
          proposed_by: proposal.proposedBy,
          proposed_at: proposal.proposedAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toDestruction(row);
    },

    /** Approves a pending proposal and destroys the case: its people, tasks, evidence records and chronology. */
    async approveDestruction(id: string, by: string, at: Date): Promise<Destruction | undefined> {
      const approved = await db
        .updateTable('incident_destruction')
        .set({ approved_by: by, approved_at: at })
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .where('approved_at', 'is', null)
        .where('proposed_by', '<>', by)
        .returningAll()
        .executeTakeFirst();
      if (!approved) return undefined;
      const caseId = approved.incident_id;
      for (const table of [
        'incident_event',
        'incident_chain',
        'incident_task',
        'incident_evidence',
        'incident_party',
      ] as const) {
        await db.deleteFrom(table).where('school_id', '=', schoolId).where('incident_id', '=', caseId).execute();
      }
      await db.deleteFrom('incident').where('school_id', '=', schoolId).where('id', '=', caseId).execute();
      const done = await db
        .updateTable('incident_destruction')
        .set({ destroyed_at: at })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toDestruction(done);
    },
  };
}

/** Across every school: incidents, in the unit of work's transaction. */
export function incidentRetentionAcrossSchools(db: Kysely<Tables>) {
  return {
    /** Across schools: closed cases due for review that the Headteacher has not yet been told of. */
    async reviewsToNotify(day: string): Promise<{ schoolId: string; caseId: string }[]> {
      const rows = await db
        .selectFrom('incident')
        .select(['school_id', 'id'])
        .where('status', '=', 'closed')
        .where('review_due', '<=', day)
        .where('review_notified_on', 'is', null)
        .execute();
      return rows.map((row) => ({ schoolId: row.school_id, caseId: row.id }));
    },
  };
}
