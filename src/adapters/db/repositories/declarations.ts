// The declarations register: each school's declarations, with the names of the people they are
// about, and the claims that make each review reminder go once. Every query names the school,
// but for the scheduled job's look across schools.
import type { Kysely, Selectable } from 'kysely';
import { displayName } from '../../../domain/community/people.ts';
import type {
  Declaration,
  DeclarationKind,
  DeclarationStatus,
  FamilyRelationship,
  NewDeclaration,
} from '../../../domain/registers/declarations.ts';
import type { DeclarationDecision, RegisterEntry } from '../../../services/ports.ts';
import type { DeclarationTable, Tables } from '../tables.ts';

interface Names {
  declarer_given: string;
  declarer_family: string;
  declarer_preferred: string | null;
  parent_given: string | null;
  parent_family: string | null;
  parent_preferred: string | null;
  pupil_given: string | null;
  pupil_family: string | null;
  pupil_preferred: string | null;
  decider_given: string | null;
  decider_family: string | null;
  decider_preferred: string | null;
}

const nameOf = (given: string | null, family: string | null, preferred: string | null) =>
  given === null || family === null
    ? undefined
    : displayName({
        givenName: given,
        familyName: family,
        ...(preferred === null ? {} : { preferredName: preferred }),
      });

function toDeclaration(row: Selectable<DeclarationTable>): Declaration {
  const common = {
    id: row.id,
    schoolId: row.school_id,
    personId: row.person_id,
    explanation: row.explanation,
    status: row.status as DeclarationStatus,
    declaredAt: row.declared_at,
  };
  const kind = row.kind as DeclarationKind;
  const subject =
    kind === 'family_link'
      ? { kind, pupilId: row.pupil_id ?? '', relationship: row.relationship as FamilyRelationship }
      : kind === 'former_pupil'
        ? { kind, description: row.description ?? '', leftWhen: row.left_when ?? '' }
        : {
            kind,
            ...(row.parent_id !== null && { parentId: row.parent_id }),
            ...(row.description !== null && { description: row.description }),
          };
  const declaration: Declaration = { ...common, ...subject };
  if (row.decided_by !== null && row.decided_at !== null) {
    declaration.decision = {
      byPersonId: row.decided_by,
      at: row.decided_at,
      ...(row.review_due !== null && { reviewDue: row.review_due }),
      ...(row.decline_reason !== null && { reason: row.decline_reason }),
    };
  }
  return declaration;
}

function toEntry(row: Selectable<DeclarationTable> & Names): RegisterEntry {
  const declaration = toDeclaration(row);
  const otherName =
    nameOf(row.pupil_given, row.pupil_family, row.pupil_preferred) ??
    nameOf(row.parent_given, row.parent_family, row.parent_preferred);
  const decidedByName = nameOf(row.decider_given, row.decider_family, row.decider_preferred);
  return {
    declaration,
    declarerName: nameOf(row.declarer_given, row.declarer_family, row.declarer_preferred) ?? '',
    ...(otherName !== undefined && { otherName }),
    ...(decidedByName !== undefined && { decidedByName }),
  };
}

function entries(db: Kysely<Tables>, schoolId: string) {
  return db
    .selectFrom('declaration as d')
    .innerJoin('person as who', (join) =>
      join.onRef('who.id', '=', 'd.person_id').onRef('who.school_id', '=', 'd.school_id'),
    )
    .leftJoin('person as par', (join) =>
      join.onRef('par.id', '=', 'd.parent_id').onRef('par.school_id', '=', 'd.school_id'),
    )
    .leftJoin('pupil as pu', (join) => join.onRef('pu.id', '=', 'd.pupil_id').onRef('pu.school_id', '=', 'd.school_id'))
    .leftJoin('person as dec', (join) =>
      join.onRef('dec.id', '=', 'd.decided_by').onRef('dec.school_id', '=', 'd.school_id'),
    )
    .selectAll('d')
    .select([
      'who.given_name as declarer_given',
      'who.family_name as declarer_family',
      'who.preferred_name as declarer_preferred',
      'par.given_name as parent_given',
      'par.family_name as parent_family',
      'par.preferred_name as parent_preferred',
      'pu.legal_given_name as pupil_given',
      'pu.legal_family_name as pupil_family',
      'pu.preferred_name as pupil_preferred',
      'dec.given_name as decider_given',
      'dec.family_name as decider_family',
      'dec.preferred_name as decider_preferred',
    ])
    .where('d.school_id', '=', schoolId);
}

