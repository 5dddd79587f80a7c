// Row-level security on every table that belongs to a school. A transaction sees and writes only
// rows of the school it is scoped to (`footprint.school_id`), unless it is one of the few that
// must look across schools (`footprint.all_schools`). The school is compared as a uuid, so the
// indexes on school_id still serve. FORCE applies this to the tables' owner too, for when
// Footprint serves as the owner (see privileges.ts); a superuser (as the embedded database runs)
// is not bound by it, and there the application's own school checks stand alone.
import { sql, type Kysely } from 'kysely';

export const schoolTables = [
  'person',
  'person_role',
  'pupil',
  'carer_link',
  'account',
  'recovery_code',
  'session',
  'audit_entry',
  'audit_chain',
  'one_time_link',
  'sign_on_setting',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of schoolTables) {
    const name = sql.table(table);
    await sql`alter table ${name} enable row level security`.execute(db);
    await sql`alter table ${name} force row level security`.execute(db);
    await sql`
      create policy school_scope on ${name}
        using (current_setting('footprint.all_schools', true) = 'on'
               or school_id = nullif(current_setting('footprint.school_id', true), '')::uuid)
        with check (current_setting('footprint.all_schools', true) = 'on'
               or school_id = nullif(current_setting('footprint.school_id', true), '')::uuid)
    `.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of schoolTables) {
    const name = sql.table(table);
    await sql`drop policy school_scope on ${name}`.execute(db);
    await sql`alter table ${name} no force row level security`.execute(db);
    await sql`alter table ${name} disable row level security`.execute(db);
  }
}
