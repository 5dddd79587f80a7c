// A school's single sign-on: which provider, its registered client (the secret sealed), and the
// email domain whose addresses go to it. One domain belongs to one school.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_on_setting')
    .addColumn('school_id', 'uuid', (c) => c.primaryKey().references('school.id'))
    .addColumn('provider', 'text', (c) => c.notNull().check(sql`provider in ('google', 'microsoft')`))
    .addColumn('tenant_id', 'text')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('client_secret', 'text', (c) => c.notNull())
    .addColumn('email_domain', 'text', (c) =>
      c
        .notNull()
        .unique()
        .check(sql`email_domain = lower(email_domain)`),
    )
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sign_on_setting').execute();
}
