// Retention of closed cases: each school's rules (none saved means the defaults), and a record of
// each destruction, proposed by one person and approved by another, kept after the case is gone.
// The chronology stays append-only except for a case whose destruction has been approved.
import { sql, type Kysely } from 'kysely';
import { scopeToSchool } from './school-scope-policy.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incident_retention_rule')
    .addColumn('school_id', 'uuid', (c) => c.primaryKey().references('school.id'))
    .addColumn('child_years', 'integer', (c) => c.notNull().check(sql`child_years between 1 and 100`))
    .addColumn('other_years', 'integer', (c) => c.notNull().check(sql`other_years between 1 and 100`))
    .addColumn('updated_by', 'uuid', (c) => c.notNull().references('person.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // No foreign key to the case: this record outlives it, and says only what was destroyed and why.
  await db.schema
    .createTable('incident_destruction')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('incident_id', 'uuid', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('review_due', 'date', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'uuid', (c) => c.notNull())
    .addColumn('proposed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('approved_by', 'uuid')
    .addColumn('approved_at', 'timestamptz')
    .addColumn('destroyed_at', 'timestamptz')
    .addCheckConstraint('incident_destruction_two_people', sql`approved_by is null or approved_by <> proposed_by`)
    .addCheckConstraint('incident_destruction_order', sql`(destroyed_at is null) or (approved_at is not null)`)
    .execute();
  await db.schema
    .createIndex('incident_destruction_pending')
    .on('incident_destruction')
    .column('incident_id')
    .unique()
    .where(sql.ref('destroyed_at'), 'is', null)
    .execute();

  await sql`alter table incident add column review_notified_on date`.execute(db);

  await sql`
    create or replace function incident_event_refuse_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and exists (
        select 1 from incident_destruction d
        where d.incident_id = old.incident_id and d.approved_at is not null and d.destroyed_at is null
      ) then
        return old;
      end if;
      raise exception 'a case chronology is append-only: % on incident_event is refused', tg_op;
    end
    $$
  `.execute(db);
  await sql`
    create or replace function incident_chain_move_forward() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and exists (
        select 1 from incident_destruction d
        where d.incident_id = old.incident_id and d.approved_at is not null and d.destroyed_at is null
      ) then
        return old;
      end if;
      if tg_op <> 'UPDATE' then
        raise exception 'a chronology head is kept for good: % on incident_chain is refused', tg_op;
      end if;
      if new.incident_id <> old.incident_id or new.seq <= old.seq or not exists (
        select 1 from incident_event e where e.incident_id = new.incident_id and e.seq = new.seq and e.hash = new.hash
      ) then
        raise exception 'a chronology head may only move forward, onto an entry of the chronology';
      end if;
      return new;
    end
    $$
  `.execute(db);

  for (const table of ['incident_retention_rule', 'incident_destruction']) await scopeToSchool(db, table);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('incident_destruction').execute();
  await db.schema.dropTable('incident_retention_rule').execute();
  await sql`alter table incident drop column review_notified_on`.execute(db);
}
