// Monitoring what is said about the school: its watch settings (names, handles, how long mentions
// are kept), the staff who asked to be watched for, the public sources polled with their health,
// and the mentions found about the school, with their labels, review and any reply or escalation.
import { sql, type Kysely } from 'kysely';
import { scopeToSchool } from './school-scope-policy.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('monitoring_setting')
    .addColumn('school_id', 'uuid', (c) => c.primaryKey().references('school.id'))
    .addColumn('names', 'jsonb', (c) => c.notNull())
    .addColumn('handles', 'jsonb', (c) => c.notNull())
    .addColumn('retention_months', 'integer', (c) => c.notNull().check(sql`retention_months between 1 and 120`))
    .addColumn('updated_by', 'uuid', (c) => c.notNull().references('person.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('monitoring_staff')
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id'))
    .addColumn('since', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('monitoring_staff_pk', ['school_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('monitoring_source')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('source', 'jsonb', (c) => c.notNull())
    .addColumn('health', 'jsonb', (c) => c.notNull())
    .addColumn('seen', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('next_poll_at', 'timestamptz', (c) => c.notNull())
    .addColumn('added_by', 'uuid', (c) => c.notNull().references('person.id'))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('monitoring_source_due').on('monitoring_source').column('next_poll_at').execute();

  await db.schema
    .createTable('mention')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('source_id', 'uuid', (c) => c.references('monitoring_source.id').onDelete('set null'))
    .addColumn('source_kind', 'text', (c) =>
      c.notNull().check(sql`source_kind in ('rss', 'mastodon', 'bluesky', 'manual')`),
    )
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('author', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('has_image', 'boolean', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz')
    .addColumn('found_at', 'timestamptz', (c) => c.notNull())
    .addColumn('labels', 'jsonb', (c) => c.notNull())
    .addColumn('evidence', 'jsonb', (c) => c.notNull())
    .addColumn('severity', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('new')
        .check(sql`status in ('new', 'reviewed', 'responded', 'escalated')`),
    )
    .addColumn('corrected_labels', 'jsonb')
    .addColumn('response', 'text')
    .addColumn('reviewed_by', 'uuid', (c) => c.references('person.id'))
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('incident_id', 'uuid')
    .addColumn('captured_by', 'uuid', (c) => c.references('person.id'))
    .addColumn('screenshot', 'jsonb')
    .addUniqueConstraint('mention_once', ['school_id', 'source_kind', 'external_id'])
    .execute();
  await db.schema.createIndex('mention_inbox').on('mention').columns(['school_id', 'status', 'severity']).execute();
  await db.schema.createIndex('mention_found').on('mention').columns(['school_id', 'found_at']).execute();

  for (const table of ['monitoring_setting', 'monitoring_staff', 'monitoring_source', 'mention'])
    await scopeToSchool(db, table);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['mention', 'monitoring_source', 'monitoring_staff', 'monitoring_setting'])
    await db.schema.dropTable(table).execute();
}
