// The register of the school's official social media accounts: each request with its risk
// assessment and the Headteacher's decision, the history of every change (kept as written), and
// the login of each approved account in escrow: sealed under its own data key, wrapped by the
// master key. Nothing here holds a login in plain text.
import { sql, type Kysely } from 'kysely';
import { scopeToSchool } from './school-scope-policy.ts';

const tables = ['official_account', 'official_account_event', 'official_account_login'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('official_account')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('manager_person_id', 'uuid', (c) => c.notNull().references('person.id'))
    .addColumn('comments_on', 'boolean', (c) => c.notNull())
    .addColumn('interaction', 'text', (c) => c.notNull().check(sql`interaction in ('one_way', 'two_way')`))
    .addColumn('risk_answers', 'jsonb', (c) => c.notNull())
    .addColumn('risk_level', 'text', (c) => c.notNull().check(sql`risk_level in ('low', 'medium', 'high')`))
    .addColumn('risk_reasons', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('requested', 'approved', 'declined')`))
    .addColumn('requested_by', 'uuid', (c) => c.notNull().references('person.id'))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_by', 'uuid', (c) => c.references('person.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('review_due', 'date')
    .addColumn('decline_reason', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('official_account_decline_reason', sql`(status = 'declined') = (decline_reason is not null)`)
    .addCheckConstraint('official_account_review_due', sql`(status = 'approved') = (review_due is not null)`)
    .execute();
  await db.schema.createIndex('official_account_school').on('official_account').columns(['school_id']).execute();

  await db.schema
    .createTable('official_account_event')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('account_id', 'uuid', (c) => c.notNull().references('official_account.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_person_id', 'uuid', (c) => c.notNull().references('person.id'))
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('official_account_event_account')
    .on('official_account_event')
    .columns(['account_id', 'at'])
    .execute();
  // History is a record of what happened: kept as written.
  await sql`
    create function official_account_event_kept() returns trigger language plpgsql as $$
    begin
      raise exception 'the history of an official account is kept as it was written';
    end $$`.execute(db);
  await sql`create trigger official_account_event_unchanged before update or delete on official_account_event
            for each row execute function official_account_event_kept()`.execute(db);

  await db.schema
    .createTable('official_account_login')
    .addColumn('account_id', 'uuid', (c) => c.primaryKey().references('official_account.id'))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('ciphertext', 'text', (c) => c.notNull())
    .addColumn('deposited_by', 'uuid', (c) => c.notNull().references('person.id'))
    .addColumn('deposited_at', 'timestamptz', (c) => c.notNull())
    .execute();

  for (const table of tables) await scopeToSchool(db, table);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('official_account_login').execute();
  await db.schema.dropTable('official_account_event').execute();
  await sql`drop function official_account_event_kept()`.execute(db);
  await db.schema.dropTable('official_account').execute();
}
