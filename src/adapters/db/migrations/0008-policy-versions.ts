// Each school's own policy, version by version, and the governors' ratifications of it. A version's
// text can change only while it is a draft: the database itself refuses anything else, so what
// was ratified and published stays exactly as it was.
import { sql, type Kysely } from 'kysely';
import { scopeToSchool } from './school-scope-policy.ts';

const tables = ['policy_version', 'policy_ratification'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('policy_version')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number > 0`))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'awaiting_ratification', 'ratified', 'published', 'superseded')`),
    )
    .addColumn('document', 'jsonb', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('adopted_from', 'jsonb')
    .addColumn('change_summary', 'text')
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('person.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('ratified_at', 'timestamptz')
    .addColumn('published_at', 'timestamptz')
    .addColumn('superseded_at', 'timestamptz')
    .addColumn('review_due', 'date')
    .addUniqueConstraint('policy_version_school_number', ['school_id', 'number'])
    .execute();
  // One version of each school in the making (draft, with the governors, or ratified) at a time,
  // and one published.
  await sql`create unique index policy_version_one_in_hand on policy_version (school_id)
            where status in ('draft', 'awaiting_ratification', 'ratified')`.execute(db);
  await sql`create unique index policy_version_one_published on policy_version (school_id)
            where status = 'published'`.execute(db);

  await db.schema
    .createTable('policy_ratification')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('school_id', 'uuid', (c) => c.notNull().references('school.id'))
    .addColumn('version_id', 'uuid', (c) => c.notNull().references('policy_version.id'))
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('person.id'))
    .addColumn('ratified_on', 'date', (c) => c.notNull())
    .addColumn('meeting', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('policy_ratification_version')
    .on('policy_ratification')
    .columns(['version_id'])
    .execute();

  await sql`
    create function policy_version_keep_text() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if old.status <> 'draft' then
          raise exception 'policy version % of its school is kept for good: only a draft may be removed', old.number;
        end if;
        return old;
      end if;
      if old.status <> 'draft' and (new.document is distinct from old.document
                                    or new.content_hash is distinct from old.content_hash) then
        raise exception 'policy version % is % and its text cannot change', old.number, old.status;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger policy_version_text_fixed before update or delete on policy_version
            for each row execute function policy_version_keep_text()`.execute(db);

  for (const table of tables) await scopeToSchool(db, table);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('policy_ratification').execute();
  await db.schema.dropTable('policy_version').execute();
  await sql`drop function policy_version_keep_text()`.execute(db);
}
