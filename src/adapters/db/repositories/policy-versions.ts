// A school's policy versions and their ratifications. Every query names the school, except the
// sweeps across schools (reviews due, a trust's published versions to adopt from). Only a draft's
// text is ever rewritten, and the database refuses anything else (see migration 0008).
import type { Kysely, Selectable } from 'kysely';
import { displayName } from '../../../domain/community/people.ts';
import type { Policy } from '../../../domain/policy/index.ts';
import type {
  AdoptedFrom,
  PolicyVersion,
  Ratification,
  VersionStatus,
  VersionSummary,
} from '../../../domain/school-policy/versions.ts';
import type { NewPolicyVersion, VersionStamps } from '../../../services/ports.ts';
import type { PolicyVersionTable, Tables } from '../tables.ts';

interface Named {
  given_name: string;
  family_name: string;
  preferred_name: string | null;
}

const nameOf = (row: Named) =>
  displayName({
    givenName: row.given_name,
    familyName: row.family_name,
    ...(row.preferred_name === null ? {} : { preferredName: row.preferred_name }),
  });

function toVersion(row: Selectable<PolicyVersionTable> & Named): PolicyVersion {
  return { ...toSummary(row), document: row.document as Policy };
}

function toSummary(row: Omit<Selectable<PolicyVersionTable>, 'document'> & Named): VersionSummary {
  const version: VersionSummary = {
    id: row.id,
    schoolId: row.school_id,
    number: row.number,
    label: row.label,
    status: row.status as VersionStatus,
    contentHash: row.content_hash,
    createdBy: row.created_by,
    createdByName: nameOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.adopted_from !== null) version.adoptedFrom = row.adopted_from as AdoptedFrom;
  if (row.change_summary !== null) version.changeSummary = row.change_summary;
  if (row.submitted_at) version.submittedAt = row.submitted_at;
  if (row.ratified_at) version.ratifiedAt = row.ratified_at;
  if (row.published_at) version.publishedAt = row.published_at;
  if (row.superseded_at) version.supersededAt = row.superseded_at;
  if (row.review_due !== null) version.reviewDue = row.review_due;
  return version;
}

/** Versions with the name of who made each, of any school. */
function withMakers(db: Kysely<Tables>) {
  return db
    .selectFrom('policy_version as v')
    .innerJoin('person as p', (join) =>
      join.onRef('p.id', '=', 'v.created_by').onRef('p.school_id', '=', 'v.school_id'),
    )
    .selectAll('v')
    .select(['p.given_name', 'p.family_name', 'p.preferred_name']);
}

function versions(db: Kysely<Tables>, schoolId: string) {
  return withMakers(db).where('v.school_id', '=', schoolId);
}

