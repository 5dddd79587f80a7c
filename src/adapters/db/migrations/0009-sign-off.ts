// Sign-off of the school's published policy: campaigns asking one audience to acknowledge a
// version, the people asked, the emailed links they answer by, and every answer given. An answer
// is tied to the exact text read (the version's content hash) and is never changed afterwards.
import { sql, type Kysely } from 'kysely';
import { scopeToSchool } from './school-scope-policy.ts';

const tables = ['sign_off_campaign', 'sign_off_recipient', 'sign_off_link', 'policy_acknowledgement'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_off_campaign')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('version_id', 'uuid', (c) => c.notNull().references('policy_version.id'))
    .addColumn('audience', 'text', (c) =>
      c.notNull().check(sql`audience in ('staff', 'governor', 'volunteer', 'pta_member', 'parent')`),
    )
    .addColumn('started_by', 'uuid', (c) => c.notNull().references('person.id'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('without_email', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_at', 'timestamptz')
    .execute();
  // One open campaign per audience: a newer one closes the one before.
  await sql`create unique index sign_off_campaign_one_open on sign_off_campaign (school_id, audience)
            where closed_at is null`.execute(db);

  await db.schema
    .createTable('sign_off_recipient')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('campaign_id', 'uuid', (c) => c.notNull().references('sign_off_campaign.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('invited_at', 'timestamptz')
    .addColumn('first_chaser_at', 'timestamptz')
    .addColumn('second_chaser_at', 'timestamptz')
    .addUniqueConstraint('sign_off_recipient_once', ['campaign_id', 'person_id'])
    .execute();
  await db.schema.createIndex('sign_off_recipient_person').on('sign_off_recipient').columns(['person_id']).execute();

  await db.schema
    .createTable('sign_off_link')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('recipient_id', 'uuid', (c) => c.notNull().references('sign_off_recipient.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_off_link_recipient').on('sign_off_link').columns(['recipient_id']).execute();

  await db.schema
    .createTable('policy_acknowledgement')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('person.id'))
    .addColumn('version_id', 'uuid', (c) => c.notNull().references('policy_version.id'))
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull().check(sql`answer in ('acknowledged', 'declined')`))
    .addColumn('reason', 'text')
    .addColumn('recipient_id', 'uuid', (c) => c.references('sign_off_recipient.id').unique())
    .addColumn('answered_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('policy_acknowledgement_reason', sql`(answer = 'declined') = (reason is not null)`)
    .execute();
  await db.schema
    .createIndex('policy_acknowledgement_person')
    .on('policy_acknowledgement')
    .columns(['school_id', 'person_id', 'version_id'])
    .execute();
  // Answers are records: kept as given.
  await sql`
    create function policy_acknowledgement_kept() returns trigger language plpgsql as $$
    begin
      raise exception 'an answer to the policy is kept as it was given';
    end $$`.execute(db);
  await sql`create trigger policy_acknowledgement_unchanged before update or delete on policy_acknowledgement
            for each row execute function policy_acknowledgement_kept()`.execute(db);

  for (const table of tables) await scopeToSchool(db, table);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('policy_acknowledgement').execute();
  await sql`drop function policy_acknowledgement_kept()`.execute(db);
  await db.schema.dropTable('sign_off_link').execute();
  await db.schema.dropTable('sign_off_recipient').execute();
  await db.schema.dropTable('sign_off_campaign').execute();
}
