// Incidents: each concern reported, the people involved, the tasks the school's procedures
// raise, the evidence kept, and the case's chronology. The chronology is append-only and chained
// by hash per case, like the audit log, with its head kept apart so that a missing last entry shows.
import { sql, type Kysely } from 'kysely';
import { scopeToSchool } from './school-scope-policy.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incident')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('staff', 'public', 'monitoring')`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('happened_on', 'date')
    .addColumn('platform', 'text')
    .addColumn('links', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('child_involved', 'boolean', (c) => c.notNull())
    .addColumn('handler', 'text', (c) =>
      c.notNull().check(sql`handler in ('dsl', 'headteacher', 'chair_of_governors')`),
    )
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('reported')
        .check(sql`status in ('reported', 'open', 'closed')`),
    )
    .addColumn('situation', 'jsonb')
    .addColumn('outcome', 'text')
    .addColumn('reporter_person_id', 'uuid', (c) => c.references('person.id'))
    .addColumn('reporter_role', 'text', (c) => c.notNull())
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_contact', 'text')
    .addColumn('reported_at', 'timestamptz', (c) => c.notNull())
    .addColumn('first_action_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('review_due', 'date')
    .addCheckConstraint('incident_closed', sql`(status = 'closed') = (closed_at is not null and outcome is not null)`)
    .addUniqueConstraint('incident_reference', ['school_id', 'reference'])
    .execute();
  await db.schema.createIndex('incident_school_status').on('incident').columns(['school_id', 'status']).execute();
  await db.schema.createIndex('incident_reported').on('incident').columns(['school_id', 'reported_at']).execute();

  await db.schema
    .createTable('incident_party')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('incident_id', 'uuid', (c) => c.notNull().references('incident.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.references('person.id'))
    .addColumn('pupil_id', 'uuid', (c) => c.references('pupil.id'))
    .addColumn('description', 'text')
    .addColumn('subject', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_party_case').on('incident_party').column('incident_id').execute();
  await db.schema
    .createIndex('incident_party_person')
    .on('incident_party')
    .columns(['school_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('incident_task')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('incident_id', 'uuid', (c) => c.notNull().references('incident.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('owner_role', 'text', (c) => c.notNull())
    .addColumn('owner_person_id', 'uuid', (c) => c.references('person.id'))
    .addColumn('because', 'text', (c) => c.notNull())
    .addColumn('optional', 'boolean', (c) => c.notNull())
    .addColumn('condition', 'text')
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`state in ('open', 'done', 'not_needed')`),
    )
    .addColumn('done_at', 'timestamptz')
    .addColumn('done_by', 'uuid', (c) => c.references('person.id'))
    .addColumn('reminded_at', 'timestamptz')
    .addColumn('escalated_at', 'timestamptz')
    .addColumn('raised_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('incident_task_done', sql`(state = 'open') = (done_at is null)`)
    .execute();
  await db.schema.createIndex('incident_task_case').on('incident_task').column('incident_id').execute();
  await db.schema
    .createIndex('incident_task_open_due')
    .on('incident_task')
    .column('due_at')
    .where(sql.ref('state'), '=', 'open')
    .execute();

  await db.schema
    .createTable('incident_evidence')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('incident_id', 'uuid', (c) => c.notNull().references('incident.id'))
    .addColumn('file_key', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('added_by', 'uuid', (c) => c.references('person.id'))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incident_evidence_case').on('incident_evidence').column('incident_id').execute();

  await db.schema
    .createTable('incident_event')
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('incident_id', 'uuid', (c) => c.notNull().references('incident.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_person_id', 'uuid')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('facts', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('previous_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_event_pkey', ['incident_id', 'seq'])
    .execute();

  await db.schema
    .createTable('incident_chain')
    .addColumn('incident_id', 'uuid', (c) => c.primaryKey().references('incident.id'))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  await sql`
    create function incident_event_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'a case chronology is append-only: % on incident_event is refused', tg_op;
    end
    $$
  `.execute(db);
  await sql`
    create trigger incident_event_append_only before update or delete on incident_event
    for each row execute function incident_event_refuse_change()
  `.execute(db);
  await sql`
    create trigger incident_event_no_truncate before truncate on incident_event
    for each statement execute function incident_event_refuse_change()
  `.execute(db);
  await sql`
    create function incident_chain_move_forward() returns trigger language plpgsql as $$
    begin
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
  await sql`
    create trigger incident_chain_forward_only before update or delete on incident_chain
    for each row execute function incident_chain_move_forward()
  `.execute(db);
  await sql`
    create trigger incident_chain_no_truncate before truncate on incident_chain
    for each statement execute function incident_chain_move_forward()
  `.execute(db);

  for (const table of [
    'incident',
    'incident_party',
    'incident_task',
    'incident_evidence',
    'incident_event',
    'incident_chain',
  ])
    await scopeToSchool(db, table);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'incident_chain',
    'incident_event',
    'incident_evidence',
    'incident_task',
    'incident_party',
    'incident',
  ])
    await db.schema.dropTable(table).execute();
  await sql`drop function incident_chain_move_forward()`.execute(db);
  await sql`drop function incident_event_refuse_change()`.execute(db);
}
