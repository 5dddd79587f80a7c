// Row-level security for a table that belongs to a school, as migration 0007 set it up for the
// first tables: later migrations use this for theirs, so every school table is guarded the same way.
import { sql, type Kysely } from 'kysely';

export async function scopeToSchool(db: Kysely<unknown>, table: string): Promise<void> {
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
