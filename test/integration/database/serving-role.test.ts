// On PostgreSQL Footprint serves as a role that owns nothing: it reads and writes the schools'
// records but cannot change the schema, switch row-level security off, rewrite the audit log or
// see the migration history. The owner migrates and grants exactly that after every migration.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../src/adapters/db/database.ts';
import { privilegesOn, servingRole } from '../../../src/adapters/db/privileges.ts';
import { createLogger } from '../../../src/log.ts';
import { createAdapters } from '../../../src/wiring.ts';
import { backends } from '../../support/backends.ts';
import { postgresAvailable, servingRoleAvailable } from '../../support/environment.ts';
import { aSchool } from '../../support/community.ts';
import { useTestDatabase } from '../../support/fixtures.ts';

describe.runIf(postgresAvailable() && servingRoleAvailable())('The serving role (postgres)', () => {
  const testDatabase = useTestDatabase(backends.postgres);
  let serving: Database;

  beforeAll(async () => {
    const { config } = testDatabase();
    const adapters = await createAdapters(config, createLogger(config));
    try {
      await adapters.migrate();
      const school = await aSchool(adapters, 'serving', '800101');
      await adapters.units.inSchool(school.id, (store) =>
        store.people.add([{ person: { givenName: 'Sam', familyName: 'Served' }, roles: [{ role: 'parent' }] }]),
      );
    } finally {
      await adapters.close();
    }
    serving = await openDatabase(config, createLogger(config));
  });
  afterAll(() => serving.close());

  const attempt = (statement: ReturnType<typeof sql>) => statement.execute(serving.db);

  it('owns no table, is no superuser and does not bypass row-level security', async () => {
    const role = await servingRole(serving.db);
    expect(role.privileged).toBe(false);
    const owners = await sql<{ owner: string }>`
      select distinct tableowner as owner from pg_tables where schemaname = 'public'`.execute(serving.db);
    expect(owners.rows.map((row) => row.owner)).not.toContain(role.name);
  });

  it('holds exactly the privileges listed for each table, and no more', async () => {
    const granted = await sql<{ table: string; privilege: string }>`
      select t.tablename as table, p.privilege
      from pg_tables t
      cross join (values ('SELECT'), ('INSERT'), ('UPDATE'), ('DELETE'), ('TRUNCATE'), ('REFERENCES'), ('TRIGGER')) as p(privilege)
      where t.schemaname = 'public'
        and has_table_privilege(current_user, format('public.%I', t.tablename), p.privilege)
      order by 1, 2`.execute(serving.db);
    const tables = await sql<{ table: string }>`
      select tablename as table from pg_tables where schemaname = 'public' order by 1`.execute(serving.db);
    expect(tables.rows.length).toBeGreaterThan(10);
    const expected = tables.rows.flatMap(({ table }) =>
      privilegesOn(table)
        .map((privilege) => ({ table, privilege: privilege.toUpperCase() }))
        .sort((a, b) => a.privilege.localeCompare(b.privilege)),
    );
    expect(granted.rows).toEqual(expected);
  });

  it('finds row-level security forced on every table that has a school_id', async () => {
    const unguarded = await sql<{ table: string }>`
      select c.relname as table from pg_class c
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
      where c.relkind = 'r'
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'school_id')
        and not (c.relrowsecurity and c.relforcerowsecurity)`.execute(serving.db);
    expect(unguarded.rows).toEqual([]);
  });

  it('cannot switch row-level security off, nor change the schema', async () => {
    await expect(attempt(sql`alter table person disable row level security`)).rejects.toThrow(/must be owner/);
    await expect(attempt(sql`alter table person no force row level security`)).rejects.toThrow(/must be owner/);
    await expect(attempt(sql`drop policy school_scope on person`)).rejects.toThrow(/must be owner/);
    await expect(attempt(sql`create table intruder (id int)`)).rejects.toThrow(/permission denied/);
  });

  it('cannot change or remove audit entries, nor read the migration history', async () => {
    await expect(attempt(sql`update audit_entry set action = 'sign_in'`)).rejects.toThrow(/permission denied/);
    await expect(attempt(sql`delete from audit_entry`)).rejects.toThrow(/permission denied/);
    await expect(attempt(sql`alter table audit_entry disable trigger all`)).rejects.toThrow(/must be owner/);
    await expect(attempt(sql`select * from kysely_migration`)).rejects.toThrow(/permission denied/);
  });

  it('sees no school rows in a transaction that names no school', async () => {
    const count = sql<{ count: string }>`select count(*)::text as count from person`;
    expect((await count.execute(serving.db)).rows).toEqual([{ count: '0' }]);
    const all = await serving.db.transaction().execute(async (trx) => {
      await sql`select set_config('footprint.all_schools', 'on', true)`.execute(trx);
      return count.execute(trx);
    });
    expect(all.rows).toEqual([{ count: '1' }]);
  });
});
