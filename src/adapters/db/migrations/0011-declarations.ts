// The declarations register: relationships outside school that staff, governors and volunteers
// declare, the Headteacher's decision on each, and which review reminders have gone.
import { sql, type Kysely } from 'kysely';
import { scopeToSchool } from './school-scope-policy.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('declaration')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('parent_friendship', 'family_link', 'former_pupil')`),
    )
    .addColumn('parent_id', 'uuid', (c) => c.references('person.id'))
    .addColumn('pupil_id', 'uuid', (c) => c.references('pupil.id'))
    .addColumn('relationship', 'text')
    .addColumn('description', 'text')
    .addColumn('left_when', 'text')
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'approved', 'declined')`),
    )
    .addColumn('declared_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_by', 'uuid', (c) => c.references('person.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('review_due', 'date')
    .addColumn('decline_reason', 'text')
    // Each kind names or describes the other person its own way.
    .addCheckConstraint(
      'declaration_subject',
      sql`(kind = 'parent_friendship' and (parent_id is not null) <> (description is not null) and pupil_id is null)
          or (kind = 'family_link' and pupil_id is not null and relationship is not null)
          or (kind = 'former_pupil' and description is not null and left_when is not null)`,
    )
    .addCheckConstraint(
      'declaration_decision',
      sql`(status = 'pending' and decided_at is null)
          or (status = 'approved' and decided_at is not null and review_due is not null)
          or (status = 'declined' and decided_at is not null and decline_reason is not null)`,
    )
    .execute();
  await db.schema.createIndex('declaration_person').on('declaration').columns(['school_id', 'person_id']).execute();
  await db.schema
    .createIndex('declaration_review_due')
    .on('declaration')
    .column('review_due')
    .where(sql.ref('status'), '=', 'approved')
    .execute();

  await db.schema
    .createTable('declaration_reminder')
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('declaration_id', 'uuid', (c) => c.notNull().references('declaration.id'))
    .addColumn('review_due', 'date', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('declaration_reminder_pk', ['declaration_id', 'review_due'])
    .execute();

  for (const table of ['declaration', 'declaration_reminder']) await scopeToSchool(db, table);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('declaration_reminder').execute();
  await db.schema.dropTable('declaration').execute();
}
