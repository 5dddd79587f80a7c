// What the role Footprint serves as may do, on PostgreSQL, when it is not the tables' owner.
// It reads and writes the school's records, but cannot change the schema, switch row-level
// security off, touch the migration history, or rewrite the audit log: those need the owner.
// Granted afresh after every migration, so a new table is never left out or over-granted.
import { sql, type Kysely } from 'kysely';
import type { Tables } from './tables.ts';

type Privilege = 'select' | 'insert' | 'update' | 'delete';

const readWrite: readonly Privilege[] = ['select', 'insert', 'update', 'delete'];

/** Tables that differ from read-and-write; an empty list means none at all. */
export const tablePrivileges: Readonly<Record<string, readonly Privilege[]>> = {
  kysely_migration: [],
  kysely_migration_lock: [],
  // Append-only: entries are added and read, never changed or removed.
  audit_entry: ['select', 'insert'],
  // The head of each school's chain moves forward; it is never removed.
  audit_chain: ['select', 'insert', 'update'],
  // A case's chronology is kept the same way; a trigger refuses deleting it unless the case's
  // destruction has been approved under the school's retention rules.
  incident_event: ['select', 'insert', 'delete'],
  incident_chain: ['select', 'insert', 'update', 'delete'],
};

export function privilegesOn(table: string): readonly Privilege[] {
  return tablePrivileges[table] ?? readWrite;
}

/** Run as the owner: gives `role` exactly its privileges on every table of the current schema. */
export async function grantServingRole(owner: Kysely<Tables>, role: string): Promise<void> {
  await owner.transaction().execute(async (trx) => {
    const tables = await sql<{ name: string }>`
      select tablename as name from pg_tables
      where schemaname = 'public' and tableowner = current_user
      order by tablename`.execute(trx);
    const grantee = sql.id(role);
    await sql`grant usage on schema ${sql.id('public')} to ${grantee}`.execute(trx);
    for (const { name } of tables.rows) {
      const table = sql.table(name);
      await sql`revoke all on table ${table} from ${grantee}`.execute(trx);
      const privileges = privilegesOn(name);
      if (privileges.length === 0) continue;
      await sql`grant ${sql.raw(privileges.join(', '))} on table ${table} to ${grantee}`.execute(trx);
    }
    await sql`grant usage, select on all sequences in schema ${sql.id('public')} to ${grantee}`.execute(trx);
  });
}

export interface ServingRole {
  name: string;
  /** True when it owns any of the tables, is a superuser, or bypasses row-level security. */
  privileged: boolean;
}

/** Who the serving connection is, and whether it holds more than it needs. */
export async function servingRole(db: Kysely<Tables>): Promise<ServingRole> {
  const result = await sql<{ name: string; privileged: boolean }>`
    select current_user as name,
           (r.rolsuper or r.rolbypassrls
            or exists (select 1 from pg_tables t
                       where t.schemaname = 'public' and t.tableowner = current_user)) as privileged
    from pg_roles r where r.rolname = current_user`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('The serving role could not be read from pg_roles');
  return row;
}
