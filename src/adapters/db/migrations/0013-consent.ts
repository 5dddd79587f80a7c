// The consent register: each school's purposes (photos on the website, named alongside a photo…),
// every answer a parent or carer gives for a pupil, kept as given, and the yearly renewal with the
// families it emails. The latest answer stands; none is ever changed or removed.
import { sql, type Kysely } from 'kysely';
import { scopeToSchool } from './school-scope-policy.ts';

const tables = ['consent_purpose', 'consent_record', 'consent_renewal', 'consent_renewal_recipient'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('consent_purpose')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('key', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('retired_at', 'timestamptz')
    .execute();
  // Each default purpose once per school, so that two first visits at once cannot add them twice.
  await sql`create unique index consent_purpose_key on consent_purpose (school_id, key) where key is not null`.execute(
    db,
  );

  await db.schema
    .createTable('consent_record')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('seq', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('pupil_id', 'uuid', (c) => c.notNull().references('pupil.id'))
    .addColumn('purpose_id', 'uuid', (c) => c.notNull().references('consent_purpose.id'))
    .addColumn('answer', 'text', (c) => c.notNull().check(sql`answer in ('given', 'refused')`))
    .addColumn('answered_by', 'uuid', (c) => c.notNull().references('person.id'))
    .addColumn('answered_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('consent_record_pupil')
    .on('consent_record')
    .columns(['school_id', 'pupil_id', 'purpose_id'])
    .execute();
  // Answers are records: a change is a new answer, never an edit of an old one.
  await sql`
    create function consent_record_kept() returns trigger language plpgsql as $$
    begin
      raise exception 'a consent answer is kept as it was given';
    end $$`.execute(db);
  await sql`create trigger consent_record_unchanged before update or delete on consent_record
            for each row execute function consent_record_kept()`.execute(db);

  await db.schema
    .createTable('consent_renewal')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('started_by', 'uuid', (c) => c.notNull().references('person.id'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('asked', 'integer', (c) => c.notNull())
    .addColumn('without_email', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('consent_renewal_recipient')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('renewal_id', 'uuid', (c) => c.notNull().references('consent_renewal.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz')
    .addUniqueConstraint('consent_renewal_recipient_once', ['renewal_id', 'person_id'])
    .execute();
  await sql`create index consent_renewal_recipient_unsent on consent_renewal_recipient (renewal_id)
            where sent_at is null`.execute(db);

  for (const table of tables) await scopeToSchool(db, table);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('consent_renewal_recipient').execute();
  await db.schema.dropTable('consent_renewal').execute();
  await db.schema.dropTable('consent_record').execute();
  await sql`drop function consent_record_kept()`.execute(db);
  await db.schema.dropTable('consent_purpose').execute();
}
