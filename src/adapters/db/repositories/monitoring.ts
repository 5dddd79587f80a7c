// Monitoring: each school's watch settings, the staff watched for, its sources with their health
// and the posts already seen, and the mentions kept. A mention is stored once per source post.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Label } from '../../../domain/monitoring/classify.ts';
import type { MentionStatus } from '../../../domain/monitoring/inbox.ts';
import type { SourceHealth, SourceProblem } from '../../../domain/monitoring/source-health.ts';
import type {
  FeedSource,
  MentionChange,
  MonitoringSettings,
  NewMention,
  StoredMention,
  StoredSource,
} from '../../../services/ports.ts';
import type { MentionTable, MonitoringSourceTable, Tables } from '../tables.ts';

/** Posts remembered per source, newest last, so that one delivered again is not stored twice. */
const seenLimit = 2000;

function healthFrom(raw: unknown): SourceHealth {
  const value = (raw ?? {}) as Record<string, unknown>;
  const date = (key: string) => (typeof value[key] === 'string' ? new Date(value[key]) : undefined);
  return {
    consecutiveFailures: typeof value.consecutiveFailures === 'number' ? value.consecutiveFailures : 0,
    nextPollAt: date('nextPollAt') ?? new Date(0),
    ...(date('failingSince') && { failingSince: date('failingSince')! }),
    ...(date('lastSuccessAt') && { lastSuccessAt: date('lastSuccessAt')! }),
    ...(typeof value.lastProblem === 'string' && { lastProblem: value.lastProblem as SourceProblem }),
    ...(typeof value.lastDetail === 'string' && { lastDetail: value.lastDetail }),
    ...(typeof value.cursor === 'string' && { cursor: value.cursor }),
  };
}

function toSource(row: Selectable<MonitoringSourceTable>): StoredSource {
  return {
    id: row.id,
    schoolId: row.school_id,
    source: row.source as FeedSource,
    health: healthFrom(row.health),
    seen: Array.isArray(row.seen) ? (row.seen as string[]) : [],
    addedAt: row.added_at,
  };
}

function toMention(row: Selectable<MentionTable>): StoredMention {
  return {
    id: row.id,
    schoolId: row.school_id,
    ...(row.source_id !== null && { sourceId: row.source_id }),
    sourceKind: row.source_kind as StoredMention['sourceKind'],
    externalId: row.external_id,
    ...(row.url !== null && { url: row.url }),
    ...(row.author !== null && { author: row.author }),
    text: row.text,
    hasImage: row.has_image,
    ...(row.published_at !== null && { publishedAt: row.published_at }),
    foundAt: row.found_at,
    labels: row.labels as Label[],
    evidence: row.evidence as Partial<Record<Label, string[]>>,
    severity: row.severity,
    status: row.status as MentionStatus,
    ...(row.corrected_labels !== null && { correctedLabels: row.corrected_labels as Label[] }),
    ...(row.response !== null && { response: row.response }),
    ...(row.reviewed_by !== null && { reviewedBy: row.reviewed_by }),
    ...(row.reviewed_at !== null && { reviewedAt: row.reviewed_at }),
    ...(row.incident_id !== null && { incidentId: row.incident_id }),
    ...(row.captured_by !== null && { capturedBy: row.captured_by }),
    ...(row.screenshot !== null && { screenshot: row.screenshot as StoredMention['screenshot'] }),
  };
}

