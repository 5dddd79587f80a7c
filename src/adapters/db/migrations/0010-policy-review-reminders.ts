// Which reminders of a policy review have gone: one row per version and reminder, so each goes once.
import { sql, type Kysely } from 'kysely';
import { scopeToSchool } from './school-scope-policy.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('policy_review_reminder')
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('version_id', 'uuid', (c) => c.notNull().references('policy_version.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_review_reminder_pk', ['version_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('policy_version_review_due')
    .on('policy_version')
    .column('review_due')
    .where(sql.ref('status'), '=', 'published')
    .execute();
  await scopeToSchool(db, 'policy_review_reminder');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('policy_version_review_due').execute();
  await db.schema.dropTable('policy_review_reminder').execute();
}