/** One school's declarations, in the unit of work's transaction. */
export function declarationsInSchool(db: Kysely<Tables>, schoolId: string) {
  return {
    async add(personId: string, declaration: NewDeclaration, at: Date): Promise<Declaration> {
      const row = await db
        .insertInto('declaration')
        .values({
          school_id: schoolId,
          person_id: personId,
          kind: declaration.kind,
          parent_id: declaration.kind === 'parent_friendship' ? (declaration.parentId ?? null) : null,
          pupil_id: declaration.kind === 'family_link' ? declaration.pupilId : null,
          relationship: declaration.kind === 'family_link' ? declaration.relationship : null,
          description: declaration.kind === 'family_link' ? null : (declaration.description ?? null),
          left_when: declaration.kind === 'former_pupil' ? declaration.leftWhen : null,
          explanation: declaration.explanation,
          declared_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toDeclaration(row);
    },

    async find(id: string): Promise<RegisterEntry | undefined> {
      const row = await entries(db, schoolId).where('d.id', '=', id).executeTakeFirst();
      return row && toEntry(row);
    },

    /** Someone's own declarations, newest first. */
    async of(personId: string): Promise<RegisterEntry[]> {
      const rows = await entries(db, schoolId)
        .where('d.person_id', '=', personId)
        .orderBy('d.declared_at', 'desc')
        .orderBy('d.id')
        .execute();
      return rows.map(toEntry);
    },

    /** The whole register: those waiting for a decision first, then by the soonest review, then newest. */
    async register(): Promise<RegisterEntry[]> {
      const rows = await entries(db, schoolId)
        .orderBy((eb) => eb.case().when('d.status', '=', 'pending').then(0).else(1).end())
        .orderBy('d.review_due', (ob) => ob.asc().nullsLast())
        .orderBy('d.declared_at', 'desc')
        .orderBy('d.id')
        .execute();
      return rows.map(toEntry);
    },

    /** Records a decision on a declaration waiting for one, or on one approved before; false otherwise. */
    async decide(id: string, decision: DeclarationDecision): Promise<boolean> {
      const result = await db
        .updateTable('declaration')
        .set({
          status: decision.status,
          decided_by: decision.byPersonId,
          decided_at: decision.at,
          review_due: decision.status === 'approved' ? decision.reviewDue : null,
          decline_reason: decision.status === 'declined' ? decision.reason : null,
        })
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .where('status', 'in', ['pending', 'approved'])
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** Claims the reminder of one review for sending; false when it was claimed (sent) before. */
    async claimReminder(declarationId: string, reviewDue: string, at: Date): Promise<boolean> {
      const inserted = await db
        .insertInto('declaration_reminder')
        .values({ school_id: schoolId, declaration_id: declarationId, review_due: reviewDue, sent_at: at })
        .onConflict((oc) => oc.columns(['declaration_id', 'review_due']).doNothing())
        .returning('declaration_id')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    /** Gives a claimed reminder back, when it could not be sent, so that the next run tries again. */
    async releaseReminder(declarationId: string, reviewDue: string): Promise<void> {
      await db
        .deleteFrom('declaration_reminder')
        .where('school_id', '=', schoolId)
        .where('declaration_id', '=', declarationId)
        .where('review_due', '=', reviewDue)
        .execute();
    },
  };
}

/** Across every school: declarations, in the unit of work's transaction. */
export function declarationsAcrossSchools(db: Kysely<Tables>) {
  return {
    /** Approved declarations of every school whose review falls between the two days (inclusive), with who made each. */
    async dueForReview(
      from: string,
      until: string,
    ): Promise<{ schoolId: string; declarationId: string; personId: string; reviewDue: string }[]> {
      const rows = await db
        .selectFrom('declaration')
        .select(['school_id', 'id', 'person_id', 'review_due'])
        .where('status', '=', 'approved')
        .where('review_due', '>=', from)
        .where('review_due', '<=', until)
        .orderBy('school_id')
        .orderBy('review_due')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        schoolId: row.school_id,
        declarationId: row.id,
        personId: row.person_id,
        reviewDue: row.review_due ?? until,
      }));
    },
  };
}