/** One school's policyVersions, in the unit of work's transaction. */
export function policyVersionsInSchool(db: Kysely<Tables>, schoolId: string) {
  return {
    async add(version: NewPolicyVersion): Promise<PolicyVersion> {
      const last = await db
        .selectFrom('policy_version')
        .select((eb) => eb.fn.max('number').as('number'))
        .where('school_id', '=', schoolId)
        .executeTakeFirst();
      const { id } = await db
        .insertInto('policy_version')
        .values({
          school_id: schoolId,
          number: (last?.number ?? 0) + 1,
          label: version.label,
          status: 'draft',
          document: JSON.stringify(version.document),
          content_hash: version.contentHash,
          adopted_from: version.adoptedFrom ? JSON.stringify(version.adoptedFrom) : null,
          change_summary: version.changeSummary ?? null,
          created_by: version.createdBy,
          created_at: version.at,
          updated_at: version.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const added = await policyVersionsInSchool(db, schoolId).find(id);
      if (!added) throw new Error('The policy version was not added');
      return added;
    },

    async find(id: string): Promise<PolicyVersion | undefined> {
      const row = await versions(db, schoolId).where('v.id', '=', id).executeTakeFirst();
      return row && toVersion(row);
    },

    async byNumber(number: number): Promise<PolicyVersion | undefined> {
      const row = await versions(db, schoolId).where('v.number', '=', number).executeTakeFirst();
      return row && toVersion(row);
    },

    /** Every version of the school's policy without its text, newest first. */
    async all(): Promise<VersionSummary[]> {
      const rows = await db
        .selectFrom('policy_version as v')
        .innerJoin('person as p', (join) =>
          join.onRef('p.id', '=', 'v.created_by').onRef('p.school_id', '=', 'v.school_id'),
        )
        .select([
          'v.id',
          'v.school_id',
          'v.number',
          'v.label',
          'v.status',
          'v.content_hash',
          'v.adopted_from',
          'v.change_summary',
          'v.created_by',
          'v.created_at',
          'v.updated_at',
          'v.submitted_at',
          'v.ratified_at',
          'v.published_at',
          'v.superseded_at',
          'v.review_due',
          'p.given_name',
          'p.family_name',
          'p.preferred_name',
        ])
        .where('v.school_id', '=', schoolId)
        .orderBy('v.number', 'desc')
        .execute();
      return rows.map(toSummary);
    },

    /** The version in the making (draft, with the governors, or ratified and not yet published). */
    async inHand(): Promise<PolicyVersion | undefined> {
      const row = await versions(db, schoolId)
        .where('v.status', 'in', ['draft', 'awaiting_ratification', 'ratified'])
        .executeTakeFirst();
      return row && toVersion(row);
    },

    async published(): Promise<PolicyVersion | undefined> {
      const row = await versions(db, schoolId).where('v.status', '=', 'published').executeTakeFirst();
      return row && toVersion(row);
    },

    /** Rewrites a draft's text; false when the version is not a draft (any more). */
    async saveDraft(
      id: string,
      draft: { document: Policy; contentHash: string; changeSummary?: string; at: Date },
    ): Promise<boolean> {
      const result = await db
        .updateTable('policy_version')
        .set({
          document: JSON.stringify(draft.document),
          content_hash: draft.contentHash,
          ...(draft.changeSummary === undefined ? {} : { change_summary: draft.changeSummary }),
          updated_at: draft.at,
        })
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** Moves a version from one status to the next; false when it was not in `from` (any more). */
    async move(id: string, from: VersionStatus, to: VersionStatus, stamps: VersionStamps): Promise<boolean> {
      const result = await db
        .updateTable('policy_version')
        .set({
          status: to,
          updated_at: stamps.at,
          ...(stamps.submittedAt === undefined ? {} : { submitted_at: stamps.submittedAt }),
          ...(stamps.ratifiedAt === undefined ? {} : { ratified_at: stamps.ratifiedAt }),
          ...(stamps.publishedAt === undefined ? {} : { published_at: stamps.publishedAt }),
          ...(stamps.supersededAt === undefined ? {} : { superseded_at: stamps.supersededAt }),
          ...(stamps.reviewDue === undefined ? {} : { review_due: stamps.reviewDue }),
        })
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .where('status', '=', from)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** Removes a draft that was never sent to the governors; false for anything else. */
    async discard(id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('policy_version')
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async ratify(ratification: Omit<Ratification, 'id' | 'recordedByName'>): Promise<void> {
      await db
        .insertInto('policy_ratification')
        .values({
          school_id: schoolId,
          version_id: ratification.versionId,
          recorded_by: ratification.recordedBy,
          ratified_on: ratification.ratifiedOn,
          meeting: ratification.meeting,
          recorded_at: ratification.recordedAt,
        })
        .execute();
    },

    /** The ratifications of these versions (all of the school's when none are named), oldest first. */
    async ratifications(versionIds?: readonly string[]): Promise<Ratification[]> {
      if (versionIds?.length === 0) return [];
      let query = db
        .selectFrom('policy_ratification as r')
        .innerJoin('person as p', (join) =>
          join.onRef('p.id', '=', 'r.recorded_by').onRef('p.school_id', '=', 'r.school_id'),
        )
        .selectAll('r')
        .select(['p.given_name', 'p.family_name', 'p.preferred_name'])
        .where('r.school_id', '=', schoolId);
      if (versionIds) query = query.where('r.version_id', 'in', [...versionIds]);
      const rows = await query.orderBy('r.ratified_on').orderBy('r.recorded_at').execute();
      return rows.map((row) => ({
        id: row.id,
        versionId: row.version_id,
        recordedBy: row.recorded_by,
        recordedByName: nameOf(row),
        ratifiedOn: row.ratified_on,
        meeting: row.meeting,
        recordedAt: row.recorded_at,
      }));
    },

    /** Claims a reminder for sending; false when it has already been claimed (sent). */
    async claimReminder(versionId: string, kind: string, at: Date): Promise<boolean> {
      const inserted = await db
        .insertInto('policy_review_reminder')
        .values({ school_id: schoolId, version_id: versionId, kind, sent_at: at })
        .onConflict((oc) => oc.columns(['version_id', 'kind']).doNothing())
        .returning('kind')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    /** Gives a claimed reminder back, when it could not be sent, so that the next run tries again. */
    async releaseReminder(versionId: string, kind: string): Promise<void> {
      await db
        .deleteFrom('policy_review_reminder')
        .where('school_id', '=', schoolId)
        .where('version_id', '=', versionId)
        .where('kind', '=', kind)
        .execute();
    },
  };
}

/** Across every school: policyVersions, in the unit of work's transaction. */
export function policyVersionsAcrossSchools(db: Kysely<Tables>) {
  return {
    /** Published versions of every school whose review falls between the two days (inclusive). */
    async dueForReview(
      from: string,
      until: string,
    ): Promise<{ schoolId: string; versionId: string; label: string; reviewDue: string }[]> {
      const rows = await db
        .selectFrom('policy_version')
        .select(['school_id', 'id', 'label', 'review_due'])
        .where('status', '=', 'published')
        .where('review_due', '>=', from)
        .where('review_due', '<=', until)
        .orderBy('review_due')
        .execute();
      return rows.map((row) => ({
        schoolId: row.school_id,
        versionId: row.id,
        label: row.label,
        reviewDue: row.review_due ?? until,
      }));
    },

    /** The version each of these schools publishes now; a school that publishes none has none here. */
    async publishedOf(schoolIds: readonly string[]): Promise<PolicyVersion[]> {
      if (schoolIds.length === 0) return [];
      const rows = await withMakers(db)
        .where('v.school_id', 'in', [...schoolIds])
        .where('v.status', '=', 'published')
        .execute();
      return rows.map(toVersion);
    },
  };
}
