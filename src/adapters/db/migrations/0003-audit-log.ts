// Each school's audit log: entries chained by hash, and the chain head kept apart so that a
// missing last entry shows. Triggers make the log append-only for everyone but a table owner who
// disables them on purpose; the chain then shows what was done. Entries keep the actor's id with
// no foreign key, because the log must outlive the people it names.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_entry')
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_person_id', 'uuid')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('previous_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_entry_pkey', ['school_id', 'seq'])
    .addCheckConstraint('audit_entry_subject', sql`(subject_kind is null) = (subject_id is null)`)
    .execute();
  await db.schema.createIndex('audit_entry_school_at').on('audit_entry').columns(['school_id', 'at']).execute();
  await db.schema
    .createIndex('audit_entry_school_action')
    .on('audit_entry')
    .columns(['school_id', 'action', 'at'])
    .execute();
  await db.schema
    .createIndex('audit_entry_school_actor')
    .on('audit_entry')
    .columns(['school_id', 'actor_person_id', 'at'])
    .execute();

  await db.schema
    .createTable('audit_chain')
    .addColumn('school_id', 'uuid', (c) => c.primaryKey().references('school.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  await sql`
    create function audit_entry_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'the audit log is append-only: % on audit_entry is refused', tg_op;
    end
    $$
  `.execute(db);
  await sql`
    create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change()
  `.execute(db);
  await sql`
    create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_refuse_change()
  `.execute(db);

  // The head only moves forward, and only onto an entry that is there with that hash.
  await sql`
    create function audit_chain_move_forward() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'UPDATE' then
        raise exception 'the audit chain head is kept for good: % on audit_chain is refused', tg_op;
      end if;
      if new.school_id <> old.school_id or new.seq <= old.seq or not exists (
        select 1 from audit_entry e where e.school_id = new.school_id and e.seq = new.seq and e.hash = new.hash
      ) then
        raise exception 'the audit chain head may only move forward, onto an entry of the chain';
      end if;
      return new;
    end
    $$
  `.execute(db);
  await sql`
    create trigger audit_chain_forward_only before update or delete on audit_chain
    for each row execute function audit_chain_move_forward()
  `.execute(db);
  await sql`
    create trigger audit_chain_no_truncate before truncate on audit_chain
    for each statement execute function audit_chain_move_forward()
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_chain').execute();
  await db.schema.dropTable('audit_entry').execute();
  await sql`drop function audit_chain_move_forward()`.execute(db);
  await sql`drop function audit_entry_refuse_change()`.execute(db);
}
