// One-time links sent by email (invitations, password resets, sign-in links). Only a hash of
// each link's token is kept, so a copy of the database opens no account; the token itself
// exists only in the email.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('one_time_link')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('school_id', 'uuid', (c) => c.notNull())
    .addColumn('account_id', 'uuid', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('invitation', 'password_reset', 'sign_in')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addCheckConstraint('one_time_link_expiry', sql`expires_at >= created_at`)
    .addForeignKeyConstraint(
      'one_time_link_account',
      ['school_id', 'account_id'],
      'account',
      ['school_id', 'id'],
      (c) => c.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('one_time_link_account_purpose')
    .on('one_time_link')
    .columns(['school_id', 'account_id', 'purpose'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('one_time_link').execute();
}