/** One school's monitoring, in the unit of work's transaction. */
export function monitoringInSchool(db: Kysely<Tables>, schoolId: string) {
  return {
    async settings(): Promise<MonitoringSettings | undefined> {
      const row = await db
        .selectFrom('monitoring_setting')
        .selectAll()
        .where('school_id', '=', schoolId)
        .executeTakeFirst();
      return (
        row && {
          names: row.names as string[],
          handles: row.handles as string[],
          retentionMonths: row.retention_months,
        }
      );
    },

    async saveSettings(settings: MonitoringSettings, by: string, at: Date): Promise<void> {
      const values = {
        names: JSON.stringify(settings.names),
        handles: JSON.stringify(settings.handles),
        retention_months: settings.retentionMonths,
        updated_by: by,
        updated_at: at,
      };
      await db
        .insertInto('monitoring_setting')
        .values({ school_id: schoolId, ...values })
        .onConflict((oc) => oc.column('school_id').doUpdateSet(values))
        .execute();
    },

    async watchedStaff(): Promise<string[]> {
      const rows = await db
        .selectFrom('monitoring_staff')
        .select('person_id')
        .where('school_id', '=', schoolId)
        .execute();
      return rows.map((row) => row.person_id);
    },

    async setWatched(personId: string, watched: boolean, at: Date): Promise<void> {
      if (watched) {
        await db
          .insertInto('monitoring_staff')
          .values({ school_id: schoolId, person_id: personId, since: at })
          .onConflict((oc) => oc.columns(['school_id', 'person_id']).doNothing())
          .execute();
      } else {
        await db
          .deleteFrom('monitoring_staff')
          .where('school_id', '=', schoolId)
          .where('person_id', '=', personId)
          .execute();
      }
    },

    async sources(): Promise<StoredSource[]> {
      const rows = await db
        .selectFrom('monitoring_source')
        .selectAll()
        .where('school_id', '=', schoolId)
        .orderBy('added_at')
        .execute();
      return rows.map(toSource);
    },

    async addSource(source: FeedSource, health: SourceHealth, by: string, at: Date): Promise<StoredSource> {
      const row = await db
        .insertInto('monitoring_source')
        .values({
          school_id: schoolId,
          source: JSON.stringify(source),
          health: JSON.stringify(health),
          next_poll_at: health.nextPollAt,
          added_by: by,
          added_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toSource(row);
    },

    async removeSource(id: string): Promise<boolean> {
      const result = await db
        .deleteFrom('monitoring_source')
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    async savePoll(id: string, health: SourceHealth, seen: readonly string[]): Promise<void> {
      await db
        .updateTable('monitoring_source')
        .set({
          health: JSON.stringify(health),
          next_poll_at: health.nextPollAt,
          seen: JSON.stringify(seen.slice(-seenLimit)),
        })
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .execute();
    },

    /** Stores a mention once; undefined when this post of this source is already kept. */
    async addMention(mention: NewMention): Promise<StoredMention | undefined> {
      const row = await db
        .insertInto('mention')
        .values({
          school_id: schoolId,
          source_id: mention.sourceId ?? null,
          source_kind: mention.sourceKind,
          external_id: mention.externalId,
          url: mention.url ?? null,
          author: mention.author ?? null,
          text: mention.text,
          has_image: mention.hasImage,
          published_at: mention.publishedAt ?? null,
          found_at: mention.foundAt,
          labels: JSON.stringify(mention.labels),
          evidence: JSON.stringify(mention.evidence),
          severity: mention.severity,
          captured_by: mention.capturedBy ?? null,
          screenshot: mention.screenshot ? JSON.stringify(mention.screenshot) : null,
        })
        .onConflict((oc) => oc.columns(['school_id', 'source_kind', 'external_id']).doNothing())
        .returningAll()
        .executeTakeFirst();
      return row && toMention(row);
    },

    async mentions(statuses: readonly MentionStatus[]): Promise<StoredMention[]> {
      const rows = await db
        .selectFrom('mention')
        .selectAll()
        .where('school_id', '=', schoolId)
        .where('status', 'in', [...statuses])
        .orderBy('severity', 'desc')
        .orderBy('found_at', 'desc')
        .limit(500)
        .execute();
      return rows.map(toMention);
    },

    async findMention(id: string): Promise<StoredMention | undefined> {
      const row = await db
        .selectFrom('mention')
        .selectAll()
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toMention(row);
    },

    async changeMention(id: string, change: MentionChange): Promise<void> {
      await db
        .updateTable('mention')
        .set({
          ...(change.status && { status: change.status }),
          ...(change.correctedLabels && { corrected_labels: JSON.stringify(change.correctedLabels) }),
          ...(change.response !== undefined && { response: change.response }),
          ...(change.reviewedBy && { reviewed_by: change.reviewedBy }),
          ...(change.reviewedAt && { reviewed_at: change.reviewedAt }),
          ...(change.incidentId && { incident_id: change.incidentId }),
        })
        .where('school_id', '=', schoolId)
        .where('id', '=', id)
        .execute();
    },

    /** Mentions a reviewer has corrected: what the classifier said and what was right. */
    async corrected(): Promise<{ id: string; labels: Label[]; corrected: Label[]; reviewedAt: Date }[]> {
      const rows = await db
        .selectFrom('mention')
        .select(['id', 'labels', 'corrected_labels', 'reviewed_at'])
        .where('school_id', '=', schoolId)
        .where('corrected_labels', 'is not', null)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        labels: row.labels as Label[],
        corrected: row.corrected_labels as Label[],
        reviewedAt: row.reviewed_at ?? new Date(0),
      }));
    },

    /** Deletes the school's mentions found before `before`; returns how many went. */
    async purge(before: Date): Promise<number> {
      const result = await db
        .deleteFrom('mention')
        .where('school_id', '=', schoolId)
        .where('found_at', '<', before)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

/** Across every school: monitoring, in the unit of work's transaction. */
export function monitoringAcrossSchools(db: Kysely<Tables>) {
  return {
    /** Across schools: each school that has saved its settings, with how long it keeps mentions. */
    async retentionOfAll(): Promise<{ schoolId: string; months: number }[]> {
      const rows = await db.selectFrom('monitoring_setting').select(['school_id', 'retention_months']).execute();
      return rows.map((row) => ({ schoolId: row.school_id, months: row.retention_months }));
    },

    /** Across schools: sources whose next poll is due. */
    async dueSources(now: Date): Promise<StoredSource[]> {
      const rows = await db
        .selectFrom('monitoring_source')
        .selectAll()
        .where('next_poll_at', '<=', now)
        .orderBy('next_poll_at')
        .limit(200)
        .execute();
      return rows.map(toSource);
    },

    /** Across schools: which schools have mentions at all, so that retention reaches every one. */
    async schoolsWithMentions(): Promise<string[]> {
      const rows = await db
        .selectFrom('mention')
        .select(sql<string>`distinct school_id`.as('school_id'))
        .execute();
      return rows.map((row) => row.school_id);
    },
  };
}
